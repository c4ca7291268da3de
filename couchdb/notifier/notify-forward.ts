/**
 * `/notify/…` on the app's own origin, forwarded to the notifier, so the app asks with the
 * session cookie it already has (no CORS, no second login). In production nginx forwards
 * `/notify/` the same way (docs/notifications.md). Only the app's own calls are forwarded:
 * the delivery status, the VAPID key, and a device subscribing to push or leaving it.
 */
import type { Request, Response } from 'express';
import { readSmallBody } from './small-body';

export const NOTIFY_MOUNT = '/notify';

const ROUTES: Record<string, readonly string[]> = {
	'/status': ['GET'],
	'/vapid-public-key': ['GET'],
	'/push': ['POST', 'DELETE']
};

/** `target` gives the notifier's URL once it runs, or undefined while it does not. */
export function notifyForward(target: () => string | undefined) {
	return async (req: Request, res: Response): Promise<void> => {
		const base = target();
		if (!ROUTES[req.path]?.includes(req.method)) {
			res.status(404).json({ error: 'not_found' });
			return;
		}
		if (!base) {
			res.status(503).json({ error: 'unavailable', reason: 'The notifier is not running.' });
			return;
		}
		const headers: Record<string, string> = { accept: 'application/json' };
		if (req.headers.cookie) headers.cookie = req.headers.cookie;
		if (req.headers.authorization) headers.authorization = req.headers.authorization;
		if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
		const body = req.method === 'GET' ? undefined : await readSmallBody(req);
		if (body === null) {
			res.status(413).json({ error: 'too_large' });
			return;
		}
		try {
			const answer = await fetch(`${base}${req.path}`, { method: req.method, headers, body });
			res.status(answer.status).type('application/json').set('cache-control', 'no-store').send(await answer.text());
		} catch {
			res.status(503).json({ error: 'unavailable', reason: 'The notifier did not answer.' });
		}
	};
}
