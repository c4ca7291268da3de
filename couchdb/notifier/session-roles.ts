/**
 * Who asks the notifier's status page: the request's own CouchDB session (cookie or basic
 * auth) replayed against the database's `_session`, so the notifier trusts exactly what the
 * database does and keeps no accounts of its own.
 */
import type { IncomingHttpHeaders } from 'node:http';

/** The server root of a database URL: `http://host:5984/byttebank` → `http://host:5984`. */
export function serverRootOf(dbUrl: string): string {
	return dbUrl.replace(/\/+$/, '').replace(/\/[^/]+$/, '');
}

/** The caller, or null when the database does not know them (no session, a forged one). */
export async function sessionUser(serverRoot: string, headers: IncomingHttpHeaders): Promise<{ name: string; roles: string[] } | null> {
	const forward: Record<string, string> = { accept: 'application/json' };
	if (typeof headers.cookie === 'string') forward.cookie = headers.cookie;
	if (typeof headers.authorization === 'string') forward.authorization = headers.authorization;
	if (!forward.cookie && !forward.authorization) return null;
	const response = await fetch(`${serverRoot}/_session`, { headers: forward });
	if (!response.ok) return null;
	const body = (await response.json()) as { userCtx?: { name?: unknown; roles?: unknown } };
	const { name, roles } = body.userCtx ?? {};
	if (typeof name !== 'string' || !Array.isArray(roles)) return null;
	return { name, roles: roles.filter((r): r is string => typeof r === 'string') };
}

/** The caller's roles, or null when the database does not know them. */
export async function sessionRoles(serverRoot: string, headers: IncomingHttpHeaders): Promise<string[] | null> {
	return (await sessionUser(serverRoot, headers))?.roles ?? null;
}
