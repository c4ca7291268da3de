/**
 * State is a deterministic fold of all transactions in id order. Concurrent intents that
 * cannot both hold are resolved here, the same way on every device: the earlier transaction
 * wins and the later one is kept, marked rejected with a reason.
 *
 * fold(any permutation of a set) equals fold(the sorted set), so replicas holding the same
 * documents show the same state.
 */
import { Refusal } from './rejection';
import * as exchanges from './rules-exchanges';
import * as offers from './rules-offers';
import { policySet } from './rules-policy';
import { exchangeReported } from './rules-reports';
import { travelPaid } from './rules-travel';
import * as requests from './rules-requests';
import { createState, type BankState } from './state';
import { txIdOf, type Transaction, type TransactionKind, type TransactionOf } from './transactions';

type Rule<K extends TransactionKind> = (state: BankState, id: string, tx: TransactionOf<K>) => void;

const rules: { [K in TransactionKind]: Rule<K> } = {
	'offer.posted': offers.offerPosted,
	'offer.revised': offers.offerRevised,
	'offer.paused': offers.offerPaused,
	'offer.resumed': offers.offerResumed,
	'offer.withdrawn': offers.offerWithdrawn,
	'request.posted': requests.requestPosted,
	'request.revised': requests.requestRevised,
	'request.withdrawn': requests.requestWithdrawn,
	'request.accepted': requests.requestAccepted,
	'exchange.proposed': exchanges.exchangeProposed,
	'exchange.accepted': exchanges.exchangeAccepted,
	'exchange.declined': exchanges.exchangeDeclined,
	'exchange.cancelled': exchanges.exchangeCancelled,
	'exchange.completed': exchanges.exchangeCompleted,
	'exchange.reversed': exchanges.exchangeReversed,
	'exchange.reported': exchangeReported,
	'travel.paid': travelPaid,
	'policy.set': policySet
};

export class OutOfOrderError extends Error {
	constructor(id: string, lastId: string) {
		super(`Transaction ${id} is not newer than ${lastId}; fold the whole set instead.`);
	}
}

/**
 * Applies one transaction newer than every one applied so far, mutating `state`.
 * Returns false when the transaction was refused (its reason is in `state.rejected`).
 */
export function applyNewer(state: BankState, tx: Transaction): boolean {
	const id = txIdOf(tx);
	if (id <= state.lastId) throw new OutOfOrderError(id, state.lastId);
	state.lastId = id;
	state.count += 1;
	const rule = rules[tx.kind] as Rule<TransactionKind>;
	try {
		rule(state, id, tx);
		return true;
	} catch (error) {
		if (!(error instanceof Refusal)) throw error;
		state.rejected.set(id, { tx: id, kind: tx.kind, by: tx.by.library, target: targetOf(tx), code: error.code, params: error.params });
		return false;
	}
}

function targetOf(tx: Transaction): string | undefined {
	if ('exchanges' in tx) return tx.exchanges[0];
	if ('exchange' in tx) return tx.exchange;
	if ('request' in tx) return tx.request;
	if ('offer' in tx) return tx.offer;
	return undefined;
}

export function compareTransactions(a: Transaction, b: Transaction): number {
	return a._id < b._id ? -1 : a._id > b._id ? 1 : 0;
}

/** Folds any collection of transactions, in any order, duplicates allowed, into fresh state. */
export function fold(transactions: Iterable<Transaction>): BankState {
	const sorted = [...transactions].sort(compareTransactions);
	const state = createState();
	let previous = '';
	for (const tx of sorted) {
		if (tx._id === previous) continue;
		previous = tx._id;
		applyNewer(state, tx);
	}
	return state;
}
