/**
 * What a librarian's device checks before it writes, against the state it shows: an act that
 * makes no sense here and now (accepting an answer that would take the host past its limit,
 * proposing more days than an offer has left, answering a request already filled) is not
 * written at all, and the page says why at once. The fold cannot refuse these later without
 * overturning what people acted on (a late arrival may change the picture), so they are
 * checked here, where the person deciding sees the same state the check reads; what still
 * collides because of devices that could not see each other is marked by the fold instead.
 */
import { collisionResolver } from './collisions';
import { hasLapsed, LAPSE_AFTER_DAYS, lapsedReservation } from './lapse';
import { availableForNew, availableOf } from './ledger';
import { counterpartyOf, isParty } from './parties';
import { Refusal, type RejectionCode, type RejectionParams } from './rejection';
import { daysLeft } from './rules-offers';
import type { BankState, Exchange } from './state';
import type { Actor, TransactionFields } from './transactions';

type Check = Refusal | undefined;

const no = (code: RejectionCode, params: RejectionParams = {}): Refusal => new Refusal(code, params);

function overLimit(state: BankState, host: string, available: number): Refusal {
	return no('over-limit', { library: host, limit: state.policy.creditLimit, available: Math.max(0, available) });
}

/** What lapsed proposals of the host's own still hold, which it may use again. */
function freed(state: BankState, host: string, now: number | undefined): number {
	return now === undefined ? 0 : lapsedReservation(state.exchanges.values(), host, now);
}

function exchangeCheck(state: BankState, actor: Actor, exchange: Exchange, fields: TransactionFields, now: number | undefined): Check {
	const me = actor.library;
	switch (fields.kind) {
		case 'exchange.accepted': {
			if (exchange.status !== 'proposed') return no('exchange-not-proposed', { status: exchange.status });
			if (me !== counterpartyOf(exchange)) return no('not-counterparty', { library: counterpartyOf(exchange) });
			if (now !== undefined && hasLapsed(exchange, now)) return no('proposal-lapsed', { count: LAPSE_AFTER_DAYS });
			if ('request' in exchange.source) {
				const request = state.requests.get(exchange.source.request);
				const taken = request?.filledBy ? state.exchanges.get(request.filledBy) : undefined;
				if (taken) return no('request-taken', { library: taken.provider, exchange: taken.id });
				const available = availableForNew(state, exchange.host) + freed(state, exchange.host, now);
				if (available < exchange.days) return overLimit(state, exchange.host, available);
			} else {
				const offer = state.offers.get(exchange.source.offer);
				if (offer && daysLeft(offer) < exchange.days) return no('offer-too-few-days', { left: daysLeft(offer) });
				const available = availableOf(state, exchange.host);
				if (available < exchange.days) return overLimit(state, exchange.host, available);
			}
			return undefined;
		}
		case 'exchange.declined':
			if (exchange.status !== 'proposed') return no('exchange-not-proposed', { status: exchange.status });
			return me === counterpartyOf(exchange) ? undefined : no('not-counterparty', { library: counterpartyOf(exchange) });
		case 'exchange.withdrawn':
			if (exchange.status !== 'proposed') return no('exchange-not-proposed', { status: exchange.status });
			return me === exchange.proposedBy ? undefined : no('not-proposer', { library: exchange.proposedBy });
		case 'exchange.cancelled':
			if (!isParty(exchange, me)) return no('not-party');
			return exchange.status === 'accepted' ? undefined : no('exchange-not-active', { status: exchange.status });
		case 'exchange.released': {
			if (!isParty(exchange, me)) return no('not-party');
			if (exchange.status !== 'accepted') return no('exchange-not-active', { status: exchange.status });
			const mine = exchange.collisions.some((code) => {
				const resolver = collisionResolver(code);
				return (resolver === 'host' && me === exchange.host) || (resolver === 'provider' && me === exchange.provider);
			});
			return mine ? undefined : no('no-collision');
		}
		case 'exchange.completed':
			if (me !== exchange.host) return no('only-host-completes', { library: exchange.host });
			if (exchange.status !== 'accepted') return no('exchange-not-accepted');
			return fields.days > exchange.days ? no('more-than-agreed', { days: exchange.days }) : undefined;
		case 'exchange.reported':
			if (!isParty(exchange, me)) return no('not-party');
			if (exchange.status !== 'completed') return no('exchange-not-completed', { status: exchange.status });
			return exchange.reports.some((r) => r.library === me) ? no('report-exists') : undefined;
		case 'exchange.reversed':
			return exchange.status === 'completed' ? undefined : no('exchange-not-completed', { status: exchange.status });
		default:
			return undefined;
	}
}

/**
 * Why this act should not be written now, or undefined when it may be. `now` is the device's
 * clock, for proposals that have lapsed (lapse.ts); without it none has (the demo county's
 * history, written as of its own dates).
 */
export function preflight(state: BankState, actor: Actor, fields: TransactionFields, now?: number): Refusal | undefined {
	const me = actor.library;
	switch (fields.kind) {
		case 'offer.revised':
		case 'offer.paused':
		case 'offer.resumed':
		case 'offer.withdrawn': {
			const offer = state.offers.get(fields.offer);
			if (!offer) return no('offer-unknown', { offer: fields.offer });
			if (offer.library !== me) return no('not-owner', { library: offer.library });
			if (offer.status === 'withdrawn') return no('offer-not-open', { status: offer.status });
			if (fields.kind === 'offer.revised' && fields.days < offer.daysTaken) return no('offer-days-below-taken', { taken: offer.daysTaken });
			if (fields.kind === 'offer.paused' && offer.status !== 'open') return no('offer-not-open', { status: offer.status });
			if (fields.kind === 'offer.resumed' && offer.status !== 'paused') return no('offer-not-open', { status: offer.status });
			return undefined;
		}
		case 'request.revised':
		case 'request.withdrawn': {
			const request = state.requests.get(fields.request);
			if (!request) return no('request-unknown', { request: fields.request });
			if (request.library !== me) return no('not-owner', { library: request.library });
			if (request.status === 'withdrawn') return no('request-withdrawn');
			return request.status === 'filled' ? no('request-taken', takenBy(state, request.filledBy)) : undefined;
		}
		case 'request.answered': {
			const request = state.requests.get(fields.request);
			if (!request) return no('request-unknown', { request: fields.request });
			if (request.library === me) return no('own-request');
			if (request.status === 'withdrawn') return no('request-withdrawn');
			if (request.status === 'filled') return no('request-taken', takenBy(state, request.filledBy));
			const pending = [...(state.index.bySource.get(request.id) ?? [])].some((id) => {
				const e = state.exchanges.get(id);
				// A lapsed answer no longer stands in the way of answering again.
				return e?.provider === me && e.status === 'proposed' && !(now !== undefined && hasLapsed(e, now));
			});
			return pending ? no('already-answered') : undefined;
		}
		case 'exchange.proposed': {
			const offer = state.offers.get(fields.offer);
			if (!offer) return no('offer-unknown', { offer: fields.offer });
			if (offer.library === me) return no('own-offer');
			if (offer.status !== 'open') return no('offer-not-open', { status: offer.status });
			if (daysLeft(offer) < fields.days) return no('offer-too-few-days', { left: daysLeft(offer) });
			const available = availableForNew(state, me) + freed(state, me, now);
			return available < fields.days ? overLimit(state, me, available) : undefined;
		}
		case 'policy.set':
		case 'travel.paid':
			return actor.role === 'county' ? undefined : no('county-only');
		case 'offer.posted':
		case 'request.posted':
			return undefined;
		default: {
			if (fields.kind === 'exchange.reversed' && actor.role !== 'county') return no('county-only');
			const exchange = state.exchanges.get(fields.exchange);
			if (!exchange) return no('exchange-unknown', { exchange: fields.exchange });
			return exchangeCheck(state, actor, exchange, fields, now);
		}
	}
}

function takenBy(state: BankState, exchangeId: string | undefined): RejectionParams {
	const exchange = exchangeId ? state.exchanges.get(exchangeId) : undefined;
	return exchange ? { library: exchange.provider, exchange: exchange.id } : {};
}
