/** The embedded server's `_users` documents, read and written as the server itself. */
import type { UsersStore } from './member-approval';

type UserDoc = Record<string, unknown> & { _id: string; _rev?: string };

export function usersStore(db: PouchDB.Database): UsersStore {
	return {
		get: (id) => (db.get(id) as Promise<UserDoc>).catch(() => null),
		all: async () => {
			const result = await db.allDocs({ include_docs: true, startkey: 'org.couchdb.user:', endkey: 'org.couchdb.user:\ufff0' });
			return result.rows.map((row) => row.doc as unknown as UserDoc);
		},
		put: async (doc) => ({ rev: (await db.put(doc)).rev })
	};
}
