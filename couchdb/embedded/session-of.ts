/** Asks the database who sent a request, by replaying its credentials against `_session`. */
import type { Request } from 'express';

export interface UserContext {
	name: string | null;
	roles: string[];
}

export async function sessionOf(req: Request, dbUrl: string): Promise<UserContext> {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (req.headers.cookie) headers.cookie = req.headers.cookie;
	if (req.headers.authorization) headers.authorization = req.headers.authorization;
	const response = await fetch(`${dbUrl}/_session`, { headers });
	if (!response.ok) return { name: null, roles: [] };
	const body = (await response.json()) as { userCtx?: UserContext };
	return body.userCtx ?? { name: null, roles: [] };
}
