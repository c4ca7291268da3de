/**
 * Mends express-pouchdb 4.2's global lock around opening, creating and deleting databases
 * (lib/create-or-delete-dbs.js). It chains every operation onto one promise and keeps the
 * result as the chain, so one failed operation (a refused or failed delete, say) leaves the
 * chain rejected for ever: every later request to any database then fails, as an unhandled
 * rejection that never answers. Here a failure is returned to its own caller only.
 *
 * The module is replaced in Node's CommonJS cache before express-pouchdb loads it, so this
 * file must be imported before `express-pouchdb` (server.ts does).
 */
import { createRequire } from 'node:module';

interface PouchLike {
	__dbCacheMap?: Map<string, PouchDBInstance>;
	new (name: string): PouchDBInstance;
	destroy(name: string, options?: unknown): Promise<unknown>;
}
interface PouchDBInstance {
	destroy(options?: unknown): Promise<unknown>;
}

const require = createRequire(import.meta.url);
const lockModule = require('express-pouchdb/lib/create-or-delete-dbs') as {
	getOrCreateDB: (PouchDB: PouchLike, name: string) => Promise<PouchDBInstance>;
	deleteDB: (PouchDB: PouchLike, name: string, options?: unknown) => Promise<unknown>;
};

let chain: Promise<unknown> = Promise.resolve();

function doSequentially<T>(operation: () => T | Promise<T>): Promise<T> {
	const result = chain.then(operation);
	chain = result.then(
		() => undefined,
		() => undefined
	);
	return result;
}

lockModule.getOrCreateDB = (PouchDB, name) =>
	doSequentially(() => {
		const cache = (PouchDB.__dbCacheMap ??= new Map());
		const cached = cache.get(name);
		if (cached) return cached;
		const db = new PouchDB(name);
		cache.set(name, db);
		return db;
	});

lockModule.deleteDB = (PouchDB, name, options) =>
	doSequentially(() => {
		const cached = PouchDB.__dbCacheMap?.get(name);
		if (!cached) return PouchDB.destroy(name, options);
		PouchDB.__dbCacheMap!.delete(name);
		return cached.destroy(options);
	});
