/**
 * Who asks the notifier's status and push routes: the request's own CouchDB session (cookie or
 * basic auth) replayed against the database's `_session` (the embedded server's own
 * `sessionOf`), so the notifier trusts exactly what the database does and keeps no accounts.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { sessionOf } from '../embedded/session-of';

/** The server root of a database URL: `http://host:5984/byttebank` → `http://host:5984`. */
export function serverRootOf(dbUrl: string): string {
	return dbUrl.replace(/\/+$/, '').replace(/\/[^/]+$/, '');
}

/** The caller, or null when the database does not know them (no session, a forged one). */
export async function sessionUser(serverRoot: string, headers: IncomingHttpHeaders): Promise<{ name: string; roles: string[] } | null> {
	if (!headers.cookie && !headers.authorization) return null;
	const { name, roles } = await sessionOf({ headers }, serverRoot);
	return typeof name === 'string' && Array.isArray(roles) ? { name, roles: roles.filter((r): r is string => typeof r === 'string') } : null;
}
