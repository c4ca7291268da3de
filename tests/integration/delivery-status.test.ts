import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedKind, startTestServer, type TestServer } from './embedded-server';
import { deliveryStatusSuite } from './suites/delivery-status.suite';

deliveryStatusSuite(embeddedKind);

describe('the app’s own origin forwards /notify/status to the notifier', () => {
	let server: TestServer;
	let notifier: string | undefined;
	let upstream: import('node:http').Server;

	beforeAll(async () => {
		const { createServer } = await import('node:http');
		// A stand-in notifier that echoes the cookie it was sent, so the test sees what was forwarded.
		upstream = createServer((req, res) => {
			res.writeHead(req.url === '/status' ? 200 : 404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ path: req.url, cookie: req.headers.cookie ?? null }));
		});
		await new Promise<void>((done) => upstream.listen(0, '127.0.0.1', () => done()));
		server = await startTestServer(undefined, { notifyUrl: () => notifier });
	});
	afterAll(async () => {
		await server?.stop();
		await new Promise<void>((done) => upstream.close(() => done()));
	});

	it('says the notifier is not running until it is, then forwards GET /status with the cookie, and nothing else', async () => {
		expect((await fetch(`${server.url}/notify/status`)).status).toBe(503);
		const { port } = upstream.address() as import('node:net').AddressInfo;
		notifier = `http://127.0.0.1:${port}`;
		const answer = await fetch(`${server.url}/notify/status`, { headers: { cookie: 'AuthSession=abc' } });
		expect(answer.status).toBe(200);
		expect(await answer.json()).toEqual({ path: '/status', cookie: 'AuthSession=abc' });
		expect((await fetch(`${server.url}/notify/unsubscribe?a=x&t=y`, { method: 'POST' })).status).toBe(404);
		expect((await fetch(`${server.url}/notify/status`, { method: 'POST' })).status).toBe(404);
	});
});
