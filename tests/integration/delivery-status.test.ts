import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedKind, startTestServer, type TestServer } from './embedded-server';
import { deliveryStatusSuite } from './suites/delivery-status.suite';

deliveryStatusSuite(embeddedKind);

describe('the app’s own origin forwards the app’s calls under /notify to the notifier', () => {
	let server: TestServer;
	let notifier: string | undefined;
	let upstream: import('node:http').Server;

	beforeAll(async () => {
		const { createServer } = await import('node:http');
		// A stand-in notifier that echoes the cookie it was sent, so the test sees what was forwarded.
		upstream = createServer((req, res) => {
			const chunks: Uint8Array[] = [];
			req.on('data', (c: Uint8Array) => chunks.push(c));
			req.on('end', () => {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ path: req.url, method: req.method, cookie: req.headers.cookie ?? null, body: Buffer.concat(chunks).toString('utf8') }));
			});
		});
		await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', () => done()));
		server = await startTestServer(undefined, { notifyUrl: () => notifier });
	});
	afterAll(async () => {
		await server?.stop();
		upstream.closeAllConnections();
		await new Promise<void>((done) => upstream.close(() => done()));
	});

	it('says the notifier is not running until it is, then forwards them with the cookie and body, and nothing else', async () => {
		expect((await fetch(`${server.url}/notify/status`)).status).toBe(503);
		const { port } = upstream.address() as import('node:net').AddressInfo;
		notifier = `http://127.0.0.1:${port}`;
		const answer = await fetch(`${server.url}/notify/status`, { headers: { cookie: 'AuthSession=abc' } });
		expect(answer.status).toBe(200);
		expect(await answer.json()).toEqual({ path: '/status', method: 'GET', cookie: 'AuthSession=abc', body: '' });
		const subscribed = await fetch(`${server.url}/notify/push`, { method: 'POST', headers: { cookie: 'AuthSession=abc', 'content-type': 'application/json' }, body: '{"endpoint":"https://push.example/1"}' });
		expect(await subscribed.json()).toEqual({ path: '/push', method: 'POST', cookie: 'AuthSession=abc', body: '{"endpoint":"https://push.example/1"}' });
		expect((await fetch(`${server.url}/notify/push`, { method: 'POST', body: 'x'.repeat(9000) })).status).toBe(413);
		expect((await fetch(`${server.url}/notify/unsubscribe?a=x&t=y`, { method: 'POST' })).status).toBe(404);
		expect((await fetch(`${server.url}/notify/status`, { method: 'POST' })).status).toBe(404);
	});
});
