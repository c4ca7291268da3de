/**
 * Self-service onboarding over HTTP, on the embedded server and on Apache CouchDB with the
 * shipped local.ini: a librarian asks to join a library from the list anyone may read, the
 * app's own membership calls list and answer the request (a colleague at that library on the
 * embedded server, the county on either), and only then does the account read the county.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoCounty, DEMO_COUNTY_USER, DEMO_PASSWORD } from '../../../couchdb/demo/seed';
import { joinDocument, memberRoles } from '../../../src/lib/domain/membership';
import { applicants, approve, decline } from '../../../src/lib/sync/membership';
import { DB_PATH } from '../../../src/lib/sync/session';
import { login, request, type ServerKind, type TestServer } from '../embedded-server';

export function onboardingSuite(kind: ServerKind): void {
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
			server = await kind.start(buildDemoCounty(DB));
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

		/** The app's own membership calls (src/lib/sync/membership.ts), sent as `name` to this server. */
		const appFetch = (name: string) => ((url: string | URL | Request, init: RequestInit = {}) =>
			fetch(server.dbUrl + String(url).slice(DB_PATH.length), { ...init, headers: { ...(init.headers as Record<string, string>), cookie: cookies[name]! } })) as typeof fetch;
		/** Who answers a request to join Hamar: a colleague on the embedded server, the county on Apache CouchDB. */
		const approver = kind.flavor === 'embedded' ? 'hamar' : DEMO_COUNTY_USER;
		const refused = [401, 403, 404];

		it('creates an account without roles that reads nothing, and refuses a name already taken', async () => {
			expect((await as(null, 'PUT', `/_users/${idaId}`, joinDocument(ida, '2026-11-25T08:00:00.000Z'))).status).toBe(201);
			expect((await as(null, 'PUT', `/_users/org.couchdb.user:ola.nes`, joinDocument(ola, '2026-11-25T08:05:00.000Z'))).status).toBe(201);
			expect([403, 409]).toContain((await as(null, "PUT", `/_users/${idaId}`, joinDocument({ ...ida, library: "tolga" }, "x"))).status);

			cookies.ida = await login(server.dbUrl, ida.name, ida.password);
			// The embedded server answers 401 where Apache CouchDB says 403 (not a member).
			expect(refused).toContain((await as('ida', 'GET', `/${DB}/_all_docs`)).status);
			expect(refused).toContain((await as('ida', 'GET', '/_users/_all_docs')).status);
			expect((await as(null, 'GET', '/_users/_all_docs')).status).toBe(401);
		});

		it('shows a librarian at most the people asking to join its own library, never a password hash', async () => {
			const hamar = await applicants(appFetch('hamar'));
			const tolga = await applicants(appFetch('tolga'));
			if (kind.flavor === 'embedded') {
				expect(hamar.ok && hamar.applicants.map((a) => a.name)).toEqual(['ida.berg']);
				expect(hamar.ok && hamar.applicants[0]!.doc).toMatchObject({ name: 'ida.berg', fullName: 'Ida Berg', askedToJoin: 'hamar', roles: [] });
				for (const secret of ['derived_key', 'salt', 'password', 'password_sha']) expect(hamar.ok && hamar.applicants[0]!.doc).not.toHaveProperty(secret);
				expect(tolga.ok && tolga.applicants.map((a) => a.name)).toEqual(['ola.nes']);
			} else {
				// Apache CouchDB shows a non-admin only its own _users document: the county answers.
				expect(hamar).toEqual({ ok: true, applicants: [] });
				expect(tolga).toEqual({ ok: true, applicants: [] });
				expect((await as('hamar', 'GET', `/_users/${idaId}`)).status).toBe(404);
			}
			const county = await applicants(appFetch(DEMO_COUNTY_USER));
			expect(county.ok && county.applicants.map((a) => a.name)).toEqual(expect.arrayContaining(['ida.berg', 'ola.nes']));
		});

		it('refuses a librarian approving someone for another library, or giving more than member roles', async () => {
			const listed = (await as(DEMO_COUNTY_USER, 'GET', `/_users/${idaId}`)).body;
			for (const [name, roles] of [
				['tolga', memberRoles('tolga')],
				['tolga', memberRoles('hamar')],
				['hamar', [...memberRoles('hamar'), 'county']],
				['hamar', memberRoles('tolga')]
			] as const) {
				const res = await as(name, 'PUT', `/_users/${idaId}`, { ...listed, roles });
				expect(refused, `${name} ${roles.join()}`).toContain(res.status);
			}
			expect((await as(DEMO_COUNTY_USER, 'GET', `/_users/${idaId}`)).body.roles).toEqual([]);
			expect(refused).toContain((await as('ida', 'GET', `/${DB}/_all_docs`)).status);
		});

		it('lets the one who answers approve with the member roles of the library; then the newcomer reads and writes', async () => {
			const listing = await applicants(appFetch(approver));
			const applicant = listing.ok ? listing.applicants.find((a) => a.name === 'ida.berg') : undefined;
			expect(applicant, JSON.stringify(listing)).toBeDefined();
			expect(await approve({ ...applicant!, doc: { ...applicant!.doc, _rev: '1-0000' } }, appFetch(approver))).toEqual({ ok: false, reason: 'changed' });
			expect(await approve(applicant!, appFetch(approver))).toEqual({ ok: true });

			// Apache CouchDB's auth cache takes the change from its _users feed a moment later.
			await expect.poll(async () => (await as('ida', 'GET', `/${DB}/_all_docs?limit=1`)).status, { timeout: 10_000 }).toBe(200);
			const fresh = await login(server.dbUrl, ida.name, ida.password);
			const session = await request(server.dbUrl, 'GET', '/_session', { cookie: fresh });
			expect(session.body.userCtx).toEqual({ name: 'ida.berg', roles: memberRoles('hamar') });
			// No longer waiting: gone from the list.
			const after = await applicants(appFetch(approver));
			expect(after.ok && after.applicants.map((a) => a.name)).not.toContain('ida.berg');
		});

		it('lets the county see every request and turn one down, after which the login fails', async () => {
			const listing = await applicants(appFetch(DEMO_COUNTY_USER));
			const olaRequest = listing.ok ? listing.applicants.find((a) => a.name === 'ola.nes') : undefined;
			expect(olaRequest, JSON.stringify(listing)).toBeDefined();
			if (kind.flavor === 'embedded') {
				const all = await as(DEMO_COUNTY_USER, 'GET', '/_users/_all_docs');
				expect((all.body.rows as Array<{ id: string }>).map((r) => r.id)).toContain('org.couchdb.user:hamar');
			}
			expect(await decline(olaRequest!, appFetch(DEMO_COUNTY_USER))).toEqual({ ok: true });
			await expect(login(server.dbUrl, ola.name, ola.password)).rejects.toThrow(/401/);
		});

		it('lets a request to its own library be turned down, and no librarian remove a member', async () => {
			const kai = { ...ida, name: 'kai.lie', email: 'kai@hamar.kommune.no', password: 'kai-sitt-passord' };
			await as(null, 'PUT', '/_users/org.couchdb.user:kai.lie', joinDocument(kai, '2026-11-25T09:00:00.000Z'));
			const tolgaUser = await as(DEMO_COUNTY_USER, 'GET', '/_users/org.couchdb.user:tolga');
			expect(refused).toContain((await as('hamar', 'DELETE', `/_users/org.couchdb.user:tolga?rev=${String(tolgaUser.body._rev)}`)).status);
			if (kind.flavor === 'embedded') {
				// The embedded guard also keeps the county from removing its own account (Apache lets a _users admin).
				const county = await as(DEMO_COUNTY_USER, 'GET', `/_users/org.couchdb.user:${DEMO_COUNTY_USER}`);
				expect((await as(DEMO_COUNTY_USER, 'DELETE', `/_users/org.couchdb.user:${DEMO_COUNTY_USER}?rev=${String(county.body._rev)}`)).status).toBe(403);
			}
			const kaiDoc = (await as(DEMO_COUNTY_USER, 'GET', '/_users/org.couchdb.user:kai.lie')).body;
			expect(refused).toContain((await as('tolga', 'DELETE', `/_users/org.couchdb.user:kai.lie?rev=${String(kaiDoc._rev)}`)).status);
			const listing = await applicants(appFetch(approver));
			const kaiRequest = listing.ok ? listing.applicants.find((a) => a.name === 'kai.lie') : undefined;
			expect(await decline(kaiRequest!, appFetch(approver))).toEqual({ ok: true });
			await expect(login(server.dbUrl, kai.name, kai.password)).rejects.toThrow(/401/);
			expect((await as(DEMO_COUNTY_USER, 'GET', '/_users/org.couchdb.user:tolga')).status).toBe(200);
		});
	});
}
