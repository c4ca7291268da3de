/** src/lib/sync/remote-id.ts against the embedded server: the id PouchDB would use, asked for once. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCounty, DEMO_PASSWORD } from '../../couchdb/demo/seed';
import { createServerPouchDB } from '../../couchdb/embedded/server-pouchdb';
import type { Replica } from '../../src/lib/store/replica';
import { rememberRemoteId } from '../../src/lib/sync/remote-id';
import { login, startTestServer, type TestServer } from './embedded-server';

describe('the county database id replication uses', () => {
	const Client = createServerPouchDB('', true);
	let server: TestServer;
	let cookie: string;
	beforeAll(async () => {
		server = await startTestServer(buildDemoCounty('byttebank'));
		cookie = await login(server.dbUrl, 'hamar', DEMO_PASSWORD);
	});
	afterAll(async () => server?.stop());

	const counting = (log: string[], fail = false): typeof fetch => async (input, init) => {
		log.push(String(input));
		if (fail) throw new TypeError('fetch failed');
		const headers = new Headers(init?.headers);
		headers.set('cookie', cookie);
		return fetch(input, { ...init, headers });
	};
	/** PouchDB has `id()`; its types do not say so. */
	const idOf = (db: Replica) => (db as unknown as { id(): Promise<string> }).id();
	const remoteOf = (url: string, request: typeof fetch) => new Client(url, { adapter: 'http', skip_setup: true, fetch: request } as never) as unknown as Replica;

	it('is the id PouchDB computes itself, so existing checkpoints stay valid, and the server is asked once', async () => {
		const url = `${server.dbUrl}/byttebank`;
		const replica = new Client(`remote-id-${Math.random()}`) as unknown as Replica;
		const own = await idOf(remoteOf(url, counting([])));
		expect(own).not.toContain('http');

		const asked: string[] = [];
		const first = remoteOf(url, counting(asked));
		rememberRemoteId(replica, first, url, counting(asked));
		expect(await idOf(first)).toBe(own);
		expect(await idOf(first)).toBe(own);
		const again = remoteOf(url, counting(asked));
		rememberRemoteId(replica, again, url, counting(asked));
		expect(await idOf(again)).toBe(own);
		expect(asked).toEqual([`${server.dbUrl}/`]);
	});

	it('fails without a server instead of guessing another id (which once restarted replication from the beginning)', async () => {
		const url = `${server.dbUrl}/byttebank`;
		const replica = new Client(`remote-id-${Math.random()}`) as unknown as Replica;
		const offline = remoteOf(url, counting([], true));
		rememberRemoteId(replica, offline, url, counting([], true));
		await expect(idOf(offline)).rejects.toThrow('fetch failed');
		const online = remoteOf(url, counting([]));
		rememberRemoteId(replica, online, url, counting([]));
		expect(await idOf(online)).toBe(await idOf(remoteOf(url, counting([]))));
	});
});
