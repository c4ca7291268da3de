import { describe, expect, it } from 'vitest';
import { currentSession, libraryOf, login } from './session';

const answer = (status: number, body: unknown = {}) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;
const unreachable = (async () => {
	throw new TypeError('Failed to fetch');
}) as unknown as typeof fetch;

describe('the session', () => {
	it('tells wrong credentials, no network and a failing server apart', async () => {
		expect(await login('hamar', 'x', answer(401))).toEqual({ ok: false, reason: 'credentials' });
		expect(await login('hamar', 'x', unreachable)).toEqual({ ok: false, reason: 'offline' });
		expect(await login('hamar', 'x', answer(500))).toEqual({ ok: false, reason: 'server' });
		expect(await login('hamar', 'x', answer(200, { name: 'hamar', roles: ['librarian', 'library:hamar'] }))).toEqual({ ok: true, user: { name: 'hamar', roles: ['librarian', 'library:hamar'] } });
	});

	it('reads an anonymous 401 (require_valid_user) as logged out, and no answer as unknown', async () => {
		expect(await currentSession(answer(401))).toEqual({ name: null, roles: [] });
		expect(await currentSession(unreachable)).toBeUndefined();
		expect(await currentSession(answer(200, { userCtx: { name: 'hamar', roles: [] } }))).toEqual({ name: 'hamar', roles: [] });
	});

	it('finds the library from the roles', () => {
		expect(libraryOf(['librarian', 'library:sor-odal'])).toBe('sor-odal');
		expect(libraryOf(['librarian'])).toBeUndefined();
	});
});
