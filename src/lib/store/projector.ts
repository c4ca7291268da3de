/**
 * Replica → fold → read model. Keeps the fold in memory and adds what the changes feed brings,
 * old or new: the fold does not depend on arrival order (domain/fold.ts), so a transaction
 * from a tablet that was offline for a week is simply added, never a reason to refold.
 *
 * Documents are read with their conflicts and every leaf revision (`conflicts: true`,
 * `style: 'all_docs'`), so that each replica shows what it would show if it had read the same
 * documents from scratch, whatever order they came in:
 * - a directory document with more than one leaf is resolved by the rule in
 *   domain/conflicts.ts (highest `updated` wins, an erasure wins over any edit): the losing
 *   revisions are ended in the replica and the winner is shown at once;
 * - a transaction's id commits to its content (domain/content-hash.ts), so of its leaves only
 *   those whose content matches can be read, and they all say the same. A document with more
 *   than one leaf or a revision above generation 1 was forged (transactions are write-once)
 *   and counts as `tampered`; a transaction once taken stays taken, since nothing but a server
 *   admin can delete one and only the county's reversal may undo what it did.
 *
 * A start does not re-read the replica when a saved fold of it exists (projection-snapshot.ts):
 * it loads the fold and reads only the changes since the fold's sequence. Pages may show the
 * read model as soon as it is known to be this replica's (`shown`), before that catch-up ends;
 * acts are checked against the state only once it has (`caughtUp`). The fold is saved again a
 * moment after changes stop arriving, never on the way of a write.
 */
import { addAll, fold } from '$lib/domain/fold';
import { createState, type BankState } from '$lib/domain/state';
import type { Transaction } from '$lib/domain/transactions';
import { DocumentFiler, type Doc } from './document-filer';
import { project } from './projection';
import { FORMAT, isOf, replicaIdentity, SnapshotStore, type SnapshotBody } from './projection-snapshot';
import type { ReadModel } from './read-model';
import { ReadModelWriter, type WriteStats } from './read-model-writer';
import type { Replica } from './replica';

type Seq = number | string;
/** One document from the changes feed, with how many leaf revisions it has. */
interface Seen {
	doc: Doc;
	leaves: number;
	seq: Seq;
}

export interface ProjectorStats {
	transactions: number;
	invalid: number;
	lastId: string;
	/** Transaction documents with a forged branch or rewrite (see the module comment). */
	tampered: number;
	/** Losing directory revisions this replica ended. */
	resolved: number;
}

const FEED = { include_docs: true, conflicts: true, style: 'all_docs' } as const;
/** How long changes must have stopped before the fold is saved. */
const SAVE_AFTER_MS = 2000;
const MAX_SAVE_WAIT_MS = 120_000;
/** Changes arriving this long after the last flush are not part of a burst. */
const QUIET_MS = 1000;

export interface ProjectorOptions {
	onTransaction?: (id: string) => void;
	/** Quiet time before saving the fold; tests and benchmarks call `persist()` instead. */
	saveAfterMs?: number;
}

/** How the last start came by its state (tests, benchmarks). */
export type StartKind = 'refold' | 'snapshot';

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (error: unknown) => void } {
	let resolve!: () => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<void>((yes, no) => {
		resolve = yes;
		reject = no;
	});
	// Whoever waits sees the failure; an unobserved one must not surface as unhandled.
	promise.catch(() => undefined);
	return { promise, resolve, reject };
}

export class Projector {
	#state: BankState = createState();
	#filer: DocumentFiler;
	#pending: Seen[] = [];
	#flushing: Promise<void> = Promise.resolve();
	#feed: PouchDB.Core.Changes<Record<string, unknown>> | undefined;
	#seq: Seq = 0;
	#stopped = false;
	#onTransaction?: (id: string) => void;
	#writer: ReadModelWriter;
	#lastFlushMs = 0;
	#lastFlushEnd = -Infinity;
	#lastWrite: WriteStats | undefined;
	#snapshots: SnapshotStore;
	#replicaId = '';
	#savedSeq: Seq | undefined;
	#saveAfterMs: number;
	#saveTimer: ReturnType<typeof setTimeout> | undefined;
	#lastSaveMs = 0;
	#shown = deferred();
	#caughtUp = deferred();
	#startKind: StartKind = 'refold';
	#started = false;
	/** Set once start() has caught up: from then on the fold is whole between flushes. */
	#live = false;
	/** While the first copy stores the county, the fold follows it but the rows wait (holdRows). */
	#held = false;
	/** The sequence the rows owe a write up to, after flushes made while held. */
	#owed: Seq | undefined;

	constructor(
		private readonly replica: Replica,
		private readonly readModel: ReadModel,
		options: ProjectorOptions = {}
	) {
		this.#onTransaction = options.onTransaction;
		this.#filer = new DocumentFiler(replica, (txId) => this.#state.index.seen.has(txId), options.onTransaction);
		this.#saveAfterMs = options.saveAfterMs ?? SAVE_AFTER_MS;
		this.#writer = new ReadModelWriter(readModel);
		this.#snapshots = new SnapshotStore(readModel);
	}

	/** Resolves when the read model holds this replica's projection and pages may show it. */
	get shown(): Promise<void> {
		return this.#shown.promise;
	}

	/** Resolves when the state holds everything in the replica at start: acts may be checked. */
	get caughtUp(): Promise<void> {
		return this.#caughtUp.promise;
	}

	get startKind(): StartKind {
		return this.#startKind;
	}

	/** How many rows the last write into the read model put and deleted (tests, benchmarks). */
	get lastWrite(): WriteStats | undefined {
		return this.#lastWrite;
	}

	get state(): BankState {
		return this.#state;
	}

	get stats(): ProjectorStats {
		return {
			transactions: this.#state.count,
			invalid: this.#filer.invalid.size,
			lastId: this.#state.lastId,
			tampered: this.#filer.tampered.size,
			resolved: this.#filer.resolved
		};
	}

	/**
	 * Brings the state and the read model up to the replica, from the saved fold when there is a
	 * valid one and from scratch otherwise, then follows new changes. Resolves when caught up.
	 */
	async start(): Promise<void> {
		this.#started = true;
		try {
			await this.#start();
			this.#shown.resolve();
			this.#caughtUp.resolve();
		} catch (error) {
			this.#shown.reject(error);
			this.#caughtUp.reject(error);
			throw error;
		}
	}

	async #start(): Promise<void> {
		const [info, replicaId, marks] = await Promise.all([this.replica.info(), replicaIdentity(this.replica), this.#snapshots.marks()]);
		this.#replicaId = replicaId;
		const rowsKnown = isOf(marks.written, replicaId, info.update_seq);
		// The rows are a whole projection of this replica, in this format: fit to show now.
		if (rowsKnown) this.#shown.resolve();
		const body = isOf(marks.head, replicaId, info.update_seq) ? await this.#snapshots.body().catch(() => undefined) : undefined;
		let since: Seq = 0;
		if (body && marks.head) {
			this.#restore(body);
			since = marks.head.seq;
			this.#savedSeq = since;
			this.#startKind = 'snapshot';
		}
		// One read of the changes feed gives every document (changed since) once, its leaves,
		// and the exact sequence to follow from: nothing written meanwhile is missed or read twice.
		const initial = await this.replica.changes({ since, ...FEED });
		const sameRows = rowsKnown && body !== undefined && marks.written!.seq === since;
		if (sameRows && initial.results.length) this.#assumeWritten();
		// Rows of this replica, but of a later (or earlier) fold than the saved one: diff against what they hold.
		else if (rowsKnown && !sameRows) await this.#writer.assumeStored();
		const transactions: Transaction[] = [];
		for (const change of initial.results) {
			const tx = change.doc ? await this.#filer.take(change.doc as Doc, change.changes.length) : null;
			if (tx) transactions.push(tx);
		}
		this.#seq = initial.last_seq;
		if (body) addAll(this.#state, transactions);
		else this.#state = fold(transactions);
		// Rows that already show this very fold need no write; a later one learns them then.
		if (!sameRows || initial.results.length) await this.#write(initial.last_seq);
		this.#feed = this.replica.changes({ live: true, since: initial.last_seq, ...FEED }).on('change', (change) => {
			if (change.doc) this.#enqueue({ doc: change.doc as Doc, leaves: change.changes.length, seq: change.seq });
		});
		this.#live = true;
		this.#scheduleSave();
	}

	/** Takes a saved fold as the state, as if its transactions had just been read. */
	#restore(body: SnapshotBody): void {
		this.#state = body.state;
		this.#filer.restore(body);
		// The device's clock must stay ahead of every id it has seen, as after reading them all.
		if (this.#onTransaction) for (const id of this.#state.index.seen) this.#onTransaction(id);
	}

	/** The rows hold the projection of the current state (after a warm start): diff against it. */
	#assumeWritten(): void {
		if (!this.#writer.knows) this.#writer.assume(project(this.#state, this.#filer.directory, 0));
	}

	/**
	 * Keeps the read model as it is while the first copy stores the county page by page: the
	 * fold still takes every page, but the rows are written once, on `releaseRows()`. Each write
	 * during the copy re-projected the whole fold and shared IndexedDB and the main thread with
	 * PouchDB storing the next page (1.4–9.7 s a write at 20k), and showed balances of a county
	 * half copied.
	 */
	holdRows(): void {
		this.#held = true;
	}

	releaseRows(): void {
		if (!this.#held) return;
		this.#held = false;
		if (this.#owed === undefined) return;
		// Queued behind flushes already waiting: one of them may write the rows first, and
		// further (then nothing is owed any more). Writing the owed mark after it put an older
		// sequence on newer rows, which every later start took for rows of another fold.
		this.#flushing = this.#flushing
			.then(() => {
				const owed = this.#owed;
				this.#owed = undefined;
				return owed === undefined ? undefined : this.#write(owed);
			})
			.catch((error: unknown) => {
				if (!this.#stopped) console.error('Projector: could not project changes', error);
			});
	}

	/** Saves the fold now, unless it is saved already (tests, benchmarks; the app waits for a quiet moment). */
	async persist(): Promise<void> {
		clearTimeout(this.#saveTimer);
		this.#saveTimer = undefined;
		const saving = this.#flushing.then(() => this.#save());
		this.#flushing = saving.catch(() => undefined);
		await saving;
	}

	#scheduleSave(): void {
		clearTimeout(this.#saveTimer);
		// Saving copies the whole fold on the main thread (a large county's takes a while): the
		// costlier it was, the longer the quiet it waits for, so a trickle of changes stays smooth.
		const wait = Math.max(this.#saveAfterMs, Math.min(MAX_SAVE_WAIT_MS, 30 * this.#lastSaveMs));
		this.#saveTimer = setTimeout(() => {
			this.#saveTimer = undefined;
			// Queued behind any flush, so the saved fold is never one half-applied.
			this.#flushing = this.#flushing
				.then(() => this.#save())
				.catch((error: unknown) => {
					if (!this.#stopped) console.error('Projector: could not save the fold', error);
				});
		}, wait);
	}

	async #save(): Promise<void> {
		const seq = this.#seq;
		// Never a fold still being loaded or built by start().
		if (!this.#live || this.#stopped || this.#savedSeq === seq || typeof seq !== 'number') return;
		const began = performance.now();
		await this.#snapshots.save(
			{ format: FORMAT, replica: this.#replicaId, seq },
			{ state: this.#state, directory: this.#filer.directory, invalid: this.#filer.invalid, tampered: this.#filer.tampered, resolved: this.#filer.resolved }
		);
		this.#savedSeq = seq;
		this.#lastSaveMs = performance.now() - began;
	}

	stop(): void {
		this.#stopped = true;
		clearTimeout(this.#saveTimer);
		this.#feed?.cancel();
	}

	/**
	 * Resolves when every change written to the replica before the call is in the read model
	 * (tests, benchmarks). Writes the projector itself makes while resolving conflicts may
	 * still be on their way back through the feed; what they mean is already shown.
	 */
	async settled(): Promise<void> {
		if (this.#started) await this.#caughtUp.promise.catch(() => undefined);
		const target = (await this.replica.info()).update_seq;
		for (;;) {
			await this.#flushing;
			const behind = typeof this.#seq === 'number' && typeof target === 'number' && this.#seq < target;
			if (!behind || this.#stopped || !this.#feed) return;
			await new Promise((done) => setTimeout(done, 10));
		}
	}

	#enqueue(seen: Seen): void {
		this.#pending.push(seen);
		if (this.#pending.length === 1) {
			// Coalesce a burst of changes (a replication batch) into one projection write. The
			// wait follows the last flush's cost, so a long first sync makes few, large batches;
			// a change after a quiet spell (a colleague's offer) waits only for its own batch.
			const quiet = performance.now() - this.#lastFlushEnd > QUIET_MS;
			const wait = quiet ? 0 : Math.min(1000, Math.max(30, this.#lastFlushMs));
			this.#flushing = this.#flushing
				.then(() => new Promise((done) => setTimeout(done, wait)))
				.then(() => this.#flush())
				.catch((error: unknown) => {
					// Keep following changes; after stop() the replica may be closed under us.
					if (!this.#stopped) console.error('Projector: could not project changes', error);
				});
		}
	}

	async #flush(): Promise<void> {
		const batch = this.#pending.splice(0);
		if (this.#stopped || !batch.length) return;
		const began = performance.now();
		this.#assumeWritten();
		const fresh: Transaction[] = [];
		for (const { doc, leaves } of batch) {
			const tx = await this.#filer.take(doc, leaves);
			if (tx) fresh.push(tx);
		}
		if (fresh.length) addAll(this.#state, fresh);
		const seq = batch[batch.length - 1]!.seq;
		if (this.#held) this.#owed = seq;
		else {
			this.#owed = undefined;
			await this.#write(seq);
		}
		this.#lastFlushEnd = performance.now();
		this.#lastFlushMs = this.#lastFlushEnd - began;
		this.#seq = seq;
		this.#scheduleSave();
	}

	/** Writes the rows, marked as the fold of the replica up to `seq`. */
	async #write(seq: Seq): Promise<void> {
		const mark = typeof seq === 'number' ? { format: FORMAT, replica: this.#replicaId, seq } : undefined;
		this.#lastWrite = await this.#writer.write(project(this.#state, this.#filer.directory, Date.now()), mark);
	}
}
