/**
 * Requests that used to end the embedded server or answer 500 (issue 11, part 5), over HTTP.
 * Every test also checks the server still answers afterwards: a crash would end the test
 * process itself, so "still answers" is what a fixed crash looks like from here.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ProvisionPlan } from '../../couchdb/provision';
import { login, request, startTestServer, type TestServer } from './embedded-server';

const plan: ProvisionPlan = {
	countyDb: 'byttebank',
	users: [
		{ name: 'hamar', password: 'pw-hamar', roles: ['librarian', 'library:hamar'] },
		{ name: 'tolga', password: 'pw-tolga', roles: ['librarian', 'library:tolga'] },
		{ name: 'fylket', password: 'pw-fylket', roles: ['librarian', 'county', 'library:fylkesbiblioteket'] }
	],
	documents: []
};

describe('the embedded server refuses what used to crash it', () => {
	let server: TestServer;
	const cookies: Record<string, string> = {};
	beforeAll(async () => {
		server = await startTestServer(plan);
		cookies.hamar = await login(server.dbUrl, 'hamar', 'pw-hamar');
		cookies.fylket = await login(server.dbUrl, 'fylket', 'pw-fylket');
		cookies.admin = await login(server.dbUrl, server.admin.name, server.admin.password);
	});
	afterAll(async () => {
		await server?.stop();
	});

	const alive = async () => expect((await request(server.dbUrl, 'GET', '/')).status).toBe(200);

	it('answers an anonymous PUT of a new database 401 instead of ending the process', async () => {
		const created = await request(server.dbUrl, 'PUT', '/any-new-name');
		expect(created.status).toBe(401);
		expect(created.body).toMatchObject({ error: 'unauthorized' });
		await alive();
		const all = await request(server.dbUrl, 'GET', '/_all_dbs', { cookie: cookies.admin });
		expect(all.body).not.toContain('any-new-name');
	});

	it('lets no librarian or county user create or delete a database, with a CouchDB-shaped error', async () => {
		for (const cookie of [cookies.hamar, cookies.fylket]) {
			const created = await request(server.dbUrl, 'PUT', '/another-name', { cookie });
			expect(created.status).toBe(403);
			expect(created.body).toEqual({ error: 'forbidden', reason: 'You are not a server admin.' });
			const deleted = await request(server.dbUrl, 'DELETE', '/byttebank', { cookie });
			expect(deleted.status).toBe(403);
		}
		expect((await request(server.dbUrl, 'DELETE', '/byttebank')).status).toBe(401);
		expect((await request(server.dbUrl, 'PUT', '/_users')).status).toBe(401);
		expect((await request(server.dbUrl, 'GET', '/byttebank', { cookie: cookies.hamar })).status).toBe(200);
		await alive();
	});

	it('still lets a server admin create and delete a database', async () => {
		expect((await request(server.dbUrl, 'PUT', '/scratch-db', { cookie: cookies.admin })).status).toBe(201);
		expect((await request(server.dbUrl, 'PUT', '/scratch-db', { cookie: cookies.admin })).status).toBe(412);
		expect((await request(server.dbUrl, 'DELETE', '/scratch-db', { cookie: cookies.admin })).status).toBe(200);
	});

	it('refuses database names Apache CouchDB refuses, whoever asks', async () => {
		for (const name of ['Capital', '%C3%BCnicode', '%2E%2E%2Fetc', '1starts-with-digit', 'has%20space']) {
			const answer = await request(server.dbUrl, 'PUT', `/${name}`, { cookie: cookies.admin });
			expect(answer.status, name).toBe(400);
			expect(answer.body.error, name).toBe('illegal_database_name');
		}
		expect((await request(server.dbUrl, 'GET', '/%E0%A4%A')).status).toBe(400);
		await alive();
	});

	it("answers a librarian's read of another user's document 404 not_found, as CouchDB does", async () => {
		for (const path of ['/_users/org.couchdb.user:tolga', '/_users/org.couchdb.user%3Atolga', '/_users/org.couchdb.user:tolga?revs=true', '/_users/org.couchdb.user:nobody']) {
			const answer = await request(server.dbUrl, 'GET', path, { cookie: cookies.hamar });
			expect(answer.status, path).toBe(404);
			expect(answer.body, path).toEqual({ error: 'not_found', reason: 'missing' });
		}
		const anonymous = await request(server.dbUrl, 'GET', '/_users/org.couchdb.user:tolga');
		expect(anonymous.status).toBe(404);
		const head = await fetch(`${server.dbUrl}/_users/org.couchdb.user:tolga`, { method: 'HEAD', headers: { cookie: cookies.hamar ?? '' } });
		expect(head.status).toBe(404);
		await alive();
	});

	it('still lets a librarian read its own user document and the county read anyone’s', async () => {
		const own = await request(server.dbUrl, 'GET', '/_users/org.couchdb.user:hamar', { cookie: cookies.hamar });
		expect(own.status).toBe(200);
		expect(own.body.name).toBe('hamar');
		const county = await request(server.dbUrl, 'GET', '/_users/org.couchdb.user:tolga', { cookie: cookies.fylket });
		expect(county.status).toBe(200);
		expect(county.body.name).toBe('tolga');
	});
});

describe('regressions found by the HTTP fuzz (http-fuzz.test.ts)', () => {
	let server: TestServer;
	const cookies: Record<string, string> = {};
	beforeAll(async () => {
		server = await startTestServer(plan);
		cookies.hamar = await login(server.dbUrl, 'hamar', 'pw-hamar');
		cookies.fylket = await login(server.dbUrl, 'fylket', 'pw-fylket');
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('a refused DELETE of an underscore name no longer jams every later database request', async () => {
		// It reached express-pouchdb's global lock, whose rejected chain then failed every request.
		expect((await request(server.dbUrl, 'DELETE', '/_stats', { cookie: cookies.hamar })).status).toBe(403);
		expect((await request(server.dbUrl, 'PUT', '/_session', { cookie: cookies.hamar })).status).toBe(403);
		expect((await request(server.dbUrl, 'GET', '/byttebank/_all_docs', { cookie: cookies.hamar })).status).toBe(200);
	});

	it('a _bulk_docs to _users holding null is answered, not thrown inside the guard', async () => {
		const answer = await request(server.dbUrl, 'POST', '/_users/_bulk_docs', { cookie: cookies.hamar, body: { docs: [null, 5] } });
		expect(answer.status).toBe(400);
	});

	it('_changes, design documents and non-user ids of _users are refused to non-admins instead of 500', async () => {
		expect((await request(server.dbUrl, 'GET', '/_users/_changes', { cookie: cookies.hamar })).status).toBe(403);
		expect((await request(server.dbUrl, 'GET', '/_users/_changes')).status).toBe(401);
		expect((await request(server.dbUrl, 'GET', '/_users/_design/_auth?open_revs=all', { cookie: cookies.fylket })).status).toBe(403);
		expect((await request(server.dbUrl, 'GET', '/_users/%2F', { cookie: cookies.fylket })).status).toBe(403);
		expect((await request(server.dbUrl, 'DELETE', '/_users/_bulk_docs')).status).toBe(403);
		expect((await request(server.dbUrl, 'DELETE', '/_users/not-a-user', { cookie: cookies.fylket })).status).toBe(403);
	});

	it('latest=true for a revision the database does not hold answers missing instead of throwing inside LevelDB', async () => {
		const bad = await request(server.dbUrl, 'GET', '/byttebank-public/libraries?latest=true&rev=1-abc', { cookie: cookies.hamar });
		expect(bad.status).toBe(404);
		const open = await request(server.dbUrl, 'GET', `/byttebank-public/libraries?latest=true&open_revs=${encodeURIComponent('["1-abc"]')}`, { cookie: cookies.hamar });
		expect(open.body).toEqual([{ missing: '1-abc' }]);
		// Replication fetches documents this way, with revisions that exist.
		const stored = await request(server.dbUrl, 'GET', '/byttebank-public/libraries', { cookie: cookies.hamar });
		const found = await request(server.dbUrl, 'GET', `/byttebank-public/libraries?revs=true&latest=true&open_revs=${encodeURIComponent(JSON.stringify([stored.body._rev]))}`, { cookie: cookies.hamar });
		expect(found.body).toEqual([{ ok: expect.objectContaining({ _id: 'libraries', _rev: stored.body._rev }) }]);
	});

	it('DELETE of an attachment without rev answers 409 as CouchDB does', async () => {
		const answer = await request(server.dbUrl, 'DELETE', '/byttebank-public/libraries/att', { cookie: cookies.fylket });
		expect(answer.status).toBe(409);
		expect(answer.body.error).toBe('conflict');
	});

	it('a _changes filtered by a view that does not exist answers 404, not a 500 from a lost rejection', async () => {
		// express-pouchdb loses PouchDB's not_found outside its handlers; the safety net keeps its status.
		const answer = await request(server.dbUrl, 'POST', '/byttebank-public/_changes?filter=_view&view=nope/nope', { cookie: cookies.fylket });
		expect([answer.status, answer.body.error]).toEqual([404, 'not_found']);
		expect((await request(server.dbUrl, 'GET', '/byttebank/_all_docs?limit=0', { cookie: cookies.hamar })).status).toBe(200);
	});

	it('design functions the app never calls answer 404 instead of express-pouchdb\'s 500s', async () => {
		for (const [method, path] of [['GET', '/byttebank/_design/validation/_update/x'], ['POST', '/byttebank/_design/validation/_update/x'], ['PATCH', '/byttebank/_design/validation/_show/x'], ['GET', '/byttebank/_design/validation/_list/a/b']]) {
			const response = await fetch(server.dbUrl + path, {
				method,
				headers: { cookie: cookies.fylket ?? '', 'content-type': 'application/json' },
				body: method === 'GET' ? undefined : '['.repeat(20_000) + ']'.repeat(20_000)
			});
			expect([response.status, ((await response.json()) as { error?: string }).error], `${method} ${path}`).toEqual([404, 'not_found']);
		}
	});

	it('a document nested 20 000 levels deep is refused 400 instead of overflowing the stack', async () => {
		const response = await fetch(`${server.dbUrl}/byttebank/deep`, {
			method: 'PUT',
			headers: { cookie: cookies.fylket ?? '', 'content-type': 'application/json' },
			body: '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)
		});
		expect(response.status).toBe(400);
	});

	it('a _bulk_get whose client goes away before its body is read is not logged as the server failing', async () => {
		// Replication cancelled mid-request (a tab closed, a log-out): seen in the e2e server's log
		// as 500 "stream is not readable" after the caller's session was looked up.
		const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		try {
			const { hostname, port, pathname } = new URL(server.dbUrl);
			for (let i = 0; i < 5; i++) {
				await new Promise<void>((done) => {
					const socket = connect(Number(port), hostname, () => {
						socket.write(`POST ${pathname}/byttebank/_bulk_get?revs=true HTTP/1.1\r\nHost: ${hostname}\r\nCookie: ${cookies.hamar}\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"docs":[`);
						setTimeout(() => socket.destroy(), 5);
					});
					socket.on('close', () => done());
					socket.on('error', () => undefined);
				});
			}
			await new Promise((done) => setTimeout(done, 300));
			expect(errors.mock.calls.map((call) => String(call[0])).filter((line) => line.includes('failed'))).toEqual([]);
		} finally {
			errors.mockRestore();
		}
		expect((await request(server.dbUrl, 'GET', '/')).status).toBe(200);
	});
});
