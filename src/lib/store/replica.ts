/**
 * The local replica: PouchDB on IndexedDB, the truth on this device. Loaded only in the browser
 * (and lazily, so the login page does not pay for it).
 */
export type Replica = PouchDB.Database<Record<string, unknown>>;

export function replicaName(user: string): string {
	return `byttebank-${user}`;
}

export async function openReplica(user: string): Promise<Replica> {
	const { default: PouchDB } = await import('pouchdb-browser');
	return new PouchDB(replicaName(user), { auto_compaction: true }) as Replica;
}
