import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCounty } from '../../../couchdb/demo/seed';
import { createServerPouchDB } from '../../../couchdb/embedded/server-pouchdb';
import { login, type ServerKind, type TestServer } from '../embedded-server';
import { eventually } from './eventually';

export function replicatedEditsSuite(kind: ServerKind): void {
	type Doc = Record<string, unknown> & { _id: string; _rev: string };
	const Pouch = createServerPouchDB('/tmp/unused', true);
	const county = buildDemoCounty('byttebank');
	const provisioned = county.documents.map((doc) => doc._id);

	/** A device of a library: a local replica that replicates over HTTP with the session cookie. */
	async function device(server: TestServer, user: string) {
		const cookie = await login(server.dbUrl, user, 'byttebank');
		const fetchWithCookie = (url: string, opts: RequestInit) => {
			const headers = new Headers(opts.headers);
			headers.set('cookie', cookie);
			return fetch(url, { ...opts, headers });
		};
		const remote = new Pouch(`${server.dbUrl}/byttebank`, { adapter: 'http', fetch: fetchWithCookie } as never);
		const local = new Pouch(`device-${user}-${Math.random()}`);
		// Every member reads the whole county: pull until the device holds all of it (erased or not).
		await eventually(async () => {
			await local.replicate.from(remote);
			const held = (await local.allDocs({ keys: provisioned })) as { rows: Array<{ key: string; error?: string }> };
			expect(held.rows.filter((row) => row.error).map((row) => row.key)).toEqual([]);
		});
		return { local, remote };
	}

	describe('replicated edits on the embedded server', () => {
		let server: TestServer;
		beforeAll(async () => {
			server = await kind.start(county);
		});
		afterAll(async () => server?.stop());

		it('stores an edit of an existing person pushed by replication (not just answers "written")', async () => {
			const { local, remote } = await device(server, 'hamar');
			const person = (await local.get('person:hamar-1')) as Doc;
			await local.put({ ...person, name: 'Endret Navn', updated: '0mpufzeo0-0000-abcdefgh12' });
			const pushed = await local.replicate.to(remote);
			expect(pushed.doc_write_failures).toBe(0);
			const stored = (await remote.get('person:hamar-1')) as Doc;
			expect(stored.name).toBe('Endret Navn');
			expect(stored._rev.startsWith('2-')).toBe(true);
		});

		it('stores an erasure of a person pushed by replication', async () => {
			const { local, remote } = await device(server, 'hamar');
			await local.remove((await local.get('person:hamar-2')) as Doc);
			await local.replicate.to(remote);
			await expect(remote.get('person:hamar-2')).rejects.toMatchObject({ status: 404 });
		});

		it('still refuses a rewrite of an existing transaction pushed by replication', async () => {
			const { local, remote } = await device(server, 'hamar');
			const own = (await local.allDocs({ include_docs: true, startkey: 'tx:', endkey: 'tx:\uffff' })).rows
				.map((r: { doc?: unknown }) => r.doc as Doc & { kind: string; by: { library: string } })
				.find((d: Doc & { kind: string; by: { library: string } }) => d.by.library === 'hamar' && (d.kind === 'offer.posted' || d.kind === 'request.posted'))!;
			await local.put({ ...own, description: 'Omskrevet historie' });
			const pushed = await local.replicate.to(remote);
			expect(pushed.doc_write_failures).toBe(1);
			expect(((await remote.get(own._id)) as Doc)._rev).toBe(own._rev);
		});
	});
}
