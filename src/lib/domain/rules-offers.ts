/** Offers: posted undated or with windows; only their library may revise, pause or withdraw. */
import { refuse } from './rejection';
import type { BankState, Offer } from './state';
import type { TransactionOf } from './transactions';

function ownedOffer(state: BankState, offerId: string, library: string): Offer {
	const offer = state.offers.get(offerId);
	if (!offer) refuse('offer-unknown', { offer: offerId });
	if (offer.library !== library) refuse('not-owner', { library: offer.library });
	if (offer.status === 'withdrawn') refuse('offer-withdrawn');
	return offer;
}

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
}

export function offerRevised(state: BankState, id: string, tx: TransactionOf<'offer.revised'>): void {
	const offer = ownedOffer(state, tx.offer, tx.by.library);
	if (tx.days < offer.daysTaken) refuse('offer-days-below-taken', { taken: offer.daysTaken });
	offer.skills = [...tx.skills];
	offer.description = tx.description;
	offer.days = tx.days;
	offer.dates = tx.dates.map((w) => ({ ...w }));
	offer.maxTravelKm = tx.maxTravelKm;
	if (offer.status === 'taken' && offer.days > offer.daysTaken) offer.status = 'open';
	if (offer.status === 'open' && offer.days === offer.daysTaken) offer.status = 'taken';
	offer.updated = id;
}

export function offerPaused(state: BankState, id: string, tx: TransactionOf<'offer.paused'>): void {
	const offer = ownedOffer(state, tx.offer, tx.by.library);
	if (offer.status !== 'open') refuse('offer-not-open', { status: offer.status });
	offer.status = 'paused';
	offer.updated = id;
}

export function offerResumed(state: BankState, id: string, tx: TransactionOf<'offer.resumed'>): void {
	const offer = ownedOffer(state, tx.offer, tx.by.library);
	if (offer.status !== 'paused') refuse('offer-not-paused', { status: offer.status });
	offer.status = offer.daysTaken >= offer.days ? 'taken' : 'open';
	offer.updated = id;
}

export function offerWithdrawn(state: BankState, id: string, tx: TransactionOf<'offer.withdrawn'>): void {
	const offer = ownedOffer(state, tx.offer, tx.by.library);
	offer.status = 'withdrawn';
	offer.updated = id;
}

/** Agreed days leave the offer; when none are left it is taken. */
/** Days of an offer not yet promised to anyone. */
export function daysLeft(offer: Pick<Offer, 'days' | 'daysTaken'>): number {
	return offer.days - offer.daysTaken;
}

export function takeFromOffer(offer: Offer, days: number, id: string): void {
	offer.daysTaken += days;
	if (offer.status === 'open' && offer.daysTaken >= offer.days) offer.status = 'taken';
	offer.updated = id;
}

/** A cancelled agreement gives its days back to the offer. */
export function returnToOffer(offer: Offer, days: number, id: string): void {
	offer.daysTaken -= days;
	if (offer.status === 'taken' && offer.daysTaken < offer.days) offer.status = 'open';
	offer.updated = id;
}
