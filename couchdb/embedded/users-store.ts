/** The embedded server's `_users` documents, read and written as the server itself. */
import { USER_ID_PREFIX } from '../../src/lib/domain/membership';
import type { UsersStore } from './member-approval';

type UserDoc = Record<string, unknown> & { _id: string; _rev?: string };

export function usersStore(db: PouchDB.Database): UsersStore {
	return {
		get: (id) => (db.get(id) as Promise<UserDoc>).catch(() => null),
		all: async () => {
			const result = await db.allDocs({ include_docs: true, startkey: USER_ID_PREFIX, endkey: `${USER_ID_PREFIX}\ufff0` });
			return result.rows.map((row) => row.doc as unknown as UserDoc);
		},
		put: async (doc) => ({ rev: (await db.put(doc)).rev })
	};
}
