/**
 * Self-service onboarding over HTTP against the embedded server: a librarian asks to join a
 * library from the list anyone may read, a colleague at that library (or the county) approves,
 * and only then does the account read the county database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCounty, DEMO_COUNTY_USER, DEMO_PASSWORD } from '../../couchdb/demo/seed';
import { joinDocument, memberRoles } from '../../src/lib/domain/membership';
import { login, request, startTestServer, type TestServer } from './embedded-server';

const DB = 'byttebank';
const PUBLIC = 'byttebank-public';
const ida = { name: 'ida.berg', fullName: 'Ida Berg', email: 'ida@hamar.kommune.no', library: 'hamar', password: 'ida-sitt-passord' };
const ola = { name: 'ola.nes', fullName: 'Ola Nes', email: 'ola@tolga.kommune.no', library: 'tolga', password: 'ola-sitt-passord' };
const idaId = 'org.couchdb.user:ida.berg';

describe('asking to join a library', () => {
	let server: TestServer;
	const cookies: Record<string, string> = {};
	const as = (name: string | null, method: string, path: string, body?: unknown) =>
		request(server.dbUrl, method, path, { cookie: name === null ? undefined : cookies[name], body });

	beforeAll(async () => {
		server = await startTestServer(buildDemoCounty(DB));
		for (const name of ['hamar', 'tolga', DEMO_COUNTY_USER]) cookies[name] = await login(server.dbUrl, name, DEMO_PASSWORD);
	}, 60_000);
	afterAll(async () => {
		await server?.stop();
	});

	it('lets anyone read the list of libraries to choose from, and nobody but the county change it', async () => {
		const list = await as(null, 'GET', `/${PUBLIC}/libraries`);
		expect(list.status).toBe(200);
		const libraries = list.body.libraries as Array<{ slug: string; name: string }>;
		expect(libraries.map((l) => l.slug)).toContain('hamar');
		expect(libraries.length).toBeGreaterThan(20);

		const changed = { ...list.body, libraries: [...libraries, { slug: 'falsk', name: 'Falskt bibliotek', municipality: 'X', country: 'NO' }] };
		for (const name of [null, 'hamar']) {
			const res = await as(name, 'PUT', `/${PUBLIC}/libraries`, changed);
			expect(res.status, String(name)).toBe(403);
			expect(res.body.reason).toMatch(/Only the county library may publish/);
		}
		expect((await as(null, 'PUT', `/${PUBLIC}/_design/validation`, { validate_doc_update: 'function () {}' })).status).not.toBe(201);
		for (const bad of [[...libraries, libraries[0]], [...libraries, { slug: 'Ikke Slug', name: 'X' }]]) {
			const refused = await as(DEMO_COUNTY_USER, 'PUT', `/${PUBLIC}/libraries`, { ...list.body, libraries: bad });
			expect(refused.status).toBe(403);
			expect(refused.body.reason).toMatch(/twice|short name/);
		}
		const byCounty = await as(DEMO_COUNTY_USER, 'PUT', `/${PUBLIC}/libraries`, { ...list.body, libraries });
		expect(byCounty.status).toBe(201);
	});

	it('creates an account without roles that reads nothing, and refuses a name already taken', async () => {
		expect((await as(null, 'PUT', `/_users/${idaId}`, joinDocument(ida, '2026-11-25T08:00:00.000Z'))).status).toBe(201);
		expect((await as(null, 'PUT', `/_users/org.couchdb.user:ola.nes`, joinDocument(ola, '2026-11-25T08:05:00.000Z'))).status).toBe(201);
		expect([403, 409]).toContain((await as(null, "PUT", `/_users/${idaId}`, joinDocument({ ...ida, library: "tolga" }, "x"))).status);

		cookies.ida = await login(server.dbUrl, ida.name, ida.password);
		expect((await as('ida', 'GET', `/${DB}/_all_docs`)).status).toBe(401);
		expect((await as('ida', 'GET', '/_users/_all_docs')).status).toBe(403);
		expect((await as(null, 'GET', '/_users/_all_docs')).status).toBe(401);
	});

	it('shows a librarian only the people asking to join its own library, without password hashes', async () => {
		const hamar = await as('hamar', 'GET', '/_users/_all_docs?include_docs=true');
		expect(hamar.status).toBe(200);
		const rows = hamar.body.rows as Array<{ id: string; doc: Record<string, unknown> }>;
		expect(rows.map((r) => r.id)).toEqual([idaId]);
		expect(rows[0]!.doc).toMatchObject({ name: 'ida.berg', fullName: 'Ida Berg', askedToJoin: 'hamar', roles: [] });
		for (const secret of ['derived_key', 'salt', 'password', 'password_sha']) expect(rows[0]!.doc).not.toHaveProperty(secret);

		const tolga = await as('tolga', 'GET', '/_users/_all_docs?include_docs=true');
		expect((tolga.body.rows as Array<{ id: string }>).map((r) => r.id)).toEqual(['org.couchdb.user:ola.nes']);
	});

	it('refuses a librarian approving someone for another library, or giving more than member roles', async () => {
		const listed = ((await as('hamar', 'GET', '/_users/_all_docs?include_docs=true')).body.rows as Array<{ doc: Record<string, unknown> }>)[0]!.doc;
		for (const [name, roles] of [
			['tolga', memberRoles('tolga')],
			['tolga', memberRoles('hamar')],
			['hamar', [...memberRoles('hamar'), 'county']],
			['hamar', memberRoles('tolga')]
		] as const) {
			const res = await as(name, 'PUT', `/_users/${idaId}`, { ...listed, roles });
			expect(res.status, `${name} ${roles.join()}`).toBe(403);
		}
		expect((await as('ida', 'GET', `/${DB}/_all_docs`)).status).toBe(401);
	});

	it('lets a colleague approve with the member roles of its library; then the newcomer reads and writes', async () => {
		const listed = ((await as('hamar', 'GET', '/_users/_all_docs?include_docs=true')).body.rows as Array<{ doc: Record<string, unknown> }>)[0]!.doc;
		const stale = await as('hamar', 'PUT', `/_users/${idaId}`, { ...listed, _rev: '1-0000', roles: memberRoles('hamar') });
		expect(stale.status).toBe(409);
		const approved = await as('hamar', 'PUT', `/_users/${idaId}`, { ...listed, roles: memberRoles('hamar') });
		expect(approved.status).toBe(201);

		const read = await as('ida', 'GET', `/${DB}/_all_docs?limit=1`);
		expect(read.status, JSON.stringify(read.body)).toBe(200);
		const fresh = await login(server.dbUrl, ida.name, ida.password);
		const session = await request(server.dbUrl, 'GET', '/_session', { cookie: fresh });
		expect(session.body.userCtx).toEqual({ name: 'ida.berg', roles: memberRoles('hamar') });
		// No longer waiting: gone from the colleagues' list.
		expect((await as('hamar', 'GET', '/_users/_all_docs')).body.rows).toEqual([]);
	});

	it('lets the county see every account and turn a request down, after which the login fails', async () => {
		const all = await as(DEMO_COUNTY_USER, 'GET', '/_users/_all_docs?include_docs=true');
		expect(all.status, JSON.stringify(all.body)).toBe(200);
		const ids = (all.body.rows as Array<{ id: string }>).map((r) => r.id);
		expect(ids).toContain('org.couchdb.user:ola.nes');
		expect(ids).toContain('org.couchdb.user:hamar');
		const olaDoc = (all.body.rows as Array<{ id: string; doc: { _rev: string } }>).find((r) => r.id === 'org.couchdb.user:ola.nes')!.doc;
		const declined = await as(DEMO_COUNTY_USER, 'DELETE', `/_users/org.couchdb.user:ola.nes?rev=${olaDoc._rev}`);
		expect(declined.status).toBe(200);
		await expect(login(server.dbUrl, ola.name, ola.password)).rejects.toThrow(/401/);
	});

	it('lets a colleague turn down a request to its own library, and nobody remove a member but the county', async () => {
		const kai = { ...ida, name: 'kai.lie', email: 'kai@hamar.kommune.no', password: 'kai-sitt-passord' };
		await as(null, 'PUT', '/_users/org.couchdb.user:kai.lie', joinDocument(kai, '2026-11-25T09:00:00.000Z'));
		const tolgaUser = await as(DEMO_COUNTY_USER, 'GET', '/_users/org.couchdb.user:tolga');
		expect((await as('hamar', 'DELETE', `/_users/org.couchdb.user:tolga?rev=${String(tolgaUser.body._rev)}`)).status).toBe(403);
		const county = await as(DEMO_COUNTY_USER, 'GET', `/_users/org.couchdb.user:${DEMO_COUNTY_USER}`);
		expect((await as(DEMO_COUNTY_USER, 'DELETE', `/_users/org.couchdb.user:${DEMO_COUNTY_USER}?rev=${String(county.body._rev)}`)).status).toBe(403);

		const listed = ((await as('hamar', 'GET', '/_users/_all_docs?include_docs=true')).body.rows as Array<{ doc: { _rev: string } }>)[0]!.doc;
		expect((await as('tolga', 'DELETE', `/_users/org.couchdb.user:kai.lie?rev=${listed._rev}`)).status).toBe(403);
		expect((await as('hamar', 'DELETE', `/_users/org.couchdb.user:kai.lie?rev=${listed._rev}`)).status).toBe(200);
		await expect(login(server.dbUrl, kai.name, kai.password)).rejects.toThrow(/401/);
	});
});
