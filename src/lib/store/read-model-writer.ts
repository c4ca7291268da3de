/**
 * Writes a projection into the read model, touching only rows that changed since the last
 * write. Clearing and rewriting every table on each batch made the first sync of a large
 * county quadratic: a 20k-document county never finished on a tablet. The first write of a
 * session replaces everything, since rows left from an earlier session may be stale, unless
 * the session knows which projection those rows are (`assume`, after a warm start).
 */
import type { Table } from 'dexie';
import { exchangeRow, type Projection } from './projection';
import type { SnapshotMark } from './projection-snapshot';
import type { ReadModel } from './read-model';

type RowTables = 'libraries' | 'people' | 'offers' | 'requests' | 'exchanges' | 'entries' | 'rejected' | 'offerGroups';
const KEYS: Record<RowTables, string> = {
	libraries: '_id',
	people: '_id',
	offers: 'id',
	requests: 'id',
	exchanges: 'id',
	entries: 'key',
	rejected: 'tx',
	offerGroups: 'key'
};
const TABLES = Object.keys(KEYS) as RowTables[];

/**
 * Fields a stored row has beyond the projection's object, derived from it (projection.ts): added
 * to the rows written, and left out of every comparison, since they change only with the object.
 */
const DERIVED: Partial<Record<RowTables, { field: string; add: (row: never) => unknown }>> = {
	exchanges: { field: 'agendaOf', add: exchangeRow }
};

/** A stored row as the projection has it, without its derived fields. */
function asProjected(table: RowTables, row: Record<string, unknown>): Record<string, unknown> {
	const derived = DERIVED[table];
	if (!derived || !(derived.field in row)) return row;
	const { [derived.field]: _, ...rest } = row;
	return rest;
}

export interface WriteStats {
	put: number;
	deleted: number;
}

export class ReadModelWriter {
	/** What each table holds, as JSON per key, after the last write. */
	#written: Map<RowTables, Map<string, string>> | undefined;

	constructor(private readonly db: ReadModel) {}

	/** True once the writer knows what the tables hold (after a write or `assume`). */
	get knows(): boolean {
		return this.#written !== undefined;
	}

	/** Takes the tables to hold exactly `projection` already, so the next write changes only what differs. */
	assume(projection: Projection): void {
		const written = new Map<RowTables, Map<string, string>>();
		for (const table of TABLES) {
			const rows = new Map<string, string>();
			for (const row of projection[table] as Array<Record<string, unknown>>) rows.set(String(row[KEYS[table]]), JSON.stringify(row));
			written.set(table, rows);
		}
		this.#written = written;
	}

	/**
	 * Takes the tables to hold what they hold now, read back from them. For rows known to be a
	 * projection of this replica but of another fold than the one at hand (shown after the fold
	 * was last saved): reading them costs far less than clearing and writing every row again,
	 * which took 14 s on a 20k county for a start that had one change to show.
	 */
	async assumeStored(): Promise<void> {
		const written = new Map<RowTables, Map<string, string>>();
		await this.db.transaction('r', TABLES.map((t) => this.db[t]), async () => {
			for (const table of TABLES) {
				const rows = new Map<string, string>();
				for (const row of (await this.db[table].toArray()) as Array<Record<string, unknown>>) rows.set(String(row[KEYS[table]]), JSON.stringify(asProjected(table, row)));
				written.set(table, rows);
			}
		});
		this.#written = written;
	}

	/** `mark` says which fold the rows are of; it is written in the same transaction. */
	async write(projection: Projection, mark?: Omit<SnapshotMark, 'key'>): Promise<WriteStats> {
		const first = this.#written === undefined;
		const next = new Map<RowTables, Map<string, string>>();
		const puts = new Map<RowTables, unknown[]>();
		const deletes = new Map<RowTables, string[]>();
		let put = 0;
		let deleted = 0;
		for (const table of TABLES) {
			const before = this.#written?.get(table) ?? new Map<string, string>();
			const after = new Map<string, string>();
			const changed: unknown[] = [];
			const stored = DERIVED[table]?.add ?? ((row: unknown) => row);
			for (const row of projection[table] as Array<Record<string, unknown>>) {
				const key = String(row[KEYS[table]]);
				const json = JSON.stringify(row);
				after.set(key, json);
				if (first || before.get(key) !== json) changed.push(stored(row as never));
			}
			const gone = first ? [] : [...before.keys()].filter((key) => !after.has(key));
			next.set(table, after);
			puts.set(table, changed);
			deletes.set(table, gone);
			put += changed.length;
			deleted += gone.length;
		}
		const db = this.db;
		await db.transaction('rw', [...TABLES.map((t) => db[t]), db.meta, db.snapshots], async () => {
			for (const table of TABLES) {
				const target = db[table] as unknown as Table<unknown, string>;
				if (first) await target.clear();
				if (deletes.get(table)!.length) await target.bulkDelete(deletes.get(table)!);
				if (puts.get(table)!.length) await target.bulkPut(puts.get(table)!);
			}
			await db.meta.put(projection.meta);
			if (mark) await db.snapshots.put({ key: 'written', ...mark });
			// Rows of unknown origin: nothing may take them for a known fold any more.
			else await db.snapshots.delete('written');
		});
		this.#written = next;
		return { put, deleted };
	}
}
