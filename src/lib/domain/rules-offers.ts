/**
 * Offers: posted undated or with windows; only their library may revise, pause or withdraw
 * them. Those edits are one library's own, so the newest by id decides the terms and whether
 * the offer is paused; a withdrawal is final. None of them touches an agreement already made:
 * agreed days stand on their own (exchange-settle.ts).
 */
import { markOfferCollisions } from './collisions';
import { refuse } from './rejection';
import type { BankState, Offer } from './state';
import type { TransactionOf } from './transactions';

export function offerPosted(state: BankState, id: string, tx: TransactionOf<'offer.posted'>): void {
	state.offers.set(id, {
		id,
		library: tx.by.library,
		person: tx.by.person,
		skills: [...tx.skills],
		description: tx.description,
		days: tx.days,
		daysTaken: 0,
		dates: tx.dates.map((w) => ({ ...w })),
		maxTravelKm: tx.maxTravelKm,
		status: 'open',
		updated: id
	});
	state.index.termsBy.set(id, id);
}

type OfferEdit = TransactionOf<'offer.revised' | 'offer.paused' | 'offer.resumed' | 'offer.withdrawn'>;

export function editOffer(state: BankState, id: string, tx: OfferEdit): void {
	const offer = state.offers.get(tx.offer)!;
	if (offer.library !== tx.by.library) refuse('not-owner', { library: offer.library });
	const index = state.index;
	if (tx.kind === 'offer.revised' && id > (index.termsBy.get(offer.id) ?? '')) {
		index.termsBy.set(offer.id, id);
		offer.skills = [...tx.skills];
		offer.description = tx.description;
		offer.days = tx.days;
		offer.dates = tx.dates.map((w) => ({ ...w }));
		offer.maxTravelKm = tx.maxTravelKm;
	} else if (tx.kind === 'offer.paused' || tx.kind === 'offer.resumed') {
		const last = index.pausedBy.get(offer.id);
		if (!last || id > last.id) index.pausedBy.set(offer.id, { id, paused: tx.kind === 'offer.paused' });
	} else if (tx.kind === 'offer.withdrawn') {
		const first = index.withdrawn.get(offer.id);
		if (!first || id < first) index.withdrawn.set(offer.id, id);
	}
	if (id > offer.updated) offer.updated = id;
	updateOfferStatus(state, offer);
	markOfferCollisions(state, offer);
}

/** Whether it is withdrawn, paused, fully promised or open, from what is known of it. */
export function updateOfferStatus(state: BankState, offer: Offer): void {
	if (state.index.withdrawn.has(offer.id)) offer.status = 'withdrawn';
	else if (state.index.pausedBy.get(offer.id)?.paused) offer.status = 'paused';
	else offer.status = offer.daysTaken >= offer.days ? 'taken' : 'open';
}

/** Days of an offer not yet promised to anyone. */
export function daysLeft(offer: Pick<Offer, 'days' | 'daysTaken'>): number {
	return Math.max(0, offer.days - offer.daysTaken);
}
