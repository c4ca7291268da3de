/**
 * Who may write what, enforced by the server itself (DESIGN.md §4), tested over HTTP against
 * the embedded server: every case of the shared corpus (tests/corpus/documents.ts) written for
 * real as its user, the named cases one by one, and a pending member's approval by the
 * county. Forged documents pushed by replication: replication-security.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provision, type ProvisionUser } from '../../couchdb/provision';
import { corpus, users, type CorpusCase, type CorpusUser, type Doc } from '../corpus/documents';
import { login, request, startTestServer, type TestServer } from './embedded-server';

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
		server = await startTestServer({ countyDb: 'byttebank', users: accounts, documents: [] });
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
		const replicated = doc._revisions !== undefined || (doc._rev !== undefined && !c.oldDoc);
		if (replicated) {
			const res = await request(server.dbUrl, 'POST', `/${db}/_bulk_docs`, { cookie, body: { docs: [doc], new_edits: false } });
			if (res.status !== 201) return { status: res.status, reason: res.body.reason as string };
			const [result] = res.body as unknown as Array<{ error?: string; reason?: string }>;
			if (!result?.error) return { status: 201 };
			return { status: result.error === 'unauthorized' ? 401 : result.error === 'forbidden' ? 403 : 500, reason: result.reason };
		}
		const res = await request(server.dbUrl, 'PUT', `/${db}/${encodeURIComponent(String(doc._id))}`, { cookie, body: doc });
		return { status: res.status, reason: res.body.reason as string | undefined };
	}

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
			const res = await asAdmin('POST', `/${db}/_bulk_docs`, { docs: [stored], new_edits: false });
			expect(res.status).toBe(201);
			doc._rev = `${revisions.start}-${revisions.ids[0]}`;
			return doc;
		}
		if (old._deleted) {
			const created = await asAdmin('PUT', path, { ...doc, _rev: undefined, _deleted: undefined });
			expect(created.status).toBe(201);
			const deleted = await asAdmin('DELETE', `${path}?rev=${String(created.body.rev)}`);
			expect(deleted.status).toBe(200);
			return doc;
		}
		const { _rev, _revisions, _conflicts, ...content } = old;
		const created = await asAdmin('PUT', path, content);
		expect(created.status).toBe(201);
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
