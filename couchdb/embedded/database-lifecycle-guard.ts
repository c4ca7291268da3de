/**
 * In front of express-pouchdb at the database mount: database names are checked, and only a
 * server admin may create or delete a database, as in Apache CouchDB.
 *
 * express-pouchdb 4.2 checks neither before it acts. An anonymous `PUT /<new name>` reached
 * `PouchDB.new()`, which pouchdb-security answers with a rejected promise instead of a database;
 * routes/db.js then called `db.info()` on that promise from a callback outside any handler, and
 * the TypeError ended the whole process. Names CouchDB would refuse (capitals, unicode, `..`)
 * become file names under LevelDB's folder after sanitize-filename; they are refused here
 * instead, with CouchDB's `illegal_database_name`.
 */
import type { NextFunction, Request, Response } from 'express';
import { sessionOf } from './session-of';

/** Apache CouchDB's rule for database names (chttpd, couch_db:validate_dbname). */
const LEGAL_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
/** System databases: named with a leading underscore, created and deleted like any other. */
const SYSTEM_DATABASES = new Set(['_users', '_replicator', '_global_changes']);

function decoded(segment: string): string | null {
	try {
		return decodeURIComponent(segment);
	} catch {
		return null;
	}
}

function refuseName(res: Response, name: string): void {
	res.status(400).json({
		error: 'illegal_database_name',
		reason: `Name: '${name}'. Only lowercase characters (a-z), digits (0-9), and any of the characters _, $, (, ), +, -, and / are allowed. Must begin with a letter.`
	});
}

export function databaseLifecycleGuard(dbUrl: () => string) {
	return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
		const segments = req.path.replace(/^\/+/, '').replace(/\/+$/, '').split('/');
		const raw = segments[0] ?? '';
		if (!raw) return next();
		const name = decoded(raw);
		if (name === null) {
			res.status(400).json({ error: 'bad_request', reason: 'Malformed percent-encoding in the database name.' });
			return;
		}
		const lifecycle = segments.length === 1 && (req.method === 'PUT' || req.method === 'DELETE') && !(req.method === 'DELETE' && name === '_session');
		if (!lifecycle) {
			// Server endpoints (_session, _all_dbs, _uuids …) are express-pouchdb's to answer.
			if (name.startsWith('_') && !SYSTEM_DATABASES.has(name)) return next();
			if (!SYSTEM_DATABASES.has(name) && !LEGAL_NAME.test(name)) return refuseName(res, name);
			return next();
		}
		try {
			const user = await sessionOf(req, dbUrl());
			if (user.roles.includes('_admin')) {
				// express-pouchdb would create `_stats` or `_anything` as a database.
				if (!SYSTEM_DATABASES.has(name) && !LEGAL_NAME.test(name)) return refuseName(res, name);
				return next();
			}
			res.status(user.name ? 403 : 401).json({
				error: user.name ? 'forbidden' : 'unauthorized',
				reason: 'You are not a server admin.'
			});
		} catch (error) {
			next(error);
		}
	};
}
