/**
 * Matching: for an open request, ranked suggestions from open offers and from people's
 * skills; for an offer, the requests it fits. Pure and deterministic: the same inputs always
 * give the same order, on every device.
 *
 * Score (higher is better), in order of weight:
 *  - skill fit: the share of the request's skills covered (people: weighted by level);
 *  - availability: overlapping dates, or either side flexible;
 *  - distance: nearer is better, and an offer's own travel limit is respected;
 *  - balance: libraries that owe days come before those that are owed, so debts get repaid.
 */
import { roadKm, type Coordinates } from './geo';
import type { OfferGroup } from './offer-groups';
import type { DateWindow } from './transactions';

export interface MatchLibrary extends Coordinates {
	slug: string;
	balance: number;
	active: boolean;
}

export interface MatchRequest {
	id: string;
	library: string;
	skills: string[];
	dates: DateWindow[];
	urgency: 'planned' | 'urgent';
}

export interface MatchOffer {
	id: string;
	library: string;
	skills: string[];
	dates: DateWindow[];
	maxTravelKm?: number;
}

export interface MatchPerson {
	id: string;
	library: string;
	skills: Array<{ skill: string; level: 1 | 2 | 3 }>;
}

/** People as matching takes them, from their directory documents or read-model rows. */
export function matchPeople(people: Array<{ _id: string } & Omit<MatchPerson, 'id'>>): MatchPerson[] {
	return people.map((p) => ({ id: p._id, library: p.library, skills: p.skills }));
}

export interface Suggestion {
	kind: 'offer' | 'person' | 'request';
	id: string;
	library: string;
	score: number;
	km: number;
	skillFit: number;
	datesFit: boolean;
}

const WEIGHT = { skills: 60, dates: 20, distance: 15, balance: 5 };
/** Beyond this, distance adds nothing to a score (a long day's return trip). */
const FAR_KM = 300;

export function datesOverlap(a: DateWindow[], b: DateWindow[]): boolean {
	if (a.length === 0 || b.length === 0) return true;
	return a.some((x) => b.some((y) => x.from <= y.to && y.from <= x.to));
}

function skillShare(wanted: string[], offered: string[]): number {
	if (wanted.length === 0) return 0;
	return wanted.filter((s) => offered.includes(s)).length / wanted.length;
}

/** How well a person's skills cover a request's, weighted by level. */
function personFit(request: MatchRequest, person: MatchPerson): number {
	const levels = request.skills.map((s) => person.skills.find((p) => p.skill === s)?.level ?? 0);
	return levels.reduce<number>((sum, level) => sum + level / 3, 0) / request.skills.length;
}

function score(skillFit: number, datesFit: boolean, km: number, providerBalance: number): number {
	const distance = Math.max(0, 1 - km / FAR_KM);
	// -5 days owed → 1, +5 days owed to them → 0.
	const owes = Math.min(1, Math.max(0, (5 - providerBalance) / 10));
	return Math.round(WEIGHT.skills * skillFit + (datesFit ? WEIGHT.dates : 0) + WEIGHT.distance * distance + WEIGHT.balance * owes);
}

function bySuggestionOrder(a: Suggestion, b: Suggestion): number {
	return b.score - a.score || a.km - b.km || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function suggestionsForRequest(
	request: MatchRequest,
	offers: MatchOffer[],
	people: MatchPerson[],
	libraries: Map<string, MatchLibrary>
): Suggestion[] {
	const host = libraries.get(request.library);
	if (!host) return [];
	const out: Suggestion[] = [];
	for (const offer of offers) {
		const provider = libraries.get(offer.library);
		if (!provider?.active || offer.library === request.library) continue;
		const skillFit = skillShare(request.skills, offer.skills);
		if (skillFit === 0) continue;
		const km = roadKm(host, provider);
		if (offer.maxTravelKm !== undefined && km > offer.maxTravelKm) continue;
		const datesFit = datesOverlap(request.dates, offer.dates);
		out.push({ kind: 'offer', id: offer.id, library: offer.library, km, skillFit, datesFit, score: score(skillFit, datesFit, km, provider.balance) });
	}
	for (const person of people) {
		const provider = libraries.get(person.library);
		if (!provider?.active || person.library === request.library) continue;
		const skillFit = personFit(request, person);
		if (skillFit === 0) continue;
		const km = roadKm(host, provider);
		// A person has no dates of their own: whether they can come is agreed when asked.
		out.push({ kind: 'person', id: person.id, library: person.library, km, skillFit, datesFit: true, score: score(skillFit, true, km, provider.balance) });
	}
	return out.sort(bySuggestionOrder);
}

/**
 * Counts suggestions as `suggestionsForRequest` finds them, without building and sorting them,
 * for many requests against one set of offers (as groups) and people. A library of the 100k
 * county has 838 open requests: counting them one by one against every offer took 510 ms.
 */
export function suggestionCounter(groups: OfferGroup[], people: MatchPerson[], libraries: Map<string, MatchLibrary>) {
	/** The request's suggestions, or 1 once one is found when `firstOnly`. */
	function tally(request: MatchRequest, firstOnly: boolean): number {
		const host = libraries.get(request.library);
		if (!host) return 0;
		let count = 0;
		for (const group of groups) {
			const provider = libraries.get(group.library);
			if (!provider?.active || group.library === request.library || skillShare(request.skills, group.skills) === 0) continue;
			if (group.maxTravelKm !== undefined && roadKm(host, provider) > group.maxTravelKm) continue;
			if (firstOnly) return 1;
			count += group.count;
		}
		for (const person of people) {
			if (person.library === request.library || !libraries.get(person.library)?.active || personFit(request, person) === 0) continue;
			if (firstOnly) return 1;
			count += 1;
		}
		return count;
	}
	return {
		count: (request: MatchRequest) => tally(request, false),
		/** Whether the request has any suggestion: most stop at the first group they look at. */
		any: (request: MatchRequest) => tally(request, true) > 0
	};
}

/** The open requests an offer fits, best first; urgent needs rank above planned ones. */
export function requestsForOffer(offer: MatchOffer, requests: MatchRequest[], libraries: Map<string, MatchLibrary>): Suggestion[] {
	const provider = libraries.get(offer.library);
	if (!provider) return [];
	const out: Suggestion[] = [];
	for (const request of requests) {
		const host = libraries.get(request.library);
		if (!host?.active || request.library === offer.library) continue;
		const skillFit = skillShare(request.skills, offer.skills);
		if (skillFit === 0) continue;
		const km = roadKm(host, provider);
		if (offer.maxTravelKm !== undefined && km > offer.maxTravelKm) continue;
		const datesFit = datesOverlap(request.dates, offer.dates);
		const urgency = request.urgency === 'urgent' ? 10 : 0;
		out.push({ kind: 'request', id: request.id, library: request.library, km, skillFit, datesFit, score: score(skillFit, datesFit, km, provider.balance) + urgency });
	}
	return out.sort(bySuggestionOrder);
}
