/**
 * Forged documents pushed by replication: a librarian's own replica can hold anything, so the
 * server must refuse what the librarian may not write when replication sends it (`_bulk_docs`
 * with `new_edits: false`), store the valid documents of the same batch, and let the checkpoint
 * move past the refused ones so they are not sent again and again (STACK-NOTES.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerPouchDB } from '../../../couchdb/embedded/server-pouchdb';
import { formatStamp, transactionTime } from '../../../src/lib/domain/ids';
import { personDoc, restamped, validTransactions, type Doc } from '../../corpus/documents';
import { login, request, type ServerKind, type TestServer } from '../embedded-server';
import { eventually } from './eventually';

export function replicationSecuritySuite(kind: ServerKind): void {
	/**
	 * The replica: pouchdb-core with the memory, http and replication plugins. pouchdb-core's class
	 * is shared by the whole process and a plugin cannot be installed on it twice, so this takes
	 * the one couchdb/embedded/server-pouchdb.ts builds (the embedded server in this process uses it too).
	 */
	const Client = createServerPouchDB('', true);
	type Replica = PouchDB.Database;

	interface ReplicationResult {
		ok: boolean;
		docs_read: number;
		docs_written: number;
		doc_write_failures: number;
		last_seq: number | string;
	}

	interface Denial {
		id?: string;
		name?: string;
		reason?: string;
	}

	const users = [
		{ name: 'kari.nordby', password: 'pw-kari', roles: ['librarian', 'library:hamar'] },
		{ name: 'fylket', password: 'pw-fylket', roles: ['county', 'librarian', 'library:fylkesbiblioteket'] }
	];

	/** A corpus transaction changed and written again by Hamar's desk, `minutes` after the corpus offer. */
	function hamarTx(kind: 'offer.posted' | 'policy.set', minutes: number, fields: Doc = {}): Doc & { _id: string } {
		const ms = transactionTime(String(validTransactions['offer.posted'].build()._id).slice(3)) + minutes * 60_000;
		return restamped({ ...validTransactions[kind].build(), ...fields }, formatStamp({ ms, counter: 0 }, 'hamarskranke01')) as Doc & { _id: string };
	}

	let replicas = 0;

	/** A replica in memory and the county database over HTTP, logged in with a session cookie. */
	function connect(server: TestServer, cookie: string): { local: Replica; remote: Replica } {
		const local = new Client(`replica-${++replicas}`) as Replica;
		const remote = new Client(`${server.dbUrl}/byttebank`, {
			adapter: 'http',
			skip_setup: true,
			fetch: (url: string | Request, opts?: RequestInit) => {
				const headers = new Headers(opts?.headers as HeadersInit | undefined);
				headers.set('cookie', cookie);
				return fetch(url, { ...opts, headers });
			}
		} as PouchDB.Configuration.RemoteDatabaseConfiguration) as Replica;
		return { local, remote };
	}

	function push(local: Replica, remote: Replica): Promise<{ result: ReplicationResult; denied: Denial[] }> {
		const denied: Denial[] = [];
		return new Promise((resolve, reject) => {
			local.replicate
				.to(remote)
				.on('denied', (error) => denied.push(error as Denial))
				.on('complete', (result) => resolve({ result: result as unknown as ReplicationResult, denied }))
				.on('error', reject);
		});
	}

	describe('forged documents pushed by replication', () => {
		let server: TestServer;
		let cookie: string;
		let admin: string;

		beforeAll(async () => {
			server = await kind.start({ countyDb: 'byttebank', users, documents: [] });
			cookie = await login(server.dbUrl, 'kari.nordby', 'pw-kari');
			admin = await login(server.dbUrl, server.admin.name, server.admin.password);
		});
		afterAll(async () => {
			await server?.stop();
		});

		const stored = async (id: string) => (await request(server.dbUrl, 'GET', `/byttebank/${encodeURIComponent(id)}`, { cookie: admin })).status;

		it('refuses forged documents in a batch, stores the valid ones, and does not send the refused ones again', async () => {
			const { local, remote } = connect(server, cookie);
			const valid: Doc[] = [
				hamarTx('offer.posted', 1),
				personDoc('hamar', { _id: 'person:hamar-replicated' })
			];
			const forged: Doc[] = [
				hamarTx('offer.posted', 2, { by: { library: 'tolga' } }),
				hamarTx('policy.set', 3, { by: { library: 'hamar' } }),
				hamarTx('policy.set', 4, { by: { library: 'hamar', role: 'county' } }),
				personDoc('tolga', { _id: 'person:tolga-forged' })
			];
			// The local replica takes anything: validation lives on the server.
			await local.bulkDocs([...valid, ...forged]);

			const first = await push(local, remote);
			expect(first.result.docs_read).toBe(6);
			expect(first.result.docs_written).toBe(2);
			expect(first.result.doc_write_failures).toBe(4);
			expect(first.denied.map((d) => d.id).sort()).toEqual(forged.map((d) => String(d._id)).sort());
			for (const denial of first.denied) {
				expect(denial.name).toBe('forbidden');
				expect(denial.reason).toMatch(/own library|county/);
			}
			expect(await Promise.all(valid.map((d) => stored(String(d._id))))).toEqual([200, 200]);
			expect(await Promise.all(forged.map((d) => stored(String(d._id))))).toEqual([404, 404, 404, 404]);

			// The checkpoint moved past the refused documents: the next run has nothing to send.
			const second = await push(local, remote);
			expect(second.result).toMatchObject({ docs_read: 0, docs_written: 0, doc_write_failures: 0 });
			expect(second.denied).toEqual([]);
			expect(second.result.last_seq).toEqual(first.result.last_seq);
		});

		it('refuses a transaction rewritten in the local replica and pushed as a new revision', async () => {
			const { local, remote } = connect(server, cookie);
			const offer: Doc & { _id: string } = hamarTx('offer.posted', 5);
			expect((await request(server.dbUrl, 'PUT', `/byttebank/${offer._id}`, { cookie, body: offer })).status).toBe(201);
			const mine = await eventually(async () => {
				await local.replicate.from(remote);
				return local.get<Doc>(offer._id);
			});
			await local.put({ ...mine, days: 20 });

			const { result, denied } = await push(local, remote);
			expect(result.doc_write_failures).toBe(1);
			expect(denied[0]?.reason).toMatch(/can never be changed or deleted/);
			const onServer = await request(server.dbUrl, 'GET', `/byttebank/${offer._id}`, { cookie: admin });
			expect(onServer.body).toMatchObject({ days: offer.days, _rev: mine._rev });
		});

		it('refuses a first-generation branch beside a stored transaction with other content, and keeps one leaf', async () => {
			const offer: Doc & { _id: string } = hamarTx('offer.posted', 8);
			expect((await request(server.dbUrl, 'PUT', `/byttebank/${offer._id}`, { cookie, body: offer })).status).toBe(201);
			const { _rev, ...content } = offer;
			const branch = { ...content, days: 20, _rev: `1-${'0'.repeat(32)}` };
			const res = await request(server.dbUrl, 'POST', '/byttebank/_bulk_docs', { cookie, body: { docs: [branch], new_edits: false } });
			// Refused as a whole or per document; with new_edits: false an empty array means stored.
			expect(res.status === 201 ? res.body : [{ error: res.body.error }]).toEqual([expect.objectContaining({ error: 'forbidden' })]);
			const leaves = await request(server.dbUrl, 'GET', `/byttebank/${offer._id}?open_revs=all`, { cookie: admin });
			const docs = (leaves.body as unknown as Array<{ ok?: Doc }>).map((l) => l.ok);
			expect(docs).toHaveLength(1);
			expect(docs[0]).toMatchObject({ days: offer.days });
		});

		it('refuses a transaction deleted in the local replica when the deletion is pushed', async () => {
			const { local, remote } = connect(server, cookie);
			const offer = hamarTx('offer.posted', 6);
			expect((await request(server.dbUrl, 'PUT', `/byttebank/${offer._id}`, { cookie, body: offer })).status).toBe(201);
			const pulled = await eventually(async () => {
				await local.replicate.from(remote);
				return local.get(offer._id);
			});
			await local.remove(pulled);

			const { result, denied } = await push(local, remote);
			expect(result.doc_write_failures).toBe(1);
			expect(denied[0]?.reason).toMatch(/can never be changed or deleted/);
			expect(await stored(offer._id)).toBe(200);
		});

		it('refuses every document pushed without a session: the replication fails with 401', async () => {
			const { local, remote } = connect(server, 'AuthSession=forged');
			const late = hamarTx('offer.posted', 7);
			await local.put(late);
			// Apache CouchDB answers a cookie it cannot even parse with 400 ("Malformed AuthSession cookie").
			const error = (await push(local, remote).then(() => undefined, (e: unknown) => e)) as { status?: number } | undefined;
			expect(kind.flavor === 'apache' ? [400, 401] : [401]).toContain(error?.status);
			expect(await stored(late._id)).toBe(404);
		});
	});
}
