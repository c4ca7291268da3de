/** Asks the database who sent a request, by replaying its credentials against `_session`. */
import type { IncomingHttpHeaders } from 'node:http';

export interface UserContext {
	name: string | null;
	roles: string[];
}

/** `req` is an Express request or any request's headers; `dbUrl` the server's root. */
export async function sessionOf(req: { headers: IncomingHttpHeaders }, dbUrl: string): Promise<UserContext> {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (typeof req.headers.cookie === 'string') headers.cookie = req.headers.cookie;
	if (typeof req.headers.authorization === 'string') headers.authorization = req.headers.authorization;
	const response = await fetch(`${dbUrl}/_session`, { headers });
	if (!response.ok) return { name: null, roles: [] };
	const body = (await response.json()) as { userCtx?: UserContext };
	return body.userCtx ?? { name: null, roles: [] };
}
