/**
 * The worker's copy of the county: the fold of its transactions (the same code as the app's)
 * and the directory. Documents come from the changes feed one at a time; one that does not
 * parse is skipped with a log line and never stops the worker.
 */
import * as v from 'valibot';
import { LIBRARY_PREFIX, librarySchema, PERSON_PREFIX, personSchema } from '../../src/lib/domain/directory';
import { addAll } from '../../src/lib/domain/fold';
import type { Directory } from '../../src/lib/domain/notifications/notice';
import { createState, type BankState } from '../../src/lib/domain/state';
import { contentMatchesId, isTransactionDocId, transactionSchema, type Transaction } from '../../src/lib/domain/transactions';

export interface ChangedDoc {
	_id: string;
	_deleted?: boolean;
	[field: string]: unknown;
}

export class CountyMirror {
	readonly state: BankState = createState();
	readonly directory: Directory = { libraries: new Map(), people: [] };
	readonly #people = new Map<string, v.InferOutput<typeof personSchema>>();
	skipped = 0;

	constructor(private readonly log: (line: string) => void = console.warn) {}

	/** Adds a page of changed documents: transactions are folded as one batch. */
	apply(docs: ChangedDoc[]): void {
		const transactions: Transaction[] = [];
		for (const doc of docs) {
			try {
				this.#applyOne(doc, transactions);
			} catch (error) {
				this.#skip(doc, error instanceof Error ? error.message : String(error));
			}
		}
		if (transactions.length) addAll(this.state, transactions);
		this.directory.people = [...this.#people.values()];
	}

	#applyOne(doc: ChangedDoc, transactions: Transaction[]): void {
		const id = doc._id;
		if (isTransactionDocId(id)) {
			if (doc._deleted) return this.#skip(doc, 'a deleted transaction');
			const parsed = v.safeParse(transactionSchema, doc);
			if (!parsed.success) return this.#skip(doc, issuesOf(parsed.issues));
			if (!contentMatchesId(doc)) return this.#skip(doc, 'its content does not match its id');
			transactions.push(parsed.output);
		} else if (id.startsWith(LIBRARY_PREFIX)) {
			if (doc._deleted) return void this.directory.libraries.delete(id.slice(LIBRARY_PREFIX.length));
			const parsed = v.safeParse(librarySchema, doc);
			if (!parsed.success) return this.#skip(doc, issuesOf(parsed.issues));
			this.directory.libraries.set(parsed.output.slug, parsed.output);
		} else if (id.startsWith(PERSON_PREFIX)) {
			// Erasing a person is deleting their document: from then on they are told nothing.
			if (doc._deleted) return void this.#people.delete(id);
			const parsed = v.safeParse(personSchema, doc);
			if (!parsed.success) return this.#skip(doc, issuesOf(parsed.issues));
			this.#people.set(id, parsed.output);
		}
		// Anything else (design documents, settings) says nothing the notices need.
	}

	#skip(doc: ChangedDoc, why: string): void {
		this.skipped += 1;
		this.log(`notifier: skipped ${doc._id}: ${why}`);
	}
}

function issuesOf(issues: v.BaseIssue<unknown>[]): string {
	return issues
		.slice(0, 3)
		.map((i) => `${i.path?.map((p) => String(p.key)).join('.') || '(document)'}: ${i.message}`)
		.join('; ');
}
