/**
 * Who may write what, enforced by the server itself (DESIGN.md §4), tested over HTTP against
 * the embedded server: every case of the shared corpus (tests/corpus/documents.ts) written for
 * real as its user, the named cases one by one, and a pending member's approval by the
 * county. Forged documents pushed by replication: replication-security.test.ts.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provision, type ProvisionUser } from '../../../couchdb/provision';
import { fold } from '../../../src/lib/domain/fold';
import { formatStamp, transactionTime } from '../../../src/lib/domain/ids';
import type { Transaction, TransactionKind } from '../../../src/lib/domain/transactions';
import { corpus, libraryDoc, seal, users, validTransactions, type CorpusCase, type CorpusUser, type Doc } from '../../corpus/documents';
import { login, request, type ServerKind, type TestServer } from '../embedded-server';
import { eventually } from './eventually';

export function securitySuite(kind: ServerKind): void {
	type Outcome = { status: number; reason?: string };

	const passwordOf = (name: string) => `pw-${name}`;

	/** The corpus's users, as accounts on the server (admin and anonymous excepted). */
	const accounts: ProvisionUser[] = Object.values(users)
		.filter((u): u is CorpusUser & { name: string } => u.name !== null && !u.roles.includes('_admin'))
		.map((u) => ({ name: u.name, password: passwordOf(u.name), roles: [...u.roles] }));

	/** Members of the county database (its `_security`): everyone else is stopped before validation. */
	const isMember = (user: CorpusUser) => user.roles.includes('_admin') || user.roles.includes('librarian') || user.roles.includes('county');

	/** What the corpus's verdict means over HTTP. */
	function expectedStatus(c: CorpusCase): number {
		if (c.server === 'allow') return 201;
		if (c.server === 'unauthorized') return 401;
		if (kind.flavor === 'apache') {
			// CouchDB checks the revision's shape before anything else.
			if (c.doc._rev !== undefined && typeof c.doc._rev !== 'string') return 400;
			return 403;
		}
		// express-pouchdb's _security check refuses with 401 ("You are not authorized to access this
		// db.") where Apache CouchDB answers 403, before validate_doc_update runs: for a user who is
		// not a member, and for a design document written by anyone but an admin.
		const isDesign = String(c.doc._id).startsWith('_design/');
		if (!isMember(c.user) || isDesign) return 401;
		return 403;
	}

	/**
	 * Each case gets a database where no other case touches its document, so cases cannot disturb
	 * each other; a few databases suffice. A case that replaces the validation itself (a server
	 * admin writing `_design/validation`) gets one of its own.
	 */
	const databaseOf: string[] = (() => {
		const slots: Array<Set<string>> = [];
		return corpus.map((c) => {
			const id = String(c.doc._id);
			if (id.startsWith('_design/')) {
				slots.push(new Set(['*']));
				return `corpus-${slots.length - 1}`;
			}
			let slot = slots.findIndex((ids) => !ids.has(id) && !ids.has('*'));
			if (slot === -1) slot = slots.push(new Set()) - 1;
			slots[slot]!.add(id);
			return `corpus-${slot}`;
		});
	})();

	describe('the corpus over HTTP: every case written for real as its user', () => {
		let server: TestServer;
		const cookies = new Map<string, string>();

		beforeAll(async () => {
			server = await kind.start({ countyDb: 'byttebank', users: accounts, documents: [] });
			cookies.set('admin', await login(server.dbUrl, server.admin.name, server.admin.password));
			for (const account of accounts) cookies.set(account.name, await login(server.dbUrl, account.name, account.password));
			for (const db of new Set(databaseOf)) {
				await provision({ url: server.dbUrl, admin: server.admin }, { countyDb: db, users: [], documents: [] });
			}
		});
		afterAll(async () => {
			await server?.stop();
		});

		const cookieOf = (user: CorpusUser) => (user.name === null ? undefined : user.roles.includes('_admin') ? cookies.get('admin') : cookies.get(user.name));
		const asAdmin = (method: string, path: string, body?: unknown) => request(server.dbUrl, method, path, { cookie: cookies.get('admin'), body });

		/** Sends the case's document as its user: PUT, or as replication does when it carries its own revision. */
		async function write(db: string, c: CorpusCase, doc: Doc): Promise<Outcome> {
			const cookie = cookieOf(c.user);
			// As the case wrote it: prepare() may add the revision a new design document replaces.
			const replicated = c.doc._revisions !== undefined || (c.doc._rev !== undefined && !c.oldDoc);
			if (replicated) {
				const res = await request(server.dbUrl, 'POST', `/${db}/_bulk_docs`, { cookie, body: { docs: [doc], new_edits: false } });
				if (res.status !== 201) return { status: res.status, reason: res.body.reason as string };
				const [result] = res.body as unknown as Array<{ error?: string; reason?: string }>;
				if (!result?.error) return { status: 201 };
				return { status: result.error === 'unauthorized' ? 401 : result.error === 'forbidden' ? 403 : 500, reason: result.reason };
			}
			const res = await request(server.dbUrl, 'PUT', `/${db}/${encodeURIComponent(String(doc._id))}`, { cookie, body: doc });
			// Apache CouchDB answers a deletion written with PUT 200, the embedded server 201.
			return { status: res.status === 200 && doc._deleted ? 201 : res.status, reason: res.body.reason as string | undefined };
		}

		/**
		 * On a cluster, the old revision must be on every copy before the case writes over it:
		 * a write acknowledged by two of three nodes may reach validation on the third first,
		 * which then sees no old document. Devices edit what they pulled long before.
		 */
		const allCopies = kind.flavor === 'apache' ? '?w=3' : '';
		/** 202 where the database has fewer copies than w asks for (one node): stored all the same. */
		const written = [201, 202];

		/** Stores the case's old revision as a server admin and returns the document to send over it. */
		async function prepare(db: string, c: CorpusCase): Promise<Doc> {
			const doc = structuredClone(c.doc);
			const old = c.oldDoc;
			if (!old) {
				// Provisioning already stored `_design/validation`: a new design document replaces it.
				const existing = await asAdmin('GET', `/${db}/${encodeURIComponent(String(doc._id))}`);
				if (existing.status === 200) doc._rev = existing.body._rev;
				return doc;
			}
			const path = `/${db}/${encodeURIComponent(String(old._id))}`;
			const revisions = doc._revisions as { start: number; ids: string[] } | undefined;
			if (revisions) {
				// A replicated edit: the old revision is the one the new revision history extends.
				const { _rev, _revisions, _conflicts, ...content } = old;
				const stored = { ...content, _rev: `${revisions.start - 1}-${revisions.ids[1]}`, _revisions: { start: revisions.start - 1, ids: revisions.ids.slice(1) } };
				const res = await asAdmin('POST', `/${db}/_bulk_docs${allCopies}`, { docs: [stored], new_edits: false });
				expect(written).toContain(res.status);
				doc._rev = `${revisions.start}-${revisions.ids[0]}`;
				return doc;
			}
			if (old._deleted) {
				const created = await asAdmin('PUT', path + allCopies, { ...doc, _rev: undefined, _deleted: undefined });
				expect(written).toContain(created.status);
				const deleted = await asAdmin('DELETE', `${path}?rev=${String(created.body.rev)}${allCopies.replace('?', '&')}`);
				expect([200, 202]).toContain(deleted.status);
				return doc;
			}
			const { _rev, _revisions, _conflicts, ...content } = old;
			const created = await asAdmin('PUT', path + allCopies, content);
			expect(written).toContain(created.status);
			// The update names the revision it replaces, as every CouchDB write must.
			doc._rev = created.body.rev;
			return doc;
		}

		corpus.forEach((c, i) => {
			const expected = expectedStatus(c);
			const who = c.user.name ?? 'anonymous';
			const what = c.oldDoc ? (c.doc._deleted ? 'delete' : 'update') : 'new';
			it(`${expected} for ${what}: ${c.name} (as ${who})`, async () => {
				const db = databaseOf[i]!;
				const doc = await prepare(db, c);
				const path = `/${db}/${encodeURIComponent(String(doc._id))}`;
				const before = await asAdmin('GET', path);
				const outcome = await write(db, c, doc);
				expect(outcome.status, outcome.reason).toBe(expected);
				if (expected !== 201) {
					expect(outcome.reason ?? '').not.toBe('');
					const after = await asAdmin('GET', path);
					expect([after.status, after.body._rev]).toEqual([before.status, before.body._rev]);
				}
			});
		});
	});

	// ---- the named cases --------------------------------------------------------------

	const librarians: ProvisionUser[] = [
		{ name: 'kari.nordby', password: passwordOf('kari.nordby'), roles: ['librarian', 'library:hamar'] },
		{ name: 'per.moen', password: passwordOf('per.moen'), roles: ['librarian', 'library:elverum'] },
		{ name: 'ola.haugen', password: passwordOf('ola.haugen'), roles: ['librarian', 'library:tolga'] },
		{ name: 'fylket', password: passwordOf('fylket'), roles: ['county', 'librarian', 'library:fylkesbiblioteket'] }
	];

	/** An _id `minutes` after another, from a device of the writer's library; sealing gives it its hash. */
	function txAfter(id: string, minutes: number, device: string): string {
		return `tx:${formatStamp({ ms: transactionTime(id) + minutes * 60_000, counter: 0 }, device)}-x`;
	}

	/** A corpus transaction with some fields changed, sealed again so its id matches its content. */
	const tx = (kind: TransactionKind, fields: Doc = {}): Doc => seal({ ...validTransactions[kind].build(), ...fields });

	describe('who may write what: the named cases', () => {
		let server: TestServer;
		const cookies: Record<string, string> = {};
		const as = (name: string | null, method: string, path: string, body?: unknown) =>
			request(server.dbUrl, method, path, { cookie: name === null ? undefined : cookies[name], body });
		const put = (name: string | null, doc: Doc) => as(name, 'PUT', `/byttebank/${encodeURIComponent(String(doc._id))}`, doc);

		beforeAll(async () => {
			server = await kind.start({ countyDb: 'byttebank', users: librarians, documents: [] });
			for (const { name, password } of librarians) cookies[name] = await login(server.dbUrl, name, password);
			expect((await put('kari.nordby', tx('offer.posted'))).status).toBe(201);
		});
		afterAll(async () => {
			await server?.stop();
		});

		it('refuses anonymous reads and writes with 401', async () => {
			const offer = tx('offer.posted');
			const attempts = [
				await as(null, 'GET', '/byttebank/_all_docs'),
				await as(null, 'GET', `/byttebank/${String(offer._id)}`),
				await as(null, 'GET', '/byttebank/_changes'),
				await as(null, 'PUT', `/byttebank/${String(tx('offer.paused')._id)}`, tx('offer.paused')),
				await as(null, 'DELETE', `/byttebank/${String(offer._id)}`)
			];
			expect(attempts.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);

			// _bulk_docs is checked per document on express-pouchdb, where Apache CouchDB refuses the
			// whole request with 401; either way none is stored.
			const bulk = await as(null, 'POST', '/byttebank/_bulk_docs', { docs: [tx('offer.resumed')] });
			if (kind.flavor === 'embedded') expect(bulk.body).toEqual([expect.objectContaining({ error: 'unauthorized' })]);
			else expect([bulk.status, bulk.body.error]).toEqual([401, 'unauthorized']);
			expect((await as('kari.nordby', 'GET', `/byttebank/${String(tx('offer.resumed')._id)}`)).status).toBe(404);
		});

		it('refuses a librarian writing for another library: 403 with a reason', async () => {
			const forged = tx('request.posted', { by: { library: 'hamar' } });
			const res = await put('ola.haugen', forged);
			expect(res.status).toBe(403);
			expect(res.body.reason).toMatch(/only write as your own library \(tolga\), not as hamar/);
		});

		it('stores a librarian accepting its own proposal (validate_doc_update cannot see the proposal), and the fold rejects it', async () => {
			const proposal = tx('exchange.proposed');
			expect((await put('per.moen', proposal)).status).toBe(201);
			const ownAcceptance = tx('exchange.accepted', { _id: txAfter(String(proposal._id).slice(3), 10, 'elverumlaptop1'), by: { library: 'elverum' } });
			expect((await put('per.moen', ownAcceptance)).status).toBe(201);

			await eventually(async () => {
				const state = fold(await storedTransactions('per.moen'));
				expect(state.rejected.get(String(ownAcceptance._id).slice(3))?.code).toBe('not-counterparty');
				expect(state.exchanges.get(String(proposal._id).slice(3))?.status).toBe('proposed');
			});
		});

		it('refuses a completion that credits its own writer: 403 with the reason', async () => {
			const completed = tx('exchange.completed');
			const selfCredit = seal({ ...completed, _id: txAfter(String(completed._id).slice(3), -90, 'hamarskranke01'), by: { library: 'hamar' }, provider: 'hamar' });
			const res = await put('kari.nordby', selfCredit);
			expect(res.status).toBe(403);
			expect(res.body.reason).toMatch(/cannot credit itself/);
		});

		it('stores a completion by the provider naming a third library (only the fold knows who hosts), and the fold rejects it', async () => {
			const proposal = tx('exchange.proposed');
			await put('per.moen', proposal); // 409 when the previous test already stored it
			expect((await put('kari.nordby', tx('exchange.accepted'))).status).toBe(201);
			const completed = tx('exchange.completed');
			const byProvider = seal({ ...completed, _id: txAfter(String(completed._id).slice(3), -60, 'hamarskranke01'), by: { library: 'hamar' }, provider: 'tolga' });
			expect((await put('kari.nordby', byProvider)).status).toBe(201);

			await eventually(async () => {
				const state = fold(await storedTransactions('kari.nordby'));
				expect(state.rejected.get(String(byProvider._id).slice(3))?.code).toBe('only-host-completes');
				expect(state.exchanges.get(String(proposal._id).slice(3))?.status).toBe('accepted');
			});
		});

		async function storedTransactions(name: string): Promise<Transaction[]> {
			const res = await as(name, 'GET', '/byttebank/_all_docs?include_docs=true');
			expect(res.status).toBe(200);
			const rows = res.body.rows as Array<{ id: string; doc: Transaction }>;
			return rows.filter((r) => r.id.startsWith('tx:')).map((r) => r.doc);
		}

		it('refuses updating an existing transaction, even by its author: 403', async () => {
			const offer = tx('offer.posted');
			const stored = await as('kari.nordby', 'GET', `/byttebank/${String(offer._id)}`);
			const res = await put('kari.nordby', { ...stored.body, days: 3 });
			expect(res.status).toBe(403);
			expect(res.body.reason).toMatch(/can never be changed or deleted/);
		});

		it('refuses deleting an existing transaction, even by the county: 403', async () => {
			const offer = tx('offer.posted');
			const stored = await as('kari.nordby', 'GET', `/byttebank/${String(offer._id)}`);
			for (const name of ['kari.nordby', 'fylket']) {
				const res = await as(name, 'DELETE', `/byttebank/${String(offer._id)}?rev=${String(stored.body._rev)}`);
				expect(res.status).toBe(403);
				expect(res.body.reason).toMatch(/can never be changed or deleted/);
			}
			expect((await as('kari.nordby', 'GET', `/byttebank/${String(offer._id)}`)).body._rev).toBe(stored.body._rev);
		});

		it('refuses a librarian registering a library: 403; the county may', async () => {
			const res = await put('ola.haugen', libraryDoc('tolga'));
			expect(res.status).toBe(403);
			expect(res.body.reason).toMatch(/Only the county library may register a new library/);
			expect((await put('fylket', libraryDoc('tolga'))).status).toBe(201);
		});

		it('refuses a librarian setting policy, even when claiming the county role: 403; the county may', async () => {
			for (const by of [{ library: 'hamar' }, { library: 'hamar', role: 'county' }]) {
				const res = await put('kari.nordby', tx('policy.set', { by }));
				expect(res.status).toBe(403);
				expect(res.body.reason).toMatch(/county/);
			}
			expect((await put('fylket', tx('policy.set'))).status).toBe(201);
		});

		it('refuses an oversized document, 20 KB or 1 MB: 403 with the size in the reason', async () => {
			for (const length of [20_000, 1_000_000]) {
				const res = await put('kari.nordby', tx('offer.paused', { description: 'x'.repeat(length) }));
				// Apache CouchDB stops a body over max_document_size (local.ini) before validation.
				if (kind.flavor === 'apache' && length > 262_144) {
					expect([res.status, res.body.error]).toEqual([413, 'document_too_large']);
					continue;
				}
				expect(res.status).toBe(403);
				expect(res.body.reason).toMatch(/too large \(\d+ characters of JSON; at most 16384/);
			}
		});

		it('refuses a malformed document: 403 naming the field', async () => {
			const cases: Array<[Doc, RegExp]> = [
				[tx('offer.revised', { days: 0.3 }), /"days" must be a number of days in half-day steps/],
				[tx('offer.resumed', { price: 100 }), /"price" is not allowed/],
				[seal({ ...tx('request.revised'), urgency: undefined }), /"urgency" is required/],
				[{ _id: 'note:1', text: 'hei' }, /stores only transactions/]
			];
			for (const [doc, reason] of cases) {
				const res = await put('kari.nordby', doc);
				expect(res.status).toBe(403);
				expect(res.body.reason).toMatch(reason);
			}
		});

		it('answers 400 to a body that is not JSON at all', async () => {
			const response = await fetch(`${server.dbUrl}/byttebank/${String(tx('offer.withdrawn')._id)}`, {
				method: 'PUT',
				headers: { cookie: cookies['kari.nordby']!, 'content-type': 'application/json' },
				body: '{"type": "tx", '
			});
			expect(response.status).toBe(400);
		});
	});

	// ---- a pending member, approved by the county ---------------------------------------------

	describe('a pending member reads nothing until the county approves it', () => {
		let server: TestServer;
		const cookies: Record<string, string> = {};
		const member = 'org.couchdb.user:ny.ansatt';
		const as = (name: string | null, method: string, path: string, body?: unknown) =>
			request(server.dbUrl, method, path, { cookie: name === null ? undefined : cookies[name], body });
		const offer = tx('offer.posted');

		beforeAll(async () => {
			server = await kind.start({ countyDb: 'byttebank', users: librarians, documents: [offer as Doc & { _id: string }] });
			for (const { name, password } of librarians) cookies[name] = await login(server.dbUrl, name, password);
			const signUp = await as(null, 'PUT', `/_users/${member}`, { _id: member, type: 'user', name: 'ny.ansatt', password: 'pw-ny', roles: [] });
			expect(signUp.status).toBe(201);
			cookies['ny.ansatt'] = await login(server.dbUrl, 'ny.ansatt', 'pw-ny');
		});
		afterAll(async () => {
			await server?.stop();
		});

		it('refuses a member signed up without roles: _all_docs, a document and _changes answer 401', async () => {
			for (const path of ['/byttebank/_all_docs', `/byttebank/${String(offer._id)}`, '/byttebank/_changes']) {
				const res = await as('ny.ansatt', 'GET', path);
				// 401 on the embedded server, 403 (not a member) on Apache CouchDB.
				expect([401, 403], path).toContain(res.status);
				expect(res.body).not.toHaveProperty('rows');
			}
		});

		it('refuses a librarian setting another user\'s roles: 403', async () => {
			const stored = await as('fylket', 'GET', `/_users/${member}`);
			const res = await as('kari.nordby', 'PUT', `/_users/${member}`, { ...stored.body, roles: ['librarian', 'library:hamar'] });
			if (kind.flavor === 'embedded') {
				expect(res.status).toBe(403);
				expect(res.body.reason).toMatch(/Only the county or a server admin may change roles/);
			} else {
				// Apache CouchDB does not even show a librarian someone else's account.
				expect([403, 404]).toContain(res.status);
			}
			expect((await as('fylket', 'GET', `/_users/${member}`)).body.roles).toEqual([]);
		});

		it('refuses the county granting a system role: 403', async () => {
			const stored = await as('fylket', 'GET', `/_users/${member}`);
			const res = await as('fylket', 'PUT', `/_users/${member}`, { ...stored.body, roles: ['_admin'] });
			expect(res.status).toBe(403);
		});

		it('refuses a role change sent to a disguised /_users path (no way around the guard)', async () => {
			const own = await as('ny.ansatt', 'GET', `/_users/${member}`);
			const encoded = await as('ny.ansatt', 'PUT', `/%5Fusers/${encodeURIComponent(member)}`, { ...own.body, roles: ['librarian', 'county'] });
			if (kind.flavor === 'embedded') {
				expect(encoded.status).toBe(400);
				expect(encoded.body.reason).toMatch(/without escapes/);
			} else {
				// Apache CouchDB decodes the path and its own _users validation refuses.
				expect(encoded.status).toBe(403);
			}
			const doubled = await as('ny.ansatt', 'PUT', `//_users/${encodeURIComponent(member)}`, { ...own.body, roles: ['librarian', 'county'] });
			expect([400, 403, 404]).toContain(doubled.status);
			expect((await as('fylket', 'GET', `/_users/${member}`)).body.roles).toEqual([]);
		});

		it('refuses _users design, local and security writes by anyone but a server admin, however the path is written', async () => {
			const design = { _id: '_design/_auth', validate_doc_update: 'function () {}' };
			// The county administers _users (approvals), so on Apache CouchDB it may also write
			// _users/_local and _users/_security there; on the embedded server nobody but an admin may.
			for (const name of kind.flavor === 'embedded' ? ['fylket', 'kari.nordby', null] : ['kari.nordby', null]) {
				for (const path of ['/_users/_design/_auth', '/%5Fusers/_design/_auth', '/_users/_design%2F_auth']) {
					const res = await as(name, 'PUT', path, design);
					expect(res.status, `${String(name)} ${path}`).toBeGreaterThanOrEqual(400);
					expect(res.status, `${String(name)} ${path}`).not.toBe(500);
				}
				for (const path of ['/_users/_bulk_docs', '/_users/_bulk_docs/', '/%5Fusers/_bulk_docs']) {
					const res = await as(name, 'POST', path, { docs: [design], new_edits: false });
					expect(res.status, `${String(name)} ${path}`).toBeGreaterThanOrEqual(400);
				}
				// Apache CouchDB takes _local documents in _users from anyone (never replicated, never
				// read for logins); nginx.conf.example refuses them. The embedded server refuses itself.
				if (kind.flavor === 'embedded') expect((await as(name, 'PUT', '/_users/_local/x', { filler: 'x' })).status, String(name)).toBeGreaterThanOrEqual(400);
				expect((await as(name, 'PUT', '/_users/_security', { admins: { names: [String(name)], roles: [] } })).status, String(name)).toBeGreaterThanOrEqual(400);
			}
			// Neither the guard's design nor pouchdb-auth's validation changed.
			const admin = await login(server.dbUrl, server.admin.name, server.admin.password);
			const auth = await request(server.dbUrl, 'GET', '/_users/_design/_auth', { cookie: admin });
			expect(String(auth.body.validate_doc_update)).not.toBe('function () {}');
		});

		it('refuses role changes sent as a bulk write with a trailing slash', async () => {
			const own = await as('ny.ansatt', 'GET', `/_users/${member}`);
			const res = await as('ny.ansatt', 'POST', '/_users/_bulk_docs/', { docs: [{ ...own.body, roles: ['librarian', 'county'] }] });
			const stored = await as('fylket', 'GET', `/_users/${member}`);
			expect(stored.body.roles).toEqual([]);
			// Refused as a whole (embedded), or document by document (Apache CouchDB: 201 with the error).
			const perDocument = Array.isArray(res.body) ? (res.body as Array<{ error?: string }>) : [];
			expect(res.status >= 400 || (perDocument.length === 1 && perDocument[0]!.error === 'forbidden'), JSON.stringify(res.body)).toBe(true);
		});

		it('lets the county read the member\'s _users document and set its roles; then the member reads', async () => {
			const stored = await as('fylket', 'GET', `/_users/${member}`);
			expect(stored.status).toBe(200);
			expect(stored.body).toMatchObject({ name: 'ny.ansatt', roles: [] });

			const approve = await as('fylket', 'PUT', `/_users/${member}`, { ...stored.body, roles: ['librarian', 'library:hamar'] });
			expect(approve.status).toBe(201);

			// The session in hand carries the new roles at once; a new login too.
			// Apache CouchDB's auth cache takes the change from its _users feed a moment later.
			await expect.poll(async () => (await as('ny.ansatt', 'GET', '/byttebank/_all_docs')).status, { timeout: 10_000 }).toBe(200);
			expect((await as('ny.ansatt', 'GET', `/byttebank/${String(offer._id)}`)).body).toMatchObject({ kind: 'offer.posted' });
			const fresh = await login(server.dbUrl, 'ny.ansatt', 'pw-ny');
			const session = await request(server.dbUrl, 'GET', '/_session', { cookie: fresh });
			expect(session.body.userCtx).toEqual({ name: 'ny.ansatt', roles: ['librarian', 'library:hamar'] });
			expect((await request(server.dbUrl, 'PUT', `/byttebank/${String(tx('offer.paused')._id)}`, { cookie: fresh, body: tx('offer.paused') })).status).toBe(201);
		});

		it('answers the county 404 for a user that does not exist', async () => {
			expect((await as('fylket', 'GET', '/_users/org.couchdb.user:nobody')).status).toBe(404);
		});
	});

	// ---- holes of express-pouchdb 4.2, closed by couchdb/embedded/admin-routes.ts -----------------------
	// express-pouchdb 4.2 calls PouchDB without the caller's userCtx on POST /_find, /_explain,
	// /_index (GET, POST, DELETE) and /_bulk_get, and pouchdb-security then treats the request as a
	// server admin's ("admin party"). These tests state the behaviour the server must have.

	describe('routes express-pouchdb would run as admin for anyone (closed by couchdb/embedded/admin-routes.ts)', () => {
		let server: TestServer;
		const offer = tx('offer.posted') as Doc & { _id: string };
		beforeAll(async () => {
			server = await kind.start({ countyDb: 'byttebank', users: librarians, documents: [offer] });
		});
		afterAll(async () => {
			await server?.stop();
		});

		it('refuses anonymous POST _find on the county database', async () => {
			const res = await request(server.dbUrl, 'POST', '/byttebank/_find', { body: { selector: {} } });
			expect(res.status).toBe(401);
		});

		it('refuses anonymous POST _bulk_get on the county database', async () => {
			const res = await request(server.dbUrl, 'POST', '/byttebank/_bulk_get', { body: { docs: [{ id: offer._id }] } });
			expect(res.status).toBe(401);
		});

		it('refuses anonymous POST _find on _users (it returns every password hash)', async () => {
			const res = await request(server.dbUrl, 'POST', '/_users/_find', { body: { selector: {} } });
			// Refused (embedded), or answered with no one's document (Apache CouchDB).
			if (res.status < 400) expect(res.body.docs).toEqual([]);
			else expect(res.status).toBeGreaterThanOrEqual(401);
		});

		it('keeps _design/validation when anyone adds an index to it and deletes that index', async () => {
			await request(server.dbUrl, 'POST', '/byttebank/_index', { body: { index: { fields: ['x'] }, ddoc: 'validation', name: 'x' } });
			await request(server.dbUrl, 'DELETE', '/byttebank/_index/_design%2Fvalidation/json/x');
			const admin = await login(server.dbUrl, server.admin.name, server.admin.password);
			expect((await request(server.dbUrl, 'GET', '/byttebank/_design/validation', { cookie: admin })).status).toBe(200);
		});
	});
	describe('bodies sent gzipped, as devices send them (src/lib/sync/gzip-request-body.ts)', () => {
		let server: TestServer;
		const cookies = new Map<string, string>();
		const offer = () => validTransactions['offer.posted'].build();

		beforeAll(async () => {
			server = await kind.start({ countyDb: 'byttebank', users: accounts, documents: [] });
			for (const user of [users.hamar, users.tolga]) cookies.set(user.name, await login(server.dbUrl, user.name, passwordOf(user.name)));
			cookies.set('admin', await login(server.dbUrl, server.admin.name, server.admin.password));
		});
		afterAll(async () => {
			await server?.stop();
		});

		async function postGzipped(path: string, bytes: ArrayLike<number>, cookie: string) {
			const response = await fetch(`${server.dbUrl}${path}`, {
				method: 'POST',
				headers: { cookie, accept: 'application/json', 'content-type': 'application/json', 'content-encoding': 'gzip' },
				body: new Uint8Array(bytes)
			});
			const text = await response.text();
			return { status: response.status, body: (text ? JSON.parse(text) : null) as unknown };
		}
		const stored = async (id: string) => (await request(server.dbUrl, 'GET', `/byttebank/${encodeURIComponent(id)}`, { cookie: cookies.get('admin') })).status;

		it('are judged by validation as plain ones are: another library\'s transaction is refused, its own is stored', async () => {
			const doc = offer();
			const forged = await postGzipped('/byttebank/_bulk_docs', gzipSync(JSON.stringify({ docs: [doc] })), cookies.get(users.tolga.name)!);
			expect(forged.status).toBe(201);
			expect((forged.body as Array<{ error?: string }>)[0]?.error).toBe('forbidden');
			expect(await stored(String(doc._id))).toBe(404);
			const own = await postGzipped('/byttebank/_bulk_docs', gzipSync(JSON.stringify({ docs: [doc] })), cookies.get(users.hamar.name)!);
			expect((own.body as Array<{ ok?: boolean }>)[0]?.ok).toBe(true);
			await eventually(async () => expect(await stored(String(doc._id))).toBe(200));
		});

		it('refuses a body that says gzip and is not (400), and stores nothing', async () => {
			const doc = { ...offer(), _id: 'tx:never-stored' };
			const res = await postGzipped('/byttebank/_bulk_docs', new TextEncoder().encode(JSON.stringify({ docs: [doc] })), cookies.get(users.hamar.name)!);
			expect(res.status).toBe(400);
			expect(await stored(String(doc._id))).toBe(404);
			const half = gzipSync(JSON.stringify({ docs: [doc] }));
			const cut = await postGzipped('/byttebank/_revs_diff', half.subarray(0, half.length - 8), cookies.get(users.hamar.name)!);
			expect(cut.status).toBe(400);
		});

		// The embedded server's parsers stop inflating at their limit. Apache CouchDB has limits of
		// its own (max_http_request_size), which are its business, not a rule of this project.
		if (kind.flavor === 'embedded') {
			it('refuses a gzipped body that inflates past the size limit (413) and goes on serving', async () => {
				const bomb = gzipSync(' '.repeat(80 * 1024 * 1024), { level: 9 });
				expect(bomb.length).toBeLessThan(200_000);
				for (const path of ['/byttebank/_bulk_docs', '/byttebank/_revs_diff']) {
					const res = await postGzipped(path, bomb, cookies.get(users.hamar.name)!);
					expect(res.status).toBe(413);
				}
				expect((await request(server.dbUrl, 'GET', '/byttebank', { cookie: cookies.get('admin') })).status).toBe(200);
			});
		}
	});
}
