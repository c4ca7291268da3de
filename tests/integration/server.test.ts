import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provision, type ProvisionPlan } from '../../couchdb/provision';
import { formatStamp } from '../../src/lib/domain/ids';
import { makeTransaction } from '../../src/lib/domain/transactions';
import { login, request, startTestServer, type TestServer } from './embedded-server';

const plan: ProvisionPlan = {
	countyDb: 'byttebank',
	users: [
		{ name: 'hamar', password: 'hemmelig-hamar', roles: ['librarian', 'library:hamar'] },
		{ name: 'tolga', password: 'hemmelig-tolga', roles: ['librarian', 'library:tolga'] },
		{ name: 'fylket', password: 'hemmelig-fylket', roles: ['librarian', 'county', 'library:fylkesbiblioteket'] }
	],
	documents: []
};

function offerFrom(library: string, ms = Date.UTC(2026, 5, 1)) {
	return makeTransaction(formatStamp({ ms, counter: 0 }, `${library}device`), {
		kind: 'offer.posted',
		by: { library },
		skills: ['cataloguing'],
		description: 'En dag med katalogisering',
		days: 1,
		dates: []
	});
}

describe('the embedded server', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer(plan);
	});
	afterAll(async () => {
		await server?.stop();
	});

	it('lets a librarian log in through _session, write a document and read it back', async () => {
		const cookie = await login(server.dbUrl, 'hamar', 'hemmelig-hamar');
		const session = await request(server.dbUrl, 'GET', '/_session', { cookie });
		expect(session.body.userCtx).toEqual({ name: 'hamar', roles: ['librarian', 'library:hamar'] });

		const doc = offerFrom('hamar');
		const put = await request(server.dbUrl, 'PUT', `/byttebank/${doc._id}`, { cookie, body: doc });
		expect(put.status).toBe(201);
		const back = await request(server.dbUrl, 'GET', `/byttebank/${doc._id}`, { cookie });
		expect(back.body).toMatchObject({ kind: 'offer.posted', by: { library: 'hamar' }, days: 1 });
	});

	it('refuses anonymous reads and writes of the county database', async () => {
		expect((await request(server.dbUrl, 'GET', '/byttebank/_all_docs')).status).toBe(401);
		const doc = offerFrom('hamar', Date.UTC(2026, 5, 2));
		expect((await request(server.dbUrl, 'PUT', `/byttebank/${doc._id}`, { body: doc })).status).toBe(401);
	});

	it('refuses a wrong password', async () => {
		await expect(login(server.dbUrl, 'hamar', 'feil')).rejects.toThrow(/401/);
	});

	it('refuses a document written in the name of another library', async () => {
		const cookie = await login(server.dbUrl, 'tolga', 'hemmelig-tolga');
		const forged = offerFrom('hamar', Date.UTC(2026, 5, 3));
		const put = await request(server.dbUrl, 'PUT', `/byttebank/${forged._id}`, { cookie, body: forged });
		expect(put.status).toBe(403);
		expect(String(put.body.reason)).toMatch(/own library/i);
	});

	it('provisions idempotently: a second run changes nothing', async () => {
		const again = await provision({ url: server.dbUrl, admin: server.admin }, plan);
		expect(again.changed).toEqual([]);
	});
});

describe('SECURITY: roles in _users on the embedded server', () => {
	let server: TestServer;
	beforeAll(async () => {
		server = await startTestServer(plan);
	});
	afterAll(async () => {
		await server?.stop();
	});

	const mallory = 'org.couchdb.user:mallory';

	it('lets anyone sign up, but only without roles', async () => {
		const withRoles = await request(server.dbUrl, 'PUT', `/_users/${mallory}`, {
			body: { _id: mallory, type: 'user', name: 'mallory', password: 'pw-mallory', roles: ['county'] }
		});
		expect(withRoles.status).toBe(403);
		const signUp = await request(server.dbUrl, 'PUT', `/_users/${mallory}`, {
			body: { _id: mallory, type: 'user', name: 'mallory', password: 'pw-mallory', roles: [] }
		});
		expect(signUp.status).toBe(201);
	});

	it('refuses a user giving itself roles, by PUT and by _bulk_docs, and the session keeps no roles', async () => {
		const cookie = await login(server.dbUrl, 'mallory', 'pw-mallory');
		const own = await request(server.dbUrl, 'GET', `/_users/${mallory}`, { cookie });
		expect(own.status).toBe(200);

		const escalate = { ...own.body, roles: ['librarian', 'county', 'library:hamar'] };
		const put = await request(server.dbUrl, 'PUT', `/_users/${mallory}`, { cookie, body: escalate });
		expect(put.status).toBe(403);
		const bulk = await request(server.dbUrl, 'POST', '/_users/_bulk_docs', { cookie, body: { docs: [escalate] } });
		expect(bulk.status).toBe(403);
		const post = await request(server.dbUrl, 'POST', '/_users', { cookie, body: escalate });
		expect(post.status).toBe(403);

		const fresh = await login(server.dbUrl, 'mallory', 'pw-mallory');
		const session = await request(server.dbUrl, 'GET', '/_session', { cookie: fresh });
		expect(session.body.userCtx).toEqual({ name: 'mallory', roles: [] });
		expect((await request(server.dbUrl, 'GET', '/byttebank/_all_docs', { cookie: fresh })).status).toBeGreaterThanOrEqual(401);
	});

	it('refuses role changes smuggled in a non-JSON body', async () => {
		const cookie = await login(server.dbUrl, 'mallory', 'pw-mallory');
		const response = await fetch(`${server.dbUrl}/_users/${mallory}`, {
			method: 'PUT',
			headers: { cookie, 'content-type': 'multipart/related; boundary=x' },
			body: '--x\r\ncontent-type: application/json\r\n\r\n{"roles":["county"]}\r\n--x--'
		});
		expect(response.status).toBe(415);
	});

	it('lets a librarian change its own password without touching roles', async () => {
		const cookie = await login(server.dbUrl, 'mallory', 'pw-mallory');
		const own = await request(server.dbUrl, 'GET', `/_users/${mallory}`, { cookie });
		const put = await request(server.dbUrl, 'PUT', `/_users/${mallory}`, { cookie, body: { ...own.body, password: 'nytt-passord' } });
		expect(put.status).toBe(201);
		await expect(login(server.dbUrl, 'mallory', 'nytt-passord')).resolves.toMatch(/AuthSession/);
	});
});
