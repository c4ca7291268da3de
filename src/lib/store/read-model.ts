/**
 * The read model: the fold projected into indexed tables. Pages read only from here, through
 * live queries, so every screen updates itself when sync brings news. One database per user,
 * so a shared tablet never mixes two libraries' views.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { StatementLine } from '$lib/domain/ledger';
import type { Exchange, Offer, Request } from '$lib/domain/state';
import type { Rejection } from '$lib/domain/rejection';
import type { LibraryDoc, PersonDoc } from '$lib/domain/directory';
import type { OfferGroup } from '$lib/domain/offer-groups';
import type { Policy } from '$lib/domain/policy';
import type { SnapshotRow } from './projection-snapshot';

export interface LibraryRow extends Omit<LibraryDoc, '_rev' | '_conflicts'> {
	balance: number;
	committed: number;
	/** What it may still agree to before reaching the credit limit, less its unanswered proposals. */
	available: number;
}

export type PersonRow = Omit<PersonDoc, '_rev' | '_conflicts'>;
export interface EntryRow extends StatementLine {
	key: string;
}
/** An exchange as the fold has it, and whose overview it belongs on (agendaParties). */
export interface ExchangeRow extends Exchange {
	agendaOf: string[];
}
export interface MetaRow {
	key: 'projection';
	lastId: string;
	transactions: number;
	policy: Policy;
	projectedAt: number;
}

export class ReadModel extends Dexie {
	libraries!: EntityTable<LibraryRow, '_id'>;
	people!: EntityTable<PersonRow, '_id'>;
	offers!: EntityTable<Offer, 'id'>;
	requests!: EntityTable<Request, 'id'>;
	exchanges!: EntityTable<ExchangeRow, 'id'>;
	entries!: EntityTable<EntryRow, 'key'>;
	rejected!: EntityTable<Rejection, 'tx'>;
	/** The open offers in groups (offer-groups.ts), which is all the agenda's suggestion counts read. */
	offerGroups!: EntityTable<OfferGroup, 'key'>;
	meta!: EntityTable<MetaRow, 'key'>;
	/** The projector's saved fold and what the rows were written from (projection-snapshot.ts). */
	snapshots!: EntityTable<SnapshotRow, 'key'>;

	constructor(name: string) {
		// No query cache: only the projector writes here, in bulk, so Dexie's optimistic updates
		// have nothing to do, and its cache kept every page's queries alive (a live entry's
		// promise holds the AbortSignal of the query that made it, and that signal the listeners
		// of later queries: 23 → 55 MiB over 20 rounds of every page on a 20k county).
		super(name, { cache: 'disabled' });
		this.version(1).stores({
			libraries: '_id, slug, region, balance',
			people: '_id, library',
			offers: 'id, library, status, *skills',
			requests: 'id, library, status, *skills',
			exchanges: 'id, provider, host, status',
			entries: 'key, library, exchange, tx',
			rejected: 'tx, by, target',
			meta: 'key'
		});
		this.version(2).stores({ snapshots: 'key' });
		// A library's newest statement lines without reading its whole history (the overview).
		this.version(3).stores({ entries: 'key, library, exchange, tx, [library+tx]' });
		// A library's live exchanges without its whole history (the overview's agenda).
		this.version(4).stores({ exchanges: 'id, provider, host, status, *agendaOf' });
		// The agenda's suggestion counts: open offers as 48 groups instead of 6,071 rows, and a
		// library's open requests without its closed ones (100k county).
		this.version(5).stores({ offerGroups: 'key', requests: 'id, library, status, *skills, [library+status]' });
	}
}

export function readModelName(user: string): string {
	return `byttebank-view-${user}`;
}
