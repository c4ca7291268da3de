/**
 * The exchange lifecycle: proposed → accepted → completed (→ reversed by the county), or
 * declined / cancelled on the way. Who may do what is checked here as on the server.
 */
import { assertWithinLimit, commit, postCompletion, postReversal, release } from './ledger';
import { counterpartyOf, isParty } from './parties';
import { refuse } from './rejection';
import { daysLeft, returnToOffer, takeFromOffer } from './rules-offers';
import { reopenRequest } from './rules-requests';
import type { BankState, Exchange } from './state';
import type { TransactionOf } from './transactions';

function findExchange(state: BankState, exchangeId: string): Exchange {
	const exchange = state.exchanges.get(exchangeId);
	if (!exchange) refuse('exchange-unknown', { exchange: exchangeId });
	return exchange;
}

function touch(exchange: Exchange, id: string): void {
	exchange.history.push(id);
	exchange.updated = id;
}

/** A host asks for days from an offer, with a date (offers may be undated until now). */
export function exchangeProposed(state: BankState, id: string, tx: TransactionOf<'exchange.proposed'>): void {
	const offer = state.offers.get(tx.offer);
	if (!offer) refuse('offer-unknown', { offer: tx.offer });
	if (offer.library === tx.by.library) refuse('own-offer');
	if (offer.status !== 'open') refuse('offer-not-open', { status: offer.status });
	if (daysLeft(offer) < tx.days) {
		refuse('offer-too-few-days', { left: daysLeft(offer) });
	}
	assertWithinLimit(state, tx.by.library, tx.days);
	state.exchanges.set(id, {
		id,
		source: { offer: offer.id },
		skills: [...offer.skills],
		reports: [],
		provider: offer.library,
		host: tx.by.library,
		proposedBy: tx.by.library,
		days: tx.days,
		dates: { ...tx.dates },
		status: 'proposed',
		history: [id],
		updated: id
	});
}

export function exchangeAccepted(state: BankState, id: string, tx: TransactionOf<'exchange.accepted'>): void {
	const exchange = findExchange(state, tx.exchange);
	if (exchange.status !== 'proposed') refuse('exchange-not-proposed', { status: exchange.status });
	if (tx.by.library !== counterpartyOf(exchange)) refuse('not-counterparty', { library: counterpartyOf(exchange) });
	if ('offer' in exchange.source) {
		const offer = state.offers.get(exchange.source.offer);
		if (!offer || offer.status !== 'open') refuse('offer-not-open', { status: offer?.status ?? 'unknown' });
		if (daysLeft(offer) < exchange.days) {
			refuse('offer-too-few-days', { left: daysLeft(offer) });
		}
		assertWithinLimit(state, exchange.host, exchange.days);
		takeFromOffer(offer, exchange.days, id);
	} else {
		assertWithinLimit(state, exchange.host, exchange.days);
	}
	commit(state, exchange.host, exchange.days);
	exchange.status = 'accepted';
	touch(exchange, id);
}

export function exchangeDeclined(state: BankState, id: string, tx: TransactionOf<'exchange.declined'>): void {
	const exchange = findExchange(state, tx.exchange);
	if (exchange.status !== 'proposed') refuse('exchange-not-proposed', { status: exchange.status });
	if (tx.by.library !== counterpartyOf(exchange)) refuse('not-counterparty', { library: counterpartyOf(exchange) });
	exchange.status = 'declined';
	exchange.reason = tx.reason;
	touch(exchange, id);
}

export function exchangeCancelled(state: BankState, id: string, tx: TransactionOf<'exchange.cancelled'>): void {
	const exchange = findExchange(state, tx.exchange);
	if (!isParty(exchange, tx.by.library)) refuse('not-party');
	if (exchange.status !== 'proposed' && exchange.status !== 'accepted') {
		refuse('exchange-not-active', { status: exchange.status });
	}
	if (exchange.status === 'accepted') {
		release(state, exchange.host, exchange.days);
		if ('offer' in exchange.source) {
			const offer = state.offers.get(exchange.source.offer);
			if (offer) returnToOffer(offer, exchange.days, id);
		} else {
			const request = state.requests.get(exchange.source.request);
			if (request) reopenRequest(request, id);
		}
	}
	exchange.status = 'cancelled';
	exchange.reason = tx.reason;
	touch(exchange, id);
}

/** Only the host confirms the days worked: nobody credits themselves. */
export function exchangeCompleted(state: BankState, id: string, tx: TransactionOf<'exchange.completed'>): void {
	const exchange = findExchange(state, tx.exchange);
	if (tx.by.library !== exchange.host) refuse('only-host-completes', { library: exchange.host });
	if (exchange.status !== 'accepted') refuse('exchange-not-accepted', { status: exchange.status });
	if (tx.days > exchange.days) refuse('more-than-agreed', { days: exchange.days });
	if (tx.provider !== exchange.provider) refuse('not-as-recorded');
	release(state, exchange.host, exchange.days);
	postCompletion(state, id, exchange, tx.days);
	exchange.status = 'completed';
	exchange.daysWorked = tx.days;
	exchange.completion = id;
	exchange.travel = { ...tx.travel };
	touch(exchange, id);
}

function reversesAsRecorded(exchange: Exchange, tx: TransactionOf<'exchange.reversed'>): boolean {
	return (
		tx.completion === exchange.completion &&
		tx.provider === exchange.provider &&
		tx.host === exchange.host &&
		tx.days === exchange.daysWorked
	);
}

/** The county corrects a wrong completion; the audit trail keeps both. */
export function exchangeReversed(state: BankState, id: string, tx: TransactionOf<'exchange.reversed'>): void {
	if (tx.by.role !== 'county') refuse('county-only');
	const exchange = findExchange(state, tx.exchange);
	if (exchange.status !== 'completed') refuse('exchange-not-completed', { status: exchange.status });
	if (!reversesAsRecorded(exchange, tx)) refuse('not-as-recorded');
	postReversal(state, id, exchange, exchange.daysWorked ?? 0);
	exchange.status = 'reversed';
	exchange.reason = tx.reason;
	touch(exchange, id);
}
