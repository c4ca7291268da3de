/**
 * Collisions: agreements that cannot all hold as they were made, because devices that could
 * not see each other agreed to them. None is decided by whose clock was earlier. Every open
 * agreement involved is marked with the collision's code, so both parties of each see it on
 * their overview, and the library that can resolve it does (collisionResolver):
 * - request-double: the host accepted more than one answer to one request; it keeps one and
 *   releases the others, or confirms both if both came;
 * - over-limit: the host's open agreements together pass its credit limit; it releases one,
 *   or confirms them knowingly;
 * - offer-overbooked: the provider accepted more days than its offer has; it releases one or
 *   sends people for all of them;
 * - confirmed-twice: the host confirmed one visit more than once; the county reverses one.
 */
import { availableOf } from './ledger';
import { updateRequestStatus } from './rules-requests';
import type { BankState, CollisionCode, Exchange, Offer, Request } from './state';

export function setCollision(exchange: Exchange, code: CollisionCode, on: boolean): void {
	const has = exchange.collisions.includes(code);
	if (on && !has) exchange.collisions = [...exchange.collisions, code].sort();
	else if (!on && has) exchange.collisions = exchange.collisions.filter((c) => c !== code);
}

function membersOf(state: BankState, source: string): Exchange[] {
	const ids = state.index.bySource.get(source);
	if (!ids) return [];
	const out: Exchange[] = [];
	for (const id of ids) {
		const exchange = state.exchanges.get(id);
		if (exchange) out.push(exchange);
	}
	return out;
}

const isAgreement = (e: Exchange) => e.status === 'accepted' || e.status === 'completed';

export function markRequestCollisions(state: BankState, request: Request): void {
	const members = membersOf(state, request.id);
	const agreements = members.filter(isAgreement);
	updateRequestStatus(state, request, agreements.map((e) => e.id));
	for (const e of members) setCollision(e, 'request-double', agreements.length > 1 && e.status === 'accepted');
}

export function markOfferCollisions(state: BankState, offer: Offer): void {
	const over = offer.daysTaken > offer.days;
	for (const e of membersOf(state, offer.id)) setCollision(e, 'offer-overbooked', over && e.status === 'accepted');
}

export function markHostCollisions(state: BankState, host: string): void {
	const open = state.index.openByHost.get(host);
	if (!open) return;
	const over = availableOf(state, host) < 0;
	for (const id of open) {
		const exchange = state.exchanges.get(id);
		if (exchange) setCollision(exchange, 'over-limit', over);
	}
}

/** After the credit limit changes, every host's agreements are measured again. */
export function markAllHostCollisions(state: BankState): void {
	for (const host of state.index.openByHost.keys()) markHostCollisions(state, host);
}

/** The library that resolves a collision on this exchange. */
export function collisionResolver(code: CollisionCode): 'host' | 'provider' | 'county' {
	if (code === 'offer-overbooked') return 'provider';
	if (code === 'confirmed-twice') return 'county';
	return 'host';
}

const sourceOf = (e: Exchange) => ('offer' in e.source ? e.source.offer : e.source.request);

/**
 * The other agreements an exchange collides with, from a list of candidates (say, every
 * exchange of its host): what its parties are shown next to it, so they can see what to resolve.
 */
export function collidingWith(exchange: Exchange, candidates: Iterable<Exchange>): Exchange[] {
	const out = new Map<string, Exchange>();
	for (const other of candidates) {
		if (other.id === exchange.id || !isAgreement(other)) continue;
		const sameSource = sourceOf(other) === sourceOf(exchange);
		if ((exchange.collisions.includes('request-double') || exchange.collisions.includes('offer-overbooked')) && sameSource) out.set(other.id, other);
		if (exchange.collisions.includes('over-limit') && other.host === exchange.host && other.collisions.includes('over-limit')) out.set(other.id, other);
	}
	return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
}
