/**
 * What one document from the replica's changes feed means to the projector: a transaction for
 * the fold, a directory entry, or something shown nowhere. Keeps the directory and the counts
 * of what could not be read (projector.ts explains the rules for leaves and forged branches).
 */
import { chooseTransactionRevision, parseRev } from '$lib/domain/conflicts';
import { LIBRARY_PREFIX, PERSON_PREFIX, type LibraryDoc, type PersonDoc } from '$lib/domain/directory';
import { isTransactionDocId, txIdOf, type Transaction } from '$lib/domain/transactions';
import { validateDocument, validateTransaction } from '$lib/domain/validation';
import { leavesOf, resolveDirectoryConflict } from './directory-conflicts';
import type { Directory } from './projection';
import type { SnapshotBody } from './projection-snapshot';
import type { Replica } from './replica';

export type Doc = { _id: string; _rev?: string; _deleted?: boolean; _conflicts?: string[] } & Record<string, unknown>;

function generationOf(rev: string | undefined): number {
	return rev ? parseRev(rev).generation : 1;
}

export class DocumentFiler {
	directory: Directory = { libraries: new Map(), people: new Map() };
	invalid = new Set<string>();
	tampered = new Set<string>();
	/** Losing directory revisions this replica ended. */
	resolved = 0;

	constructor(
		private readonly replica: Replica,
		/** Whether the fold holds this transaction id already. */
		private readonly taken: (txId: string) => boolean,
		private readonly onTransaction?: (id: string) => void
	) {}

	/** Takes what a saved fold knew, as if its documents had just been filed. */
	restore(body: Pick<SnapshotBody, 'directory' | 'invalid' | 'tampered' | 'resolved'>): void {
		this.directory = body.directory;
		this.invalid = body.invalid;
		this.tampered = body.tampered;
		this.resolved = body.resolved;
	}

	/** Files one document. Returns a transaction new to the fold, or null. */
	async take(doc: Doc, leaves: number): Promise<Transaction | null> {
		const id = doc._id;
		if (id.startsWith('_design/')) return null;
		if (id.startsWith(LIBRARY_PREFIX) || id.startsWith(PERSON_PREFIX)) {
			await this.#takeDirectory(doc, leaves);
			return null;
		}
		if (isTransactionDocId(id)) return this.#takeTransaction(doc, leaves);
		// The server stores nothing else; a replica that holds something else shows it nowhere.
		if (doc._deleted) this.invalid.delete(id);
		else this.invalid.add(id);
		return null;
	}

	async #takeTransaction(doc: Doc, leaves: number): Promise<Transaction | null> {
		const id = doc._id;
		if (leaves > 1 || generationOf(doc._rev) > 1) this.tampered.add(id);
		// Content that matches the id cannot differ, so a transaction once taken is done with.
		if (this.taken(txIdOf({ _id: id }))) return null;
		let chosen: Doc | undefined = doc._deleted ? undefined : doc;
		if (leaves > 1 || doc._conflicts?.length) {
			chosen = chooseTransactionRevision(await leavesOf(this.replica, id), (leaf) => validateTransaction(leaf).ok);
		}
		const result = chosen ? validateDocument(chosen) : undefined;
		if (!result?.ok || result.value.type !== 'tx') {
			if (chosen) this.invalid.add(id);
			return null;
		}
		this.invalid.delete(id);
		this.onTransaction?.(txIdOf(result.value));
		return result.value;
	}

	async #takeDirectory(doc: Doc, leaves: number): Promise<void> {
		const id = doc._id;
		let current: Doc | null = doc._deleted ? null : doc;
		// Several leaves: a live conflict, or an erasure that CouchDB ranks below a live edit
		// (it never lists deleted leaves in _conflicts), or branches already resolved.
		if (leaves > 1 || doc._conflicts?.length) {
			const outcome = await resolveDirectoryConflict(this.replica, id);
			this.resolved += outcome.removed.length;
			current = outcome.winner;
		}
		const isLibrary = id.startsWith(LIBRARY_PREFIX);
		const table = isLibrary ? this.directory.libraries : this.directory.people;
		if (!current) {
			table.delete(id);
			this.invalid.delete(id);
			return;
		}
		const result = validateDocument(current);
		if (!result.ok || result.value.type !== (isLibrary ? 'library' : 'person')) {
			// Shown nowhere, as on a replica that never had the earlier, valid revision.
			table.delete(id);
			this.invalid.add(id);
			return;
		}
		this.invalid.delete(id);
		if (isLibrary) this.directory.libraries.set(id, result.value as LibraryDoc);
		else this.directory.people.set(id, result.value as PersonDoc);
	}
}
