import { describe, expect, it } from 'vitest';
import { applicants, approve, askToJoin, decline, type Applicant } from './membership';

type Call = { url: string; init: RequestInit };
function server(status: number, body: unknown = {}) {
	const calls: Call[] = [];
	const fetcher = (async (url: string, init: RequestInit) => {
		calls.push({ url, init });
		return new Response(JSON.stringify(body), { status });
	}) as unknown as typeof fetch;
	return { calls, fetcher };
}
const unreachable = (async () => {
	throw new TypeError('Failed to fetch');
}) as unknown as typeof fetch;

const request = { name: 'ida.berg', fullName: 'Ida Berg', email: 'ida@hamar.kommune.no', library: 'hamar', password: 'ida-sitt-passord' };

describe('asking to join', () => {
	it('creates the account without roles at its _users id', async () => {
		const { calls, fetcher } = server(201, { ok: true });
		expect(await askToJoin(request, new Date('2026-11-25T08:00:00Z'), fetcher)).toEqual({ ok: true });
		expect(calls[0]!.url).toBe('/db/_users/org.couchdb.user%3Aida.berg');
		expect(calls[0]!.init.method).toBe('PUT');
		expect(JSON.parse(String(calls[0]!.init.body))).toMatchObject({ roles: [], askedToJoin: 'hamar', askedAt: '2026-11-25T08:00:00.000Z', password: 'ida-sitt-passord' });
	});

	it('tells a taken name, sign-up switched off, no network and a failing server apart', async () => {
		expect(await askToJoin(request, new Date(), server(409).fetcher)).toEqual({ ok: false, reason: 'taken' });
		expect(await askToJoin(request, new Date(), server(403).fetcher)).toEqual({ ok: false, reason: 'taken' });
		expect(await askToJoin(request, new Date(), server(401).fetcher)).toEqual({ ok: false, reason: 'closed' });
		expect(await askToJoin(request, new Date(), unreachable)).toEqual({ ok: false, reason: 'offline' });
		expect(await askToJoin(request, new Date(), server(500).fetcher)).toEqual({ ok: false, reason: 'server' });
	});
});

describe('answering requests', () => {
	const pending = { _id: 'org.couchdb.user:ida.berg', _rev: '1-a', name: 'ida.berg', roles: [], fullName: 'Ida Berg', email: 'ida@x.no', askedToJoin: 'hamar', askedAt: '2026-11-25T08:00:00.000Z' };
	const member = { _id: 'org.couchdb.user:hamar', _rev: '1-b', name: 'hamar', roles: ['librarian', 'library:hamar'] };
	const early = { ...pending, _id: 'org.couchdb.user:ada', name: 'ada', askedAt: '2026-11-24T08:00:00.000Z' };

	it('lists only accounts waiting for approval, oldest request first', async () => {
		const { fetcher } = server(200, { rows: [pending, member, early].map((doc) => ({ id: doc._id, doc })) });
		const result = await applicants(fetcher);
		expect(result.ok && result.applicants.map((a) => a.name)).toEqual(['ada', 'ida.berg']);
	});

	it('reads 401 and 403 as not allowed to see requests (a librarian on Apache CouchDB)', async () => {
		expect(await applicants(server(403).fetcher)).toEqual({ ok: false, reason: 'forbidden' });
		expect(await applicants(unreachable)).toEqual({ ok: false, reason: 'offline' });
	});

	it('approves by writing the stored document back with the member roles of the library asked for', async () => {
		const applicant: Applicant = { name: 'ida.berg', fullName: 'Ida Berg', email: '', library: 'hamar', asked: '', doc: pending };
		const { calls, fetcher } = server(201);
		expect(await approve(applicant, fetcher)).toEqual({ ok: true });
		expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ ...pending, roles: ['librarian', 'library:hamar'] });
		expect(await approve(applicant, server(409).fetcher)).toEqual({ ok: false, reason: 'changed' });

		const declined = server(200);
		expect(await decline(applicant, declined.fetcher)).toEqual({ ok: true });
		expect(declined.calls[0]!.url).toBe('/db/_users/org.couchdb.user%3Aida.berg?rev=1-a');
		expect(declined.calls[0]!.init.method).toBe('DELETE');
	});

	it('closes the account with a password nobody knows where the server keeps deletions for admins', async () => {
		const applicant: Applicant = { name: 'ida.berg', fullName: 'Ida Berg', email: '', library: 'hamar', asked: '2026-11-25T08:00:00.000Z', doc: { _id: 'org.couchdb.user:ida.berg', _rev: '1-a', name: 'ida.berg', roles: [], askedToJoin: 'hamar', derived_key: 'k' } };
		const calls: Call[] = [];
		const fetcher = (async (url: string, init: RequestInit) => {
			calls.push({ url, init });
			return new Response('{}', { status: init.method === 'DELETE' ? 403 : 201 });
		}) as unknown as typeof fetch;
		expect(await decline(applicant, fetcher, new Date('2026-11-26T10:00:00.000Z'))).toEqual({ ok: true });
		expect(calls.map((c) => c.init.method)).toEqual(['DELETE', 'PUT']);
		const closed = JSON.parse(String(calls[1]!.init.body)) as Record<string, unknown>;
		expect(closed).toMatchObject({ _rev: '1-a', roles: [], declinedAt: '2026-11-26T10:00:00.000Z', declinedFor: 'hamar' });
		expect(closed).not.toHaveProperty('askedToJoin');
		expect(String(closed.password)).toMatch(/^[0-9a-f]{48}$/);
	});
});

describe('the public list of libraries', () => {
	it('tells a server closed to sign-up (401) from one that cannot be reached', async () => {
		const { readJoinableLibraries } = await import('./public-directory');
		const list = [{ slug: 'hamar', name: 'Hamar bibliotek', municipality: 'Hamar', country: 'NO' }];
		expect(await readJoinableLibraries('byttebank', server(200, { _id: 'libraries', libraries: list }).fetcher)).toEqual(list);
		expect(await readJoinableLibraries('byttebank', server(401).fetcher)).toBe('closed');
		expect(await readJoinableLibraries('byttebank', unreachable)).toBeUndefined();
		expect(await readJoinableLibraries('byttebank', server(404).fetcher)).toBeUndefined();
	});
});
