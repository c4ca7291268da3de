/**
 * State is a fold of the set of transactions, and the order they arrive in does not matter:
 * adding a transaction gives exactly the state of folding the whole set again, whether it is
 * the newest one or an old one from a tablet that was offline for a week.
 *
 * Nothing two libraries could race for is decided by the order of ids (a tablet with a wrong
 * clock would win every race). Instead:
 * - contested decisions have one writer: the host accepts one answer to its request, the
 *   provider accepts a proposal for its offer, only the host confirms days worked;
 * - stages rank above ids: a confirmation stands whatever arrives later (only the county's
 *   reversal undoes it), an acceptance stands against a concurrent decline or withdrawal;
 * - agreements that cannot all hold (two for one request, past the host's limit, more days
 *   than an offer has) all stand, marked as a collision for the people involved to resolve
 *   with a visible transaction (exchange-settle.ts, collisions.ts).
 * Refusals are therefore either final (the writer had no right to it) or waiting for a
 * transaction that has not arrived yet; nothing valid is ever turned into a refusal later.
 * The id order only picks between one library's own edits (the newest revision of an offer).
 */
import { settleBatch } from './exchange-settle';
import { refusalOf, Refusal } from './rejection';
import { recordExchangeFact, createExchange } from './rules-exchanges';
import { editOffer, offerPosted } from './rules-offers';
import { policySet } from './rules-policy';
import { editRequest, requestPosted } from './rules-requests';
import { travelPaid } from './rules-travel';
import { createState, type BankState } from './state';
import { txIdOf, type Transaction } from './transactions';

/** What a transaction needs to exist before it can be judged, and its kind of target. */
function dependencyOf(tx: Transaction): { id: string; code: 'offer-unknown' | 'request-unknown' | 'exchange-unknown' } | undefined {
	switch (tx.kind) {
		case 'offer.revised':
		case 'offer.paused':
		case 'offer.resumed':
		case 'offer.withdrawn':
		case 'exchange.proposed':
			return { id: tx.offer, code: 'offer-unknown' };
		case 'request.revised':
		case 'request.withdrawn':
		case 'request.answered':
			return { id: tx.request, code: 'request-unknown' };
		case 'offer.posted':
		case 'request.posted':
		case 'policy.set':
		case 'travel.paid':
			return undefined;
		default:
			return { id: tx.exchange, code: 'exchange-unknown' };
	}
}

function isKnown(state: BankState, id: string, code: string): boolean {
	if (code === 'offer-unknown') return state.offers.has(id);
	if (code === 'request-unknown') return state.requests.has(id);
	return state.exchanges.has(id);
}

function park(state: BankState, id: string, target: string, tx: Transaction, code: 'offer-unknown' | 'request-unknown' | 'exchange-unknown'): void {
	const queue = state.index.waiting.get(target);
	if (queue) queue.push(tx);
	else state.index.waiting.set(target, [tx]);
	const param = code === 'offer-unknown' ? 'offer' : code === 'request-unknown' ? 'request' : 'exchange';
	state.rejected.set(id, { ...refusalOf(id, tx), code, params: { [param]: target } });
}

/** Judges a transaction whose target is known, or which needs none. */
function judge(state: BankState, id: string, tx: Transaction): void {
	state.rejected.delete(id);
	try {
		switch (tx.kind) {
			case 'offer.posted':
				offerPosted(state, id, tx);
				break;
			case 'request.posted':
				requestPosted(state, id, tx);
				break;
			case 'offer.revised':
			case 'offer.paused':
			case 'offer.resumed':
			case 'offer.withdrawn':
				editOffer(state, id, tx);
				return;
			case 'request.revised':
			case 'request.withdrawn':
				editRequest(state, id, tx);
				return;
			case 'exchange.proposed':
			case 'request.answered':
				createExchange(state, id, tx);
				break;
			case 'policy.set':
				policySet(state, id, tx);
				return;
			case 'travel.paid':
				travelPaid(state, id, tx);
				return;
			default:
				recordExchangeFact(state, id, tx);
				return;
		}
	} catch (error) {
		if (!(error instanceof Refusal)) throw error;
		state.rejected.set(id, { ...refusalOf(id, tx), code: error.code, params: error.params });
		return;
	}
	// It created an offer, a request or an exchange: what was waiting for it can be judged now.
	const waiting = state.index.waiting.get(id);
	if (!waiting) return;
	state.index.waiting.delete(id);
	for (const next of waiting) place(state, txIdOf(next), next);
}

function place(state: BankState, id: string, tx: Transaction): void {
	const dependency = dependencyOf(tx);
	if (dependency && !isKnown(state, dependency.id, dependency.code)) park(state, id, dependency.id, tx, dependency.code);
	else judge(state, id, tx);
}

/**
 * Adds one transaction, old or new, to the state (mutating it). Adding one already folded
 * changes nothing, so a replica may see the same document twice.
 */
export function addTransaction(state: BankState, tx: Transaction): void {
	const id = txIdOf(tx);
	if (state.index.seen.has(id)) return;
	state.index.seen.add(id);
	state.count += 1;
	if (id > state.lastId) state.lastId = id;
	place(state, id, tx);
}

export function compareTransactions(a: Transaction, b: Transaction): number {
	return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

/** Folds any collection of transactions, in any order, duplicates allowed, into fresh state. */
export function fold(transactions: Iterable<Transaction>): BankState {
	return addAll(createState(), transactions);
}

/** Adds many transactions at once (a first start, a replication batch): the same as adding each. */
export function addAll(state: BankState, transactions: Iterable<Transaction>): BankState {
	state.index.batch ??= new Set();
	for (const tx of transactions) addTransaction(state, tx);
	settleBatch(state);
	return state;
}
