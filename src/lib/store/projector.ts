/**
 * Replica → fold → read model. Keeps the fold in memory: a transaction newer than all seen is
 * applied incrementally; one that arrives late with an older id (from a device that was
 * offline) triggers a full refold, which gives exactly the state of folding everything.
 */
import { validateDocument } from '$lib/domain/validation';
import { applyNewer, fold } from '$lib/domain/fold';
import type { LibraryDoc, PersonDoc } from '$lib/domain/directory';
import { createState, type BankState } from '$lib/domain/state';
import { txIdOf, type Transaction } from '$lib/domain/transactions';
import { project, type Directory } from './projection';
import type { ReadModel } from './read-model';
import type { Replica } from './replica';

type Doc = { _id: string; _deleted?: boolean } & Record<string, unknown>;

export interface ProjectorStats {
	transactions: number;
	invalid: number;
	refolds: number;
	lastId: string;
}

export class Projector {
	#transactions = new Map<string, Transaction>();
	#directory: Directory = { libraries: new Map(), people: new Map() };
	#state: BankState = createState();
	#invalid = new Set<string>();
	#refolds = 0;
	#pending: Doc[] = [];
	#flushing: Promise<void> = Promise.resolve();
	#feed: PouchDB.Core.Changes<Record<string, unknown>> | undefined;
	#onTransaction?: (id: string) => void;

	constructor(
		private readonly replica: Replica,
		private readonly readModel: ReadModel,
		options: { onTransaction?: (id: string) => void } = {}
	) {
		this.#onTransaction = options.onTransaction;
	}

	get state(): BankState {
		return this.#state;
	}

	get stats(): ProjectorStats {
		return { transactions: this.#transactions.size, invalid: this.#invalid.size, refolds: this.#refolds, lastId: this.#state.lastId };
	}

	/** Folds everything in the replica, writes the read model, then follows new changes. */
	async start(): Promise<void> {
		const info = await this.replica.info();
		const all = await this.replica.allDocs({ include_docs: true });
		for (const row of all.rows) if (row.doc) this.#take(row.doc as Doc);
		this.#state = fold(this.#transactions.values());
		await this.#write();
		this.#feed = this.replica
			.changes({ live: true, since: info.update_seq, include_docs: true })
			.on('change', (change) => {
				if (change.doc) this.#enqueue(change.doc as Doc);
			});
	}

	stop(): void {
		this.#feed?.cancel();
	}

	/** Resolves when every change seen so far is in the read model (tests, benchmarks). */
	settled(): Promise<void> {
		return this.#flushing;
	}

	#enqueue(doc: Doc): void {
		this.#pending.push(doc);
		if (this.#pending.length === 1) {
			// Coalesce a burst of changes (a replication batch) into one projection write.
			this.#flushing = this.#flushing.then(() => new Promise((done) => setTimeout(done, 30))).then(() => this.#flush());
		}
	}

	async #flush(): Promise<void> {
		const batch = this.#pending.splice(0);
		const fresh: Transaction[] = [];
		let refold = false;
		for (const doc of batch) {
			const result = this.#take(doc);
			if (result === 'directory') continue;
			if (result) fresh.push(result);
		}
		fresh.sort((a, b) => (a._id < b._id ? -1 : 1));
		if (fresh.length && txIdOf(fresh[0]!) <= this.#state.lastId) refold = true;
		if (refold) {
			this.#refolds += 1;
			this.#state = fold(this.#transactions.values());
		} else {
			for (const tx of fresh) applyNewer(this.#state, tx);
		}
		await this.#write();
	}

	/** Files one document; returns a new transaction, 'directory', or null for nothing new. */
	#take(doc: Doc): Transaction | 'directory' | null {
		if (doc._id.startsWith('_design/')) return null;
		if (doc._id.startsWith('library:') || doc._id.startsWith('person:')) {
			this.#takeDirectory(doc);
			return 'directory';
		}
		if (!doc._id.startsWith('tx:') || this.#transactions.has(doc._id) || doc._deleted) return null;
		const result = validateDocument(doc);
		if (!result.ok || result.value.type !== 'tx') {
			this.#invalid.add(doc._id);
			return null;
		}
		this.#transactions.set(doc._id, result.value);
		this.#onTransaction?.(txIdOf(result.value));
		return result.value;
	}

	#takeDirectory(doc: Doc): void {
		const isLibrary = doc._id.startsWith('library:');
		const table = isLibrary ? this.#directory.libraries : this.#directory.people;
		if (doc._deleted) {
			table.delete(doc._id);
			return;
		}
		const result = validateDocument(doc);
		if (!result.ok) {
			this.#invalid.add(doc._id);
			return;
		}
		if (isLibrary) this.#directory.libraries.set(doc._id, result.value as LibraryDoc);
		else this.#directory.people.set(doc._id, result.value as PersonDoc);
	}

	async #write(): Promise<void> {
		const rows = project(this.#state, this.#directory, Date.now());
		const db = this.readModel;
		await db.transaction('rw', [db.libraries, db.people, db.offers, db.requests, db.exchanges, db.entries, db.rejected, db.meta], async () => {
			await Promise.all([db.libraries.clear(), db.people.clear(), db.offers.clear(), db.requests.clear(), db.exchanges.clear(), db.entries.clear(), db.rejected.clear()]);
			await Promise.all([
				db.libraries.bulkPut(rows.libraries),
				db.people.bulkPut(rows.people),
				db.offers.bulkPut(rows.offers),
				db.requests.bulkPut(rows.requests),
				db.exchanges.bulkPut(rows.exchanges),
				db.entries.bulkPut(rows.entries),
				db.rejected.bulkPut(rows.rejected),
				db.meta.put(rows.meta)
			]);
		});
	}
}
