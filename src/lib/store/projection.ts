/**
 * Turns the fold's state and the directory into the rows of the read model. Pure, so the
 * rows a page shows are exactly what the domain computed: a page never computes a balance.
 */
import type { LibraryDoc, PersonDoc } from '$lib/domain/directory';
import { agendaParties } from '$lib/domain/agenda-parties';
import { openOfferGroups, type OfferGroup } from '$lib/domain/offer-groups';
import { availableForNew, balanceOf, committedOf, runningBalances } from '$lib/domain/ledger';
import type { BankState, Exchange, LedgerEntry } from '$lib/domain/state';
import type { EntryRow, ExchangeRow, LibraryRow, MetaRow, PersonRow } from './read-model';

export interface Directory {
	libraries: Map<string, LibraryDoc>;
	people: Map<string, PersonDoc>;
}

export interface Projection {
	libraries: LibraryRow[];
	people: PersonRow[];
	offers: BankState['offers'] extends Map<string, infer T> ? T[] : never;
	requests: BankState['requests'] extends Map<string, infer T> ? T[] : never;
	exchanges: BankState['exchanges'] extends Map<string, infer T> ? T[] : never;
	entries: EntryRow[];
	rejected: BankState['rejected'] extends Map<string, infer T> ? T[] : never;
	offerGroups: OfferGroup[];
	meta: MetaRow;
}

function withoutRevision<T extends { _rev?: string; _conflicts?: string[] }>(doc: T): Omit<T, '_rev' | '_conflicts'> {
	const { _rev, _conflicts, ...rest } = doc;
	void _rev;
	void _conflicts;
	return rest;
}

export function project(state: BankState, directory: Directory, now: number): Projection {
	return {
		libraries: [...directory.libraries.values()].map((doc) => ({
			...withoutRevision(doc),
			balance: balanceOf(state, doc.slug),
			committed: committedOf(state, doc.slug),
			available: availableForNew(state, doc.slug)
		})),
		people: [...directory.people.values()].map(withoutRevision),
		offers: [...state.offers.values()],
		requests: [...state.requests.values()],
		exchanges: [...state.exchanges.values()],
		entries: statementRows(state.entries.values()),
		rejected: [...state.rejected.values()],
		offerGroups: openOfferGroups(state.offers.values()),
		meta: { key: 'projection', lastId: state.lastId, transactions: state.count, policy: state.policy, projectedAt: now }
	};
}

/**
 * An exchange as the read model stores it: with the libraries whose agenda it may stand on, for
 * the `agendaOf` index. Derived from the exchange alone, so the writer compares exchanges
 * without it and adds it only to the rows it writes (read-model-writer.ts): copying every
 * exchange on every projection cost 57 ms a batch at 100k transactions.
 */
export function exchangeRow(exchange: Exchange): ExchangeRow {
	return { ...exchange, agendaOf: agendaParties(exchange) };
}

/** Every library's statement lines, with the running balance each shows. */
function statementRows(entries: Iterable<LedgerEntry>): EntryRow[] {
	const byLibrary = new Map<string, LedgerEntry[]>();
	for (const entry of entries) {
		const list = byLibrary.get(entry.library);
		if (list) list.push(entry);
		else byLibrary.set(entry.library, [entry]);
	}
	return [...byLibrary.values()].flatMap((list) => runningBalances(list).map((line) => ({ ...line, key: `${line.tx}/${line.library}` })));
}
