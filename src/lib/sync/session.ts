/**
 * Logging in and out with CouchDB `_session` cookies on the same origin. The app never sees
 * or stores a password beyond the login request itself.
 */
import { LIBRARY_ROLE_PREFIX } from '$lib/domain/membership';

export const DB_PATH = '/db';
/** The county's database on the server. */
export const COUNTY_DB = 'byttebank';

export interface UserContext {
	name: string | null;
	roles: string[];
}

export type LoginOutcome =
	| { ok: true; user: UserContext }
	| { ok: false; reason: 'credentials' | 'offline' | 'server' };

export async function login(name: string, password: string, fetcher: typeof fetch = fetch): Promise<LoginOutcome> {
	let response: Response;
	try {
		response = await fetcher(`${DB_PATH}/_session`, {
			method: 'POST',
			credentials: 'same-origin',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify({ name, password })
		});
	} catch {
		return { ok: false, reason: 'offline' };
	}
	if (response.status === 401) return { ok: false, reason: 'credentials' };
	if (!response.ok) return { ok: false, reason: 'server' };
	const body = (await response.json()) as { name: string; roles: string[] };
	return { ok: true, user: { name: body.name, roles: body.roles } };
}

/** The server's view of the session; undefined when the server cannot be reached. */
export async function currentSession(fetcher: typeof fetch = fetch): Promise<UserContext | undefined> {
	try {
		const response = await fetcher(`${DB_PATH}/_session`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
		// Apache CouchDB with require_valid_user answers an anonymous _session with 401: nobody.
		if (response.status === 401) return { name: null, roles: [] };
		if (!response.ok) return undefined;
		return ((await response.json()) as { userCtx: UserContext }).userCtx;
	} catch {
		return undefined;
	}
}

export async function logout(fetcher: typeof fetch = fetch): Promise<void> {
	try {
		await fetcher(`${DB_PATH}/_session`, { method: 'DELETE', credentials: 'same-origin' });
	} catch {
		// Offline: the cookie expires on its own; the local session is forgotten either way.
	}
}

/** The library a user acts for, from its `library:<slug>` role. */
export function libraryOf(roles: string[]): string | undefined {
	return roles.find((r) => r.startsWith(LIBRARY_ROLE_PREFIX))?.slice(LIBRARY_ROLE_PREFIX.length);
}
