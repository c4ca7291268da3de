/**
 * The first copy of the county into an empty replica (src/lib/sync/initial-sync.ts), against a
 * real server: what a device holds after the copy and the handover is what the server holds,
 * leaf for leaf, whatever was written meanwhile; a copy cut off midway goes on from where it
 * stopped and never passes for complete; live replication then starts where the copy ended.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCounty, DEMO_PASSWORD } from '../../../couchdb/demo/seed';
import { createServerPouchDB } from '../../../couchdb/embedded/server-pouchdb';
import { formatStamp } from '../../../src/lib/domain/ids';
import { TransactionWriter } from '../../../src/lib/domain/test-transactions';
import { Projector } from '../../../src/lib/store/projector';
import { ReadModel } from '../../../src/lib/store/read-model';
import type { Replica } from '../../../src/lib/store/replica';
import { copyCounty, handOver, isLastPage, needsInitialSync, PROGRESS_DOC_ID, type Seq } from '../../../src/lib/sync/initial-sync';
import { MIN_GZIP_BYTES } from '../../../src/lib/sync/gzip-request-body';
import { startReplication, type ReplicationEvents } from '../../../src/lib/sync/replication';
import { SyncState } from '../../../src/lib/sync/sync-state';
import { login, request, type ServerKind, type TestServer } from '../embedded-server';
import { eventually } from './eventually';

type Doc = Record<string, unknown> & { _id: string; _rev: string };
const PAGE = 50;

export function initialSyncSuite(kind: ServerKind): void {
	const Client = createServerPouchDB('', true);
	const county = buildDemoCounty('byttebank');
	let replicas = 0;

	describe(`initial sync on ${kind.flavor === 'apache' ? 'Apache CouchDB' : 'the embedded server'}`, () => {
		let server: TestServer;
		let member: string;
		let admin: string;
		let dbUrl: string;
		const writer = new TransactionWriter('initsyncdev01', Date.UTC(2026, 10, 25, 8));

		beforeAll(async () => {
			server = await kind.start(county);
			dbUrl = `${server.dbUrl}/byttebank`;
			member = await login(server.dbUrl, 'hamar', DEMO_PASSWORD);
			admin = await login(server.dbUrl, server.admin.name, server.admin.password);
		});
		afterAll(async () => server?.stop());

		/** A fetch as a logged-in user, that may look at (or cut off) each request first. */
		function fetchAs(cookie: string, before?: (url: string) => void | Promise<void>, after?: (url: string, response: Response) => void | Promise<void>): typeof fetch {
			return async (input, init) => {
				const url = String(input instanceof Request ? input.url : input);
				await before?.(url);
				const headers = new Headers(init?.headers);
				headers.set('cookie', cookie);
				const response = await fetch(input, { ...init, headers });
				await after?.(url, response.clone());
				return response;
			};
		}

		function replica(): Replica {
			return new Client(`initial-sync-${++replicas}`) as unknown as Replica;
		}

		function remote(fetchFn: typeof fetch = fetchAs(member)): Replica {
			return new Client(dbUrl, { adapter: 'http', skip_setup: true, fetch: fetchFn } as never) as unknown as Replica;
		}

		/** A new transaction (admin-written, so any library may be named) stored on the server. */
		async function writeTransaction(): Promise<string> {
			const tx = writer.write('offer.posted', 'hamar', { skills: ['shelving'], description: `Skrevet under kopien ${replicas}`, days: 1, dates: [] });
			const res = await request(server.dbUrl, 'PUT', `/byttebank/${encodeURIComponent(tx._id)}`, { cookie: admin, body: tx });
			expect(res.status).toBe(201);
			return tx._id;
		}

		async function editPerson(id: string, name: string): Promise<void> {
			const current = (await request(server.dbUrl, 'GET', `/byttebank/${encodeURIComponent(id)}`, { cookie: admin })).body as Doc;
			const updated = formatStamp({ ms: Date.UTC(2026, 10, 26) + replicas * 1000, counter: 0 }, 'initsyncdev01');
			const res = await request(server.dbUrl, 'PUT', `/byttebank/${encodeURIComponent(id)}`, { cookie: admin, body: { ...current, name, updated } });
			expect(res.status).toBe(201);
		}

		/** Every document's leaf revisions, and its winning revision's content. */
		async function holdings(db: Replica) {
			const feed = await db.changes({ style: 'all_docs', include_docs: true });
			const held = new Map<string, { leaves: string[]; winner: unknown }>();
			for (const row of feed.results) held.set(row.id, { leaves: row.changes.map((c) => c.rev).sort(), winner: row.doc });
			return [...held.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
		}

		async function expectSameAsServer(local: Replica): Promise<void> {
			// On a cluster the feed may lag a write by a moment; the local side is settled.
			const mine = await holdings(local);
			await eventually(async () => expect(mine).toEqual(await holdings(remote())));
		}

		async function people(): Promise<string[]> {
			const rows = (await request(server.dbUrl, 'GET', `/byttebank/_all_docs?startkey=%22person%3A%22&endkey=%22person%3A%EF%BF%B0%22`, { cookie: admin })).body.rows as Array<{ id: string }>;
			return rows.map((r) => r.id);
		}

		it('copies the county in pages, takes in what was written during the copy and after it, and holds what the server holds', async () => {
			const local = replica();
			const [late] = (await people()).slice(0, 1) as [string];
			let early = '';
			let changesReads = 0;
			const during: string[] = [];
			const after: string[] = [];
			const fetchFn = fetchAs(
				member,
				async (url) => {
					if (!url.includes('/_changes')) return;
					changesReads += 1;
					// Once a person has been copied, before the next page: new documents, and an edit of
					// that person. A cluster's feed need not begin with the directory (the shard copy
					// that answers decides the order), so this waits for the first page that has one.
					if (early && !during.length && !after.length) {
						during.push(await writeTransaction(), await writeTransaction());
						await editPerson(early, 'Endret under kopien');
					}
				},
				async (url, response) => {
					if (!url.includes('/_changes') || after.length) return;
					const page = (await response.json()) as { results: Array<{ id: string }>; pending?: number };
					early ||= page.results.find((r) => r.id.startsWith('person:') && r.id !== late)?.id ?? '';
					// After the page the copy takes as its last: only the handover can bring these.
					if (isLastPage(page, PAGE)) {
						after.push(await writeTransaction(), await writeTransaction());
						await editPerson(late, 'Endret etter kopien');
						after.push(late);
					}
				}
			);
			const since = await copyCounty(local, dbUrl, { request: fetchFn, pageSize: PAGE });
			expect(since).toBeDefined();
			expect(early).not.toBe('');
			expect(during).toHaveLength(2);
			expect(changesReads).toBeGreaterThan(county.documents.length / PAGE);
			expect(await needsInitialSync(local)).toBe(true);
			for (const id of during) expect((await local.get(id))._id).toBe(id);
			expect(after).toHaveLength(3);
			await expect(local.get(after[0]!)).rejects.toMatchObject({ status: 404 });

			const handedOver = await handOver(local, remote(), since!, 500);
			expect(await needsInitialSync(local)).toBe(false);
			// The handover reads what came after the copy, not the county again.
			expect(handedOver.docs_read).toBeGreaterThanOrEqual(after.length);
			expect(handedOver.docs_read).toBeLessThan(PAGE);
			await expectSameAsServer(local);
			// An edit during the copy joined the copied revision: one leaf, not a made-up conflict.
			expect((await local.get(early, { conflicts: true }))._conflicts).toBeUndefined();
			expect((await local.get(early)).name).toBe('Endret under kopien');
			expect((await local.get(late)).name).toBe('Endret etter kopien');
		});

		it('brings every leaf of a conflicted document, so the projector shows what replication would', async () => {
			const [personId] = (await people()).slice(2, 3) as [string];
			const person = (await request(server.dbUrl, 'GET', `/byttebank/${encodeURIComponent(personId)}`, { cookie: admin })).body as Doc;
			const [gen, parent] = person._rev.split('-') as [string, string];
			const next = Number(gen) + 1;
			const branch = (hash: string, name: string, minute: number) => ({
				...person,
				name,
				updated: formatStamp({ ms: Date.UTC(2026, 10, 27) + minute * 60_000, counter: 0 }, 'initsyncdev01'),
				_rev: `${next}-${hash.repeat(32)}`,
				_revisions: { start: next, ids: [hash.repeat(32), parent] }
			});
			// Two live edits of one person from different devices, and an erasure beside them.
			const conflict = [branch('a', 'Gren A', 1), branch('b', 'Gren B', 2), { _id: personId, _deleted: true, _rev: `${next}-${'c'.repeat(32)}`, _revisions: { start: next, ids: ['c'.repeat(32), parent] } }];
			// A transaction with a forged first-generation branch (same content, another revision),
			// and one rewritten as a second generation: a server admin could do both.
			const forgedId = await writeTransaction();
			const rewrittenId = await writeTransaction();
			const forged = (await request(server.dbUrl, 'GET', `/byttebank/${encodeURIComponent(forgedId)}`, { cookie: admin })).body as Doc;
			const rewritten = (await request(server.dbUrl, 'GET', `/byttebank/${encodeURIComponent(rewrittenId)}`, { cookie: admin })).body as Doc;
			const res = await request(server.dbUrl, 'POST', '/byttebank/_bulk_docs', { cookie: admin, body: { docs: [...conflict, { ...forged, _rev: `1-${'0'.repeat(32)}`, _revisions: { start: 1, ids: ['0'.repeat(32)] } }], new_edits: false } });
			expect(res.status).toBe(201);
			expect((await request(server.dbUrl, 'PUT', `/byttebank/${encodeURIComponent(rewrittenId)}`, { cookie: admin, body: rewritten })).status).toBe(201);

			const copied = replica();
			const since = await copyCounty(copied, dbUrl, { request: fetchAs(member), pageSize: PAGE });
			await handOver(copied, remote(), since!, 500);
			await expectSameAsServer(copied);
			const leaves = (await copied.get(personId, { open_revs: 'all' })) as Array<{ ok?: Doc }>;
			expect(leaves.map((l) => l.ok?._rev).sort()).toEqual([conflict[0]!._rev, conflict[1]!._rev, conflict[2]!._rev].sort());

			const replicated = replica();
			await eventually(async () => {
				await replicated.replicate.from(remote());
				expect(await holdings(replicated)).toEqual(await holdings(copied));
			});
			const stats = [];
			for (const db of [copied, replicated]) {
				const view = new ReadModel(`initial-sync-view-${++replicas}`);
				const projector = new Projector(db, view);
				await projector.start();
				await projector.settled();
				stats.push(projector.stats);
				projector.stop();
				view.close();
				await view.delete();
			}
			expect(stats[0]).toMatchObject({ tampered: 2, resolved: 2 });
			expect(stats[0]).toEqual(stats[1]);
		});

		it('goes on from the last stored page after the network drops, and never passes for complete before the handover', async () => {
			const local = replica();
			let reads = 0;
			const dropped = fetchAs(member, (url) => {
				if (url.includes('/_changes') && ++reads === 3) throw new TypeError('fetch failed');
			});
			await expect(copyCounty(local, dbUrl, { request: dropped, pageSize: PAGE })).rejects.toThrow('fetch failed');
			expect(await needsInitialSync(local)).toBe(true);
			const progress = (await local.get(PROGRESS_DOC_ID)) as unknown as { phase: string; cursor: Seq; pages: number };
			// Page 3 may have been fetched ahead while page 2 was written; only stored pages count.
			expect(progress).toMatchObject({ phase: 'copying', pages: 2 });

			const sinces: string[] = [];
			const resumed = fetchAs(member, (url) => {
				if (url.includes('/_changes')) sinces.push(new URL(url).searchParams.get('since') ?? '');
			});
			const since = await copyCounty(local, dbUrl, { request: resumed, pageSize: PAGE });
			expect(sinces[0]).toBe(String(progress.cursor));
			expect(sinces.length).toBeLessThan(county.documents.length / PAGE);

			// The handover is cut off too: the copy stays "copied" and is handed over again.
			await expect(handOver(local, remote(fetchAs(member, () => Promise.reject(new TypeError('fetch failed')))), since!, 500)).rejects.toBeDefined();
			expect(await needsInitialSync(local)).toBe(true);
			let readAgain = 0;
			expect(await copyCounty(local, dbUrl, { request: fetchAs(member, () => void readAgain++) })).toBe(since);
			expect(readAgain).toBe(0);
			await handOver(local, remote(), since!, 500);
			expect(await needsInitialSync(local)).toBe(false);
			await expectSameAsServer(local);
		});

		it('starts live replication where the copy ended: the county is read once, and new writes keep arriving', async () => {
			const local = replica();
			const changes: URL[] = [];
			const fetchFn = fetchAs(member, (url) => {
				if (url.includes('/_changes')) changes.push(new URL(url));
			});
			const states: string[] = [];
			const copying: Array<{ active: boolean; docs: number }> = [];
			const events: ReplicationEvents = {
				state: (s) => states.push(s),
				synced: () => {},
				pushed: () => {},
				denied: () => {},
				shrink: () => {},
				copying: (active) => void local.info().then((info) => copying.push({ active, docs: info.doc_count }))
			};
			const stop = startReplication(local, dbUrl, events, { deviceId: 'initsyncdev01', request: fetchFn });
			try {
				await eventually(async () => expect(states.at(-1)).toBe(SyncState.UpToDate));
				// The projector is told the copy begins before anything is stored, and when it ends.
				await eventually(async () => expect(copying.map((c) => c.active)).toEqual([true, false]));
				expect(copying[0]!.docs).toBe(0);
				expect(copying[1]!.docs).toBeGreaterThan(0);
				expect(await needsInitialSync(local)).toBe(false);
				// Only the copy's first page reads from the beginning; every live read follows on.
				const fromStart = changes.filter((u) => (u.searchParams.get('since') ?? '0') === '0');
				expect(fromStart).toHaveLength(1);
				expect(fromStart[0]!.searchParams.get('style')).toBe('all_docs');
				const id = await writeTransaction();
				await eventually(async () => expect((await local.get(id))._id).toBe(id));
				await expectSameAsServer(local);
			} finally {
				stop();
			}
		});

		it('sends what the device wrote during the copy, though the push after a copy starts where the copy ended when nothing waits', async () => {
			const local = replica();
			const device = new TransactionWriter('initsyncdev02', Date.UTC(2026, 10, 25, 9));
			const mine = device.write('offer.posted', 'hamar', { skills: ['shelving'], description: 'Skrevet på brettet under kopien', days: 1, dates: [] });
			// The device's outbox: the entry is made before the document, as bank-writer.ts does.
			const outbox = new Set<string>();
			let written = false;
			const fetchFn = fetchAs(member, async (url) => {
				if (written || !url.includes('/_changes')) return;
				written = true;
				outbox.add(mine._id);
				await local.put(mine as never);
			});
			const events: ReplicationEvents = { state: () => {}, synced: () => {}, pushed: (ids) => ids.forEach((id) => outbox.delete(id)), denied: () => {}, shrink: () => {} };
			const stop = startReplication(local, dbUrl, events, { deviceId: 'initsyncdev02', request: fetchFn, unsent: async () => outbox.size });
			try {
				await eventually(async () => expect((await request(server.dbUrl, 'GET', `/byttebank/${encodeURIComponent(mine._id)}`, { cookie: admin })).status).toBe(200));
				expect(outbox.size).toBe(0);
				// Written after the copy, with nothing waiting: sent from the recorded start.
				const later = device.write('offer.posted', 'hamar', { skills: ['shelving'], description: 'Skrevet etter kopien', days: 1, dates: [] });
				await local.put(later as never);
				await eventually(async () => expect((await request(server.dbUrl, 'GET', `/byttebank/${encodeURIComponent(later._id)}`, { cookie: admin })).status).toBe(200));
			} finally {
				stop();
			}
		});

		it('sends what a device wrote with gzipped bodies, which the server stores as written', async () => {
			const local = replica();
			const device = new TransactionWriter('initsyncdev04', Date.UTC(2026, 10, 25, 10));
			const encodings = new Map<string, Set<string>>();
			const asUser = fetchAs(member);
			const fetchFn: typeof fetch = (input, init) => {
				const path = new URL(String(input instanceof Request ? input.url : input)).pathname.split('/').pop()!;
				// What each POST of replication sent: gzip, or plain with the body's length.
				if (init?.method === 'POST') {
					const seen = encodings.get(path) ?? new Set<string>();
					const encoding = new Headers(init.headers).get('content-encoding');
					seen.add(encoding ?? (String(init.body).length < MIN_GZIP_BYTES ? 'identity, small' : 'identity'));
					encodings.set(path, seen);
				}
				return asUser(input, init);
			};
			const states: string[] = [];
			const denied: string[] = [];
			const events: ReplicationEvents = { state: (s) => states.push(s), synced: () => {}, pushed: () => {}, denied: (id) => denied.push(id), shrink: () => {} };
			const stop = startReplication(local, dbUrl, events, { deviceId: 'initsyncdev04', request: fetchFn });
			try {
				await eventually(async () => expect(states.at(-1)).toBe(SyncState.UpToDate));
				const written = Array.from({ length: 12 }, (_, i) => device.write('offer.posted', 'hamar', { skills: ['plastic-covering'], description: `Plasting av nye bøker, pulje ${i}`, days: 1, dates: [] }));
				await local.bulkDocs(written as never);
				for (const tx of written) {
					const stored = await eventually(async () => {
						const res = await request(server.dbUrl, 'GET', `/byttebank/${encodeURIComponent(tx._id)}`, { cookie: admin });
						expect(res.status).toBe(200);
						return res.body;
					});
					const { _rev, ...content } = stored;
					expect(_rev).toMatch(/^1-/);
					expect(content).toEqual(tx);
				}
				// The twelve went gzipped; only bodies too small to gain went plain.
				for (const path of ['_bulk_docs', '_revs_diff']) {
					expect(encodings.get(path)).toContain('gzip');
					expect(encodings.get(path)).not.toContain('identity');
				}
				expect(denied).toEqual([]);
			} finally {
				stop();
			}
		});

		it('goes on receiving when a live feed stays open and never answers, as a stuck cluster feed or a dead line does', async () => {
			const local = replica();
			const asUser = fetchAs(member);
			let swallowed = 0;
			const fetchFn: typeof fetch = (input, init) => {
				const url = String(input instanceof Request ? input.url : input);
				if (!url.includes('feed=longpoll') || swallowed >= 2) return asUser(input, init);
				// Taken and never answered: no bytes, no error, until the request is given up.
				swallowed++;
				return new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
			};
			const states: string[] = [];
			const events: ReplicationEvents = { state: (s) => states.push(s), synced: () => {}, pushed: () => {}, denied: () => {}, shrink: () => {} };
			const stop = startReplication(local, dbUrl, events, { deviceId: 'initsyncdev03', request: fetchFn, longPollMaxMs: 1_500 });
			try {
				await eventually(async () => expect(swallowed).toBe(2));
				const id = await writeTransaction();
				await eventually(async () => expect((await local.get(id))._id).toBe(id));
				// Given up quietly: the feed's silence is no error to show the librarian.
				expect(states).not.toContain(SyncState.Error);
				expect(states).not.toContain(SyncState.Offline);
			} finally {
				stop();
			}
		});
	});
}
