/**
 * The projector's fold, saved beside the read model so that a start reads only what changed in
 * the replica since. Re-reading and refolding every document took 1.4 s on a cheap tablet for
 * the demo county and a minute for a few counties' years; loading the saved fold takes one read.
 *
 * Three rows in the read model's `snapshots` table:
 * - `head`: which replica and sequence the saved fold is of, in which format;
 * - `body`: the fold itself (BankState with its index, the directory, the projector's counts),
 *   stored by IndexedDB's structured clone, which keeps Maps, Sets and shared objects as they are;
 * - `written`: which replica and sequence the read model's rows show, written in the same
 *   transaction as the rows, so a page may show them at once and the writer knows what is there.
 *
 * A saved fold is used only when it is certainly what folding the replica up to its sequence
 * would give: same format (STATE_FORMAT and SNAPSHOT_FORMAT), same replica (an id kept in a
 * `_local` document, which a destroyed and recreated replica no longer has), a sequence the
 * replica has reached, and the expected shape. Anything else is discarded and the replica is
 * folded from scratch, as on a first start.
 */
import { STATE_FORMAT, type BankState } from '$lib/domain/state';
import type { Directory } from './projection';
import type { ReadModel } from './read-model';
import type { Replica } from './replica';

/** Raise when what the projector saves besides BankState, or what the rows hold (projection.ts), changes. 2: exchange rows carry `agendaOf`; 3: the `offerGroups` table. */
export const SNAPSHOT_FORMAT = 3;
export const FORMAT = `${STATE_FORMAT}.${SNAPSHOT_FORMAT}`;
const IDENTITY_DOC = '_local/byttebank-projection';

/** Which fold something was made from. */
export interface SnapshotMark {
	key: 'head' | 'written';
	format: string;
	replica: string;
	seq: number;
}

export interface SnapshotBody {
	key: 'body';
	state: BankState;
	directory: Directory;
	invalid: Set<string>;
	tampered: Set<string>;
	resolved: number;
}

export type SnapshotRow = SnapshotMark | SnapshotBody;

function randomId(): string {
	return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * This replica's identity. `_local` documents never replicate and do not move the sequence, so
 * the id is this replica's own and lives exactly as long as it does.
 */
export async function replicaIdentity(replica: Replica): Promise<string> {
	for (;;) {
		try {
			const doc = (await replica.get(IDENTITY_DOC)) as { id?: unknown };
			if (typeof doc.id === 'string') return doc.id;
		} catch (error) {
			if ((error as { status?: number }).status !== 404) throw error;
		}
		try {
			const id = randomId();
			await replica.put({ _id: IDENTITY_DOC, id });
			return id;
		} catch (error) {
			// Another start wrote it first: read theirs.
			if ((error as { status?: number }).status !== 409) throw error;
		}
	}
}

/** True when `mark` was made from this replica, in this format, at a sequence it has reached. */
export function isOf(mark: SnapshotMark | undefined, replica: string, updateSeq: number | string): mark is SnapshotMark {
	return (
		mark !== undefined &&
		mark.format === FORMAT &&
		mark.replica === replica &&
		typeof mark.seq === 'number' &&
		typeof updateSeq === 'number' &&
		mark.seq <= updateSeq
	);
}

const isMap = (value: unknown): value is Map<unknown, unknown> => value instanceof Map;
const isSet = (value: unknown): value is Set<unknown> => value instanceof Set;

/** A cheap check that a stored body has the shape a fold has (a damaged row is refolded). */
export function isBody(value: unknown): value is SnapshotBody {
	const body = value as Partial<SnapshotBody> | undefined;
	const state = body?.state as Partial<BankState> | undefined;
	const index = state?.index;
	if (!body || !state || !index || typeof state.policy !== 'object' || state.policy === null) return false;
	const maps = [state.offers, state.requests, state.exchanges, state.balances, state.committed, state.reserved, state.entries, state.rejected];
	const indexMaps = [index.facts, index.contributions, index.waiting, index.bySource, index.openByHost, index.termsBy, index.pausedBy, index.withdrawn];
	return (
		[...maps, ...indexMaps, body.directory?.libraries, body.directory?.people].every(isMap) &&
		isSet(index.seen) &&
		isSet(body.invalid) &&
		isSet(body.tampered) &&
		typeof state.lastId === 'string' &&
		typeof state.count === 'number' &&
		state.count === index.seen.size &&
		typeof body.resolved === 'number'
	);
}

/**
 * True when the read model's rows are a whole projection written by this format: fit to show
 * before the replica is open. Only the projector's start can tell whether they are of this very
 * replica; if not, it refolds and rewrites them.
 */
export async function rowsInFormat(db: ReadModel): Promise<boolean> {
	const written = (await db.snapshots.get('written').catch(() => undefined)) as SnapshotMark | undefined;
	return written?.format === FORMAT;
}

export class SnapshotStore {
	constructor(private readonly db: ReadModel) {}

	async marks(): Promise<{ head?: SnapshotMark; written?: SnapshotMark }> {
		const [head, written] = await this.db.snapshots.bulkGet(['head', 'written']);
		return { head: head as SnapshotMark | undefined, written: written as SnapshotMark | undefined };
	}

	async body(): Promise<SnapshotBody | undefined> {
		const body = await this.db.snapshots.get('body');
		return isBody(body) ? body : undefined;
	}

	/**
	 * Saves a fold. IndexedDB copies it when `put` is called; the caller must not change it
	 * until the promise resolves (Dexie may issue the put after a tick).
	 */
	async save(head: Omit<SnapshotMark, 'key'>, body: Omit<SnapshotBody, 'key'>): Promise<void> {
		const rows: SnapshotRow[] = [
			{ key: 'head', ...head },
			{ key: 'body', ...body, state: { ...body.state, index: { ...body.state.index, batch: null } } }
		];
		await this.db.snapshots.bulkPut(rows);
	}

	async clear(): Promise<void> {
		await this.db.snapshots.clear();
	}
}

