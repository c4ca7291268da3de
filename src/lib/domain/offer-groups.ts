/**
 * Open offers that differ only in what does not decide whether they fit a request (dates,
 * description), counted as one. A county of 100k transactions has 6,071 open offers in 48
 * groups, so the read model keeps the groups (projection.ts) and the overview reads 48 rows.
 */
import type { Offer } from './state';

/** What of an offer decides whether it fits a request. */
export type GroupedOffer = Pick<Offer, 'library' | 'skills' | 'maxTravelKm'>;

export interface OfferGroup {
	key: string;
	library: string;
	/** Sorted, each once. */
	skills: string[];
	maxTravelKm?: number;
	count: number;
}

export function offerGroups(offers: Iterable<GroupedOffer>): OfferGroup[] {
	const groups = new Map<string, OfferGroup>();
	for (const offer of offers) {
		const skills = [...new Set(offer.skills)].sort();
		const key = JSON.stringify([offer.library, offer.maxTravelKm ?? null, skills]);
		const group = groups.get(key);
		if (group) group.count += 1;
		else groups.set(key, { key, library: offer.library, skills, ...(offer.maxTravelKm === undefined ? {} : { maxTravelKm: offer.maxTravelKm }), count: 1 });
	}
	return [...groups.values()];
}

/** The groups of the offers still open: what the agenda counts suggestions against. */
export function openOfferGroups(offers: Iterable<Offer>): OfferGroup[] {
	return offerGroups([...offers].filter((offer) => offer.status === 'open'));
}
