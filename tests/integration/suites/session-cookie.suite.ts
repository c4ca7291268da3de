/**
 * The session cookie a login gets, on both servers alike: it lasts the 14 days a tablet may be
 * offline, over browser restarts, and is not sent again with every answer
 * (couchdb/local.ini for Apache CouchDB, couchdb/embedded/session-cookie.ts for the embedded server).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ServerKind, TestServer } from '../embedded-server';

const DAY_MS = 24 * 60 * 60 * 1000;
const FOURTEEN_DAYS_S = 14 * 24 * 60 * 60;

export function sessionCookieSuite(kind: ServerKind): void {
	describe(`the session cookie on ${kind.flavor === 'apache' ? 'Apache CouchDB' : 'the embedded server'}`, () => {
		let server: TestServer;
		const user = { name: 'sesjon.hamar', password: 'pw-sesjon-hamar', roles: ['librarian', 'library:hamar'] };

		beforeAll(async () => {
			server = await kind.start({ countyDb: 'byttebank', users: [user], documents: [] });
		});
		afterAll(async () => server?.stop());
		afterEach(() => void vi.useRealTimers());

		async function logIn(): Promise<{ cookie: string; header: string }> {
			const response = await fetch(`${server.dbUrl}/_session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: user.name, password: user.password }) });
			expect(response.status).toBe(200);
			const header = response.headers.get('set-cookie') ?? '';
			return { cookie: header.split(';')[0]!, header };
		}
		const read = (cookie: string) => fetch(`${server.dbUrl}/byttebank`, { headers: { cookie, accept: 'application/json' } });

		it('lasts 14 days from the login, over browser restarts, for this site only', async () => {
			const { header } = await logIn();
			expect(header).toMatch(/^AuthSession=[^;]+;/);
			expect(header).toMatch(new RegExp(`Max-Age=${FOURTEEN_DAYS_S}(;|$)`));
			expect(header).toMatch(/HttpOnly/i);
			expect(header).toMatch(/SameSite=Strict/i);
		});

		it('is not sent again with every answer', async () => {
			const { cookie } = await logIn();
			for (let i = 0; i < 3; i++) {
				const response = await read(cookie);
				expect(response.status).toBe(200);
				expect(response.headers.get('set-cookie')).toBeNull();
			}
		});

		// Days cannot pass in a test against a server in another process: the embedded server
		// runs in this one, so its clock can be moved.
		if (kind.flavor === 'embedded') {
			it('is renewed once a tenth of the session has passed, and refused once it has all passed', async () => {
				const start = Date.now();
				vi.useFakeTimers({ toFake: ['Date'] });
				vi.setSystemTime(start);
				const { cookie } = await logIn();
				vi.setSystemTime(start + 2 * DAY_MS);
				const renewed = await read(cookie);
				expect(renewed.status).toBe(200);
				const header = renewed.headers.get('set-cookie') ?? '';
				expect(header).toMatch(new RegExp(`Max-Age=${FOURTEEN_DAYS_S}(;|$)`));
				const fresh = header.split(';')[0]!;
				expect(fresh).not.toBe(cookie);
				vi.setSystemTime(start + 15 * DAY_MS);
				expect((await read(cookie)).status).toBe(401);
				expect((await read(fresh)).status).toBe(200);
			});
		}
	});
}
