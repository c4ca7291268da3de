/**
 * Exchanges: how they begin, and who may say what about one. A host proposes days from an
 * offer (the provider answers); a provider answers a request (the host answers). What each
 * statement does is settled from all of them together (exchange-settle.ts), so the order they
 * arrive in cannot change the outcome. Here only the rights are checked, which never change:
 * who the parties are is fixed when the exchange begins.
 */
import { settleExchange } from './exchange-settle';
import { counterpartyOf, isParty } from './parties';
import { refuse } from './rejection';
import type { BankState, Exchange, ExchangeFacts } from './state';
import type { Transaction, TransactionOf } from './transactions';

function emptyFacts(): ExchangeFacts {
	return { acceptances: [], declines: [], withdrawals: [], cancellations: [], releases: [], completions: [], reversals: [], reports: [], travelPaid: [] };
}

/** An exchange begins with a host's proposal for an offer, or a provider's answer to a request. */
export function createExchange(state: BankState, id: string, tx: TransactionOf<'exchange.proposed' | 'request.answered'>): void {
	const exchange = tx.kind === 'exchange.proposed' ? fromProposal(state, id, tx) : fromAnswer(state, id, tx);
	state.exchanges.set(id, exchange);
	state.index.facts.set(id, emptyFacts());
	settleExchange(state, exchange);
}

/*
 * Both builders write every field an exchange will have once settled, in the order settling
 * (exchange-settle.ts) used to add them: objects that keep one shape from birth are written
 * in place, where adding seven fields to each of them afterwards was a tenth of a full fold.
 */

function fromProposal(state: BankState, id: string, tx: TransactionOf<'exchange.proposed'>): Exchange {
	const offer = state.offers.get(tx.offer)!;
	if (offer.library === tx.by.library) refuse('own-offer');
	return {
		id,
		reports: [],
		completions: [],
		collisions: [],
		history: [id],
		updated: id,
		status: 'proposed',
		days: tx.days,
		source: { offer: offer.id },
		skills: [...offer.skills],
		provider: offer.library,
		host: tx.by.library,
		proposedBy: tx.by.library,
		dates: { ...tx.dates },
		agreedBy: undefined,
		ending: undefined,
		completion: undefined,
		daysWorked: undefined,
		travel: undefined,
		travelPaid: undefined,
		reason: undefined
	};
}

function fromAnswer(state: BankState, id: string, tx: TransactionOf<'request.answered'>): Exchange {
	const request = state.requests.get(tx.request)!;
	if (request.library === tx.by.library) refuse('own-request');
	const dates = tx.dates ?? request.dates[0];
	return {
		id,
		reports: [],
		completions: [],
		collisions: [],
		history: [id],
		updated: id,
		status: 'proposed',
		days: tx.days,
		source: { request: request.id },
		skills: [...request.skills],
		provider: tx.by.library,
		host: request.library,
		proposedBy: tx.by.library,
		dates: dates ? { ...dates } : undefined,
		note: tx.note,
		agreedBy: undefined,
		ending: undefined,
		completion: undefined,
		daysWorked: undefined,
		travel: undefined,
		travelPaid: undefined,
		reason: undefined
	};
}

type Fact = Exclude<Transaction, TransactionOf<'offer.posted' | 'offer.revised' | 'offer.paused' | 'offer.resumed' | 'offer.withdrawn' | 'request.posted' | 'request.revised' | 'request.withdrawn' | 'request.answered' | 'exchange.proposed' | 'policy.set' | 'travel.paid'>>;

/** Checks the writer's right to say this about the exchange; what it does is settled after. */
function checkRight(exchange: Exchange, tx: Fact): void {
	const by = tx.by.library;
	switch (tx.kind) {
		case 'exchange.accepted':
		case 'exchange.declined':
			if (by !== counterpartyOf(exchange)) refuse('not-counterparty', { library: counterpartyOf(exchange) });
			return;
		case 'exchange.withdrawn':
			if (by !== exchange.proposedBy) refuse('not-proposer', { library: exchange.proposedBy });
			return;
		case 'exchange.cancelled':
		case 'exchange.released':
		case 'exchange.reported':
			if (!isParty(exchange, by)) refuse('not-party');
			return;
		case 'exchange.completed':
			// Only the host confirms days worked: nobody credits themselves.
			if (by !== exchange.host) refuse('only-host-completes', { library: exchange.host });
			if (tx.provider !== exchange.provider) refuse('not-as-recorded');
			if (tx.days > exchange.days) refuse('more-than-agreed', { days: exchange.days });
			return;
		case 'exchange.reversed':
			if (tx.by.role !== 'county') refuse('county-only');
			if (tx.provider !== exchange.provider || tx.host !== exchange.host) refuse('not-as-recorded');
			return;
	}
}

function factList(facts: ExchangeFacts, tx: Fact): Transaction[] {
	switch (tx.kind) {
		case 'exchange.accepted':
			return facts.acceptances;
		case 'exchange.declined':
			return facts.declines;
		case 'exchange.withdrawn':
			return facts.withdrawals;
		case 'exchange.cancelled':
			return facts.cancellations;
		case 'exchange.released':
			return facts.releases;
		case 'exchange.completed':
			return facts.completions;
		case 'exchange.reversed':
			return facts.reversals;
		case 'exchange.reported':
			return facts.reports;
	}
}

/** Files a statement about an exchange that exists, then settles the exchange again. */
export function recordExchangeFact(state: BankState, id: string, tx: Transaction): void {
	const fact = tx as Fact;
	const exchange = state.exchanges.get(fact.exchange)!;
	checkRight(exchange, fact);
	insertSorted(factList(state.index.facts.get(exchange.id)!, fact), tx);
	settleExchange(state, exchange);
}

/** Keeps a list in id order, so settling reads the same list whatever the arrival order. */
export function insertSorted<T extends { _id: string }>(list: T[], item: T): void {
	let i = list.length;
	while (i > 0 && list[i - 1]!._id > item._id) i--;
	list.splice(i, 0, item);
}
