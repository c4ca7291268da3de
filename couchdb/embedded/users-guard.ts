/**
 * Closes a hole in express-pouchdb 4.2: a user may edit its own `_users` document and give
 * itself any role (STACK-NOTES.md, "SECURITY"). Apache CouchDB refuses that ("Only _admin may
 * edit roles"); here this guard does, in front of `/_users`. Roles may be set or changed only
 * by a server admin or a county user, and nobody but a server admin may grant system roles.
 *
 * It also lets the county read other users' documents, which it needs to approve them. `_users`
 * names the county a database admin (security.ts), but express-pouchdb 4.2 cannot honour
 * database admins there: pouchdb-system-db's admin check reads `args.db`, which pouchdb-wrappers
 * never sets (it passes `args.base`), so every read by anyone but a server admin or the
 * document's owner fails with HTTP 500 "Cannot read properties of undefined (reading
 * 'getSecurity')". The guard answers those reads itself from the stored document, and
 * lists applicants for approval (member-approval.ts).
 */
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { approveAsMember, listUsers, removeUser, sameRoles, type UsersStore } from './member-approval';
import { USER_ID_PREFIX } from '../../src/lib/domain/membership';
import { sessionOf, type UserContext } from './session-of';

export interface UsersGuardOptions {
	/** Base URL of the database mount, for `_session` look-ups (e.g. http://127.0.0.1:8080/db). */
	dbUrl: () => string;
	/** The stored user documents, read and written as the server itself. */
	users: UsersStore;
}

interface UserDocLike {
	_id?: string;
	_rev?: string;
	name?: string;
	roles?: unknown;
	_deleted?: boolean;
}

const WRITE_METHODS = new Set(['PUT', 'POST', 'DELETE', 'COPY']);

/** The path inside `_users`, decoded, without leading or trailing slashes (`_bulk_docs/` is `_bulk_docs`). */
function innerPath(req: Request): string {
	return decodedPath(req.path.replace(/^\/+/, '').replace(/\/+$/, ''));
}

function documentsWritten(req: Request, path: string): UserDocLike[] {
	const body = req.body as unknown;
	if (path === '_bulk_docs') {
		const docs = (body as { docs?: unknown })?.docs;
		// Anything but an object is refused by express-pouchdb; it has no roles to check.
		return Array.isArray(docs) ? (docs.filter((doc) => doc !== null && typeof doc === 'object') as UserDocLike[]) : [];
	}
	if (!body || typeof body !== 'object') return [];
	const doc = body as UserDocLike;
	// PUT /_users/<id> names the document in the path.
	if (req.method === 'PUT' && path && !path.startsWith('_')) return [{ ...doc, _id: path }];
	return [doc];
}

/**
 * Design documents (pouchdb-auth's `_design/_auth` validation is what stops users editing their
 * own roles), local documents and `_security`: a server admin's business only. The county is a
 * `_users` database admin, which express-pouchdb would let replace `_design/_auth`.
 */
function touchesSystemDocuments(method: string, path: string, docs: UserDocLike[]): boolean {
	if (path.startsWith('_') && !(path === '_bulk_docs' && method === 'POST')) return true;
	return docs.some((doc) => typeof doc._id === 'string' && doc._id.startsWith('_'));
}

/**
 * In front of the whole database mount: `_users` may only be named as such. Express matches
 * the guard's mount on the raw path, so `/%5Fusers/…` or `//_users/…` would reach
 * express-pouchdb, which decodes the name, without passing the guard.
 */
export function refuseDisguisedUsersPath(req: Request, res: Response, next: NextFunction): void {
	const first = req.path.replace(/^\/+/, '').split('/')[0] ?? '';
	if (decodedPath(first) === '_users' && (first !== '_users' || req.path.startsWith('//'))) {
		res.status(400).json({ error: 'bad_request', reason: 'Name the users database as _users, without escapes.' });
		return;
	}
	next();
}

/** The document id in a request path; a malformed escape is left as it is (CouchDB answers it). */
function decodedPath(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

function mayManageRoles(user: UserContext): boolean {
	return user.roles.includes('_admin') || user.roles.includes('county');
}

/**
 * GET /_users/_all_docs by anyone but a server admin (member-approval.ts); GET /_users/<user
 * doc> by the county (no query options), served from the stored documents; and anyone else's
 * reads of a user document that is not their own answered 404 `not_found`, as Apache CouchDB
 * does (express-pouchdb would fail with the 500 described above).
 */
async function guardedRead(req: Request, res: Response, next: NextFunction, options: UsersGuardOptions): Promise<void> {
	const path = innerPath(req);
	if (path === '_all_docs') {
		try {
			const user = await sessionOf(req, options.dbUrl());
			if (user.roles.includes('_admin')) return next();
			return await listUsers(req, res, user, options.users);
		} catch (error) {
			return next(error);
		}
	}
	const docId = path.split('/')[0] ?? '';
	if (!path) return next();
	try {
		const user = await sessionOf(req, options.dbUrl());
		if (user.roles.includes('_admin')) return next();
		// _changes, design and local documents: express-pouchdb fails on them as above.
		if (!docId || docId.startsWith('_')) {
			res.status(user.name ? 403 : 401).json({ error: user.name ? 'forbidden' : 'unauthorized', reason: 'Only a server admin may read this in _users.' });
			return;
		}
		if (user.name !== null && docId === USER_ID_PREFIX + user.name) return next();
		const plainRead = !path.includes('/') && !Object.keys(req.query).length;
		if (user.roles.includes('county') && plainRead) {
			const doc = await options.users.get(docId);
			if (doc) res.json(doc);
			else res.status(404).json({ error: 'not_found', reason: 'missing' });
			return;
		}
		if (user.roles.includes('county')) {
			res.status(400).json({ error: 'bad_request', reason: 'Read other users\' documents here without query options or attachments.' });
			return;
		}
		res.status(404).json({ error: 'not_found', reason: 'missing' });
	} catch (error) {
		next(error);
	}
}

export function usersGuard(options: UsersGuardOptions): Router {
	const router = express.Router();
	router.use(express.json({ limit: '1mb' }));
	router.use((req: Request, res: Response, next: NextFunction) => {
		guard(req, res, next, options).catch(next);
	});
	return router;
}

async function guard(req: Request, res: Response, next: NextFunction, options: UsersGuardOptions): Promise<unknown> {
	{
		if (req.method === 'GET' || req.method === 'HEAD') return guardedRead(req, res, next, options);
		if (!WRITE_METHODS.has(req.method)) return next();
		const path = innerPath(req);
		// Only user documents live here; express-pouchdb fails with the 500 above on anything else.
		const firstSegment = path.split('/')[0] ?? '';
		if (req.method === 'COPY' || (firstSegment && !firstSegment.startsWith('_') && !firstSegment.startsWith(USER_ID_PREFIX))) {
			const user = await sessionOf(req, options.dbUrl());
			if (user.roles.includes('_admin')) return next();
			return res.status(403).json({ error: 'forbidden', reason: `Only user documents (${USER_ID_PREFIX}…) may be written to _users` });
		}
		if (touchesSystemDocuments(req.method, path, documentsWritten(req, path))) {
			try {
				const user = await sessionOf(req, options.dbUrl());
				if (user.roles.includes('_admin')) return next();
				return res.status(403).json({ error: 'forbidden', reason: 'Only a server admin may change design documents, local documents or security of _users' });
			} catch (error) {
				return next(error);
			}
		}
		const docId = path;
		if (req.method === 'DELETE' && docId.startsWith(USER_ID_PREFIX) && !docId.includes('/')) {
			try {
				const user = await sessionOf(req, options.dbUrl());
				if (user.roles.includes('_admin')) return next();
				return await removeUser(req, res, user, docId, options.users);
			} catch (error) {
				return next(error);
			}
		}
		// Anything but JSON (multipart, for one) would slip past the role check unread.
		const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
		if (hasBody && !req.is('application/json')) {
			return res.status(415).json({ error: 'bad_content_type', reason: 'User documents must be sent as application/json' });
		}
		try {
			const docs = documentsWritten(req, path).filter((doc) => !doc._deleted);
			let user: UserContext | undefined;
			for (const doc of docs) {
				const id = doc._id ?? (doc.name ? USER_ID_PREFIX + doc.name : undefined);
				const wanted = Array.isArray(doc.roles) ? (doc.roles as unknown[]).map(String) : [];
				const storedDoc = id ? await options.users.get(id) : null;
				const stored = storedDoc ? ((storedDoc.roles as string[] | undefined) ?? []) : null;
				if (sameRoles(wanted, stored ?? [])) continue;
				user ??= await sessionOf(req, options.dbUrl());
				if (id && !mayManageRoles(user) && req.method === 'PUT' && docs.length === 1) {
					if (storedDoc && (await approveAsMember(res, user, storedDoc, { _rev: doc._rev, roles: wanted }, options.users))) return;
				}
				if (!mayManageRoles(user)) {
					return res.status(403).json({ error: 'forbidden', reason: 'Only the county or a server admin may change roles' });
				}
				if (!user.roles.includes('_admin') && wanted.some((role) => role.startsWith('_'))) {
					return res.status(403).json({ error: 'forbidden', reason: 'System roles can only be given by a server admin' });
				}
			}
			next();
		} catch (error) {
			next(error);
		}
	}
}
