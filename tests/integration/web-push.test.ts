/**
 * Web Push, the worker's half (no real push service is reachable here): a push service stands
 * on 127.0.0.1 in the test, a device subscribes over HTTP with a library's session, and the test
 * decrypts what the notifier sends with the device's own private key (RFC 8291, aes128gcm).
 * Hamar has three people: they get three e-mails, the device one notification. A device the
 * push service says is gone (410) is forgotten. Forged or malformed subscriptions are refused.
 */
import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provision } from '../../couchdb/provision';
import { LIBRARIAN_ROLE, libraryRole } from '../../couchdb/security';
import { testDirectory } from '../../src/lib/domain/notifications/test-county';
import { aWeek, idOf, TransactionWriter } from '../../src/lib/domain/test-transactions';
import { login, startTestServer, type TestServer } from './embedded-server';
import { putAsAdmin, until } from './notifier-county';
import { startTestNotifier, type TestNotifier } from './test-notifier';

const COUNTY = 'notify_push';
const HAMAR = { name: 'hamar.push', password: 'hamar-push-1' };

interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

describe('Web Push from the notifier to a device', () => {
	let server: TestServer;
	let notifier: TestNotifier;
	let push: Server;
	let answer = 201;
	const received: Received[] = [];
	// The device: its own key pair and auth secret, as a browser makes them when it subscribes.
	const device = createECDH('prime256v1');
	device.generateKeys();
	const auth = randomBytes(16).toString('base64url');
	let endpoint = '';
	let cookie = '';

	const subscribe = (body: unknown, headers: Record<string, string> = { cookie }, method = 'POST') =>
		fetch(`${notifier.service.url}/push`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
	const subscription = () => ({ endpoint, keys: { p256dh: device.getPublicKey().toString('base64url'), auth } });
	const decrypted = (r: Received) => JSON.parse(ece.decrypt(r.body, { version: 'aes128gcm', privateKey: device, authSecret: auth }).toString('utf8')) as Record<string, string>;

	beforeAll(async () => {
		push = createServer((req, res) => {
			const chunks: Uint8Array[] = [];
			req.on('data', (c: Uint8Array) => chunks.push(c));
			req.on('end', () => {
				received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
				res.writeHead(answer).end();
			});
		});
		await new Promise<void>((done) => push.listen(0, '127.0.0.1', () => done()));
		endpoint = `http://127.0.0.1:${(push.address() as AddressInfo).port}/push/device-1`;

		server = await startTestServer();
		const directory = testDirectory();
		await provision({ url: server.dbUrl, admin: server.admin }, { countyDb: COUNTY, users: [{ ...HAMAR, roles: [LIBRARIAN_ROLE, libraryRole('hamar')], fullName: 'Hanne Haugen' }], documents: [...directory.libraries.values(), ...directory.people] });
		cookie = await login(server.dbUrl, HAMAR.name, HAMAR.password);
		notifier = await startTestNotifier(server, COUNTY, { clockStart: Date.parse('2026-03-01T11:00:00Z'), pushAllowLocal: true });
	}, 60_000);
	afterAll(async () => {
		await notifier?.close();
		await server?.stop();
		push.closeAllConnections();
		await new Promise<void>((done) => push.close(() => done()));
	});

	it('gives out its public VAPID key, and takes a subscription only from a library’s session, well formed', async () => {
		const { key } = (await (await fetch(`${notifier.service.url}/vapid-public-key`)).json()) as { key: string };
		expect(Buffer.from(key, 'base64url')).toHaveLength(65);
		expect((await subscribe(subscription(), {})).status).toBe(401);
		expect((await subscribe(subscription(), { cookie: 'AuthSession=forged' })).status).toBe(401);
		expect((await subscribe({ endpoint, keys: { p256dh: 'short', auth } })).status).toBe(400);
		expect((await subscribe('not json at all')).status).toBe(400);
		expect((await subscribe(subscription())).status).toBe(201);
		expect(Object.keys(notifier.service.notifier.store.memory.push ?? {})).toEqual([endpoint]);
		expect(notifier.service.notifier.store.memory.push![endpoint]!.libraries).toEqual(['hamar']);
	});

	it('pushes an urgent request once to the device while each of Hamar’s people gets an e-mail, encrypted for the device alone', async () => {
		const request = new TransactionWriter('tolgapush0001').write('request.posted', { library: 'tolga', person: 'tove' }, { skills: ['cataloguing'], description: 'Akutt: katalogisering i morgen', days: 1, dates: [aWeek], urgency: 'urgent' });
		await putAsAdmin(server, COUNTY, request);
		await until('Hamar’s people mailed and the device pushed', () => notifier.catcher.messages.filter((m) => m.to[0]!.endsWith('@hamar.example')).length === 2 && received.length > 0);
		await new Promise((done) => setTimeout(done, 300));
		expect(received).toHaveLength(1);
		const [message] = received;
		expect(message!.path).toBe('/push/device-1');
		expect(message!.headers['content-encoding']).toBe('aes128gcm');
		expect(message!.headers.authorization).toMatch(/^vapid t=[\w-]+\.[\w-]+\.[\w-]+, k=[\w-]+$/);
		expect(Number(message!.headers.ttl)).toBeGreaterThan(0);
		expect(message!.body.toString('utf8')).not.toContain('Akutt');
		const payload = decrypted(message!);
		expect(payload.title).toContain('Akutt: katalogisering i morgen');
		expect(payload.url).toBe(`/requests/${idOf(request)}`);
	});

	it('forgets a device the push service says is gone and refuses it back, takes its new subscription, and a device can be removed by its library', async () => {
		answer = 410;
		await putAsAdmin(server, COUNTY, new TransactionWriter('tolgapush0002').write('request.posted', { library: 'tolga', person: 'tove' }, { skills: ['cataloguing'], description: 'Akutt igjen', days: 1, dates: [aWeek], urgency: 'urgent' }));
		await until('the device forgotten', () => Object.keys(notifier.service.notifier.store.memory.push ?? {}).length === 0);
		expect(received).toHaveLength(2);
		answer = 201;
		// The browser still holds the dead subscription and sends it again: told it is gone.
		const again = await subscribe(subscription());
		expect(again.status).toBe(410);
		expect(((await again.json()) as { error: string }).error).toBe('gone');
		expect(Object.keys(notifier.service.notifier.store.memory.push ?? {})).toEqual([]);
		// A new subscription (a new endpoint) is taken, and its library can remove it.
		endpoint = endpoint.replace('device-1', 'device-2');
		expect((await subscribe(subscription())).status).toBe(201);
		expect((await subscribe(subscription(), { cookie }, 'DELETE')).status).toBe(200);
		expect(Object.keys(notifier.service.notifier.store.memory.push ?? {})).toEqual([]);
	});
});
