/**
 * The session cookie as Apache CouchDB sends it with this project's settings (couchdb/local.ini:
 * `timeout`, `allow_persistent_cookies`, `same_site`), which express-pouchdb gets wrong:
 * - it gives the cookie `maxAge` in seconds where Express counts milliseconds, so a session
 *   meant to last 14 days left the browser 20 minutes after the last request, and a librarian
 *   who closed the app over lunch was asked to log in again; the login itself set no expiry,
 *   so a browser restart ended the session;
 * - it sends a new cookie with every answer (about 130 bytes each over a rural line); CouchDB
 *   renews it only once a tenth of the session has passed.
 */
import type { CookieOptions, NextFunction, Request, Response } from 'express';

export const SESSION_COOKIE = 'AuthSession';

/** When the cookie the request carries was issued (seconds), as pouchdb-auth writes it: base64url of `name:HEX:hash`. */
function issuedAt(req: Request): number | undefined {
	const sent = /(?:^|;\s*)AuthSession=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
	if (!sent) return undefined;
	const [, hex] = Buffer.from(sent, 'base64url').toString('utf8').split(':');
	const seconds = Number.parseInt(hex ?? '', 16);
	return Number.isNaN(seconds) ? undefined : seconds;
}

function isLogin(req: Request): boolean {
	return req.method === 'POST' && /^\/_session\/?$/.test(req.path);
}

export function sessionCookie(timeoutSeconds: number) {
	return (req: Request, res: Response, next: NextFunction): void => {
		const send = res.cookie.bind(res);
		res.cookie = ((name: string, value: unknown, options: CookieOptions = {}) => {
			// A logout clears it with an empty value: left as it is.
			if (name !== SESSION_COOKIE || value === '') return send(name, value as string, options);
			const issued = issuedAt(req);
			const fresh = issued !== undefined && Date.now() / 1000 - issued < timeoutSeconds / 10;
			if (fresh && !isLogin(req)) return res;
			return send(name, value as string, { ...options, httpOnly: true, sameSite: 'strict', path: '/', maxAge: timeoutSeconds * 1000 });
		}) as typeof res.cookie;
		next();
	};
}
