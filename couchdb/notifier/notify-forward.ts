/**
 * `/notify/status` on the app's own origin, forwarded to the notifier, so the settings page
 * asks with the session cookie it already has (no CORS, no second login). In production nginx
 * forwards `/notify/` the same way (docs/notifications.md). Only that one read is forwarded.
 */
import type { Request, Response } from 'express';

export const NOTIFY_MOUNT = '/notify';

/** `target` gives the notifier's URL once it runs, or undefined while it does not. */
export function notifyForward(target: () => string | undefined) {
	return async (req: Request, res: Response): Promise<void> => {
		const base = target();
		if (req.method !== 'GET' || req.path !== '/status') {
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
		try {
			const answer = await fetch(`${base}/status`, { headers });
			res.status(answer.status).type('application/json').set('cache-control', 'no-store').send(await answer.text());
		} catch {
			res.status(503).json({ error: 'unavailable', reason: 'The notifier did not answer.' });
		}
	};
}
