/**
 * Closes a second hole in express-pouchdb 4.2: `_find`, `_explain`, `_index` and `_bulk_get`
 * run without the caller's identity, and pouchdb-security then treats the request as a server
 * admin's. Anonymous requests could read the county database and every password hash, and drop
 * the validation design document. Here the query endpoints are for server admins only (the app
 * never uses them), and `_bulk_get`, which replication needs, runs as the real caller.
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { sessionOf } from './session-of';

const ADMIN_ONLY = /^\/[^/]+\/_(find|explain|index)(\/|$)/i;
const BULK_GET = /^\/[^/]+\/_bulk_get\/?$/i;

export function adminRoutesGuard(dbUrl: () => string): Router {
	const router = express.Router();
	router.use(async (req: Request, res: Response, next: NextFunction) => {
		const adminOnly = ADMIN_ONLY.test(req.path);
		const bulkGet = BULK_GET.test(req.path);
		if (!adminOnly && !bulkGet) return next();
		try {
			const user = await sessionOf(req, dbUrl());
			if (user.roles.includes('_admin')) return next();
			if (adminOnly) {
				return res
					.status(user.name ? 403 : 401)
					.json({ error: user.name ? 'forbidden' : 'unauthorized', reason: 'Only a server admin may use this endpoint here.' });
			}
			if ('userCtx' in req.query || 'secObj' in req.query) {
				return res.status(400).json({ error: 'bad_request', reason: 'userCtx and secObj are not query parameters' });
			}
			express.json({ limit: '1mb' })(req, res, (error?: unknown) => {
				if (error) return next(error);
				req.body = { ...(req.body ?? {}), userCtx: { name: user.name, roles: user.roles }, secObj: undefined };
				next();
			});
		} catch (error) {
			next(error);
		}
	});
	return router;
}
