import { describe, expect, it } from 'vitest';
import { offerGroups } from './offer-groups';
import { datesOverlap, requestsForOffer, suggestionCounter, suggestionsForRequest, type MatchLibrary, type MatchOffer, type MatchRequest } from './matching';
import { seededRandom } from './random';

const lib = (slug: string, lat: number, lon: number, balance = 0, active = true): [string, MatchLibrary] => [slug, { slug, lat, lon, balance, active }];
const libraries = new Map([
	lib('tolga', 62.41, 11.0),
	lib('os', 62.497, 11.223),
	lib('alvdal', 62.109, 10.632),
	lib('eidskog', 59.98, 12.118),
	lib('hamar', 60.795, 11.068, 3),
	lib('elverum', 60.882, 11.562, -3),
	lib('closed', 62.4, 11.0, 0, false)
]);

const request: MatchRequest = { id: 'r1', library: 'tolga', skills: ['cataloguing'], dates: [{ from: '2026-03-02', to: '2026-03-06' }], urgency: 'planned' };
const offer = (id: string, library: string, extra: Partial<MatchOffer> = {}): MatchOffer => ({ id, library, skills: ['cataloguing'], dates: [], ...extra });

describe('matching a request', () => {
	it('puts a nearby offer with the right skill before a distant one', () => {
		const ranked = suggestionsForRequest(request, [offer('far', 'eidskog'), offer('near', 'os')], [], libraries);
		expect(ranked.map((s) => s.id)).toEqual(['near', 'far']);
		expect(ranked[0]!.km).toBeLessThan(30);
	});

	it('leaves out offers without any of the skills, from the asking library, or from inactive libraries', () => {
		const ranked = suggestionsForRequest(request, [offer('wrong', 'os', { skills: ['weeding'] }), offer('own', 'tolga'), offer('gone', 'closed')], [], libraries);
		expect(ranked).toEqual([]);
	});

	it("respects how far the offering person will travel", () => {
		expect(suggestionsForRequest(request, [offer('short', 'eidskog', { maxTravelKm: 50 })], [], libraries)).toEqual([]);
	});

	it('prefers offers whose dates overlap the request, with undated offers counting as flexible', () => {
		const clash = offer('clash', 'os', { dates: [{ from: '2026-04-01', to: '2026-04-03' }] });
		const undated = offer('undated', 'alvdal');
		const ranked = suggestionsForRequest(request, [clash, undated], [], libraries);
		expect(ranked.map((s) => [s.id, s.datesFit])).toEqual([['undated', true], ['clash', false]]);
	});

	it('ranks a library that owes days before one that is owed, all else equal', () => {
		const twin = new Map(libraries);
		twin.set('hamar', { ...twin.get('hamar')!, lat: 60.9, lon: 11.3 });
		twin.set('elverum', { ...twin.get('elverum')!, lat: 60.9, lon: 11.3 });
		const ranked = suggestionsForRequest(request, [offer('owed', 'hamar'), offer('owes', 'elverum')], [], twin);
		expect(ranked.map((s) => s.id)).toEqual(['owes', 'owed']);
	});

	it("suggests people by their skills, weighing their level", () => {
		const people = [
			{ id: 'novice', library: 'os', skills: [{ skill: 'cataloguing', level: 1 as const }] },
			{ id: 'expert', library: 'os', skills: [{ skill: 'cataloguing', level: 3 as const }] },
			{ id: 'other', library: 'os', skills: [{ skill: 'weeding', level: 3 as const }] }
		];
		expect(suggestionsForRequest(request, [], people, libraries).map((s) => s.id)).toEqual(['expert', 'novice']);
	});

	it('is deterministic whatever order the offers come in', () => {
		const offers = [offer('a', 'os'), offer('b', 'os'), offer('c', 'alvdal'), offer('d', 'hamar')];
		const one = suggestionsForRequest(request, offers, [], libraries);
		const two = suggestionsForRequest(request, [...offers].reverse(), [], libraries);
		expect(two).toEqual(one);
	});
});

describe('matching an offer', () => {
	it('lists the requests it fits, urgent before planned', () => {
		const urgent: MatchRequest = { ...request, id: 'urgent', library: 'alvdal', urgency: 'urgent' };
		const planned: MatchRequest = { ...request, id: 'planned', library: 'tolga' };
		const ranked = requestsForOffer(offer('o', 'os'), [planned, urgent], libraries);
		expect(ranked.map((s) => s.id)).toEqual(['urgent', 'planned']);
	});
});

describe('datesOverlap', () => {
	it('treats no dates as flexible and compares windows inclusively', () => {
		expect(datesOverlap([], [{ from: '2026-01-01', to: '2026-01-01' }])).toBe(true);
		expect(datesOverlap([{ from: '2026-01-01', to: '2026-01-05' }], [{ from: '2026-01-05', to: '2026-01-09' }])).toBe(true);
		expect(datesOverlap([{ from: '2026-01-01', to: '2026-01-04' }], [{ from: '2026-01-05', to: '2026-01-09' }])).toBe(false);
	});
});

describe('counting suggestions without building them', () => {
	const SKILLS = ['cataloguing', 'plastic-covering', 'shelving', 'front-desk', 'reading-promotion'];

	function county(seed: number) {
		const random = seededRandom(seed);
		const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
		const some = () => SKILLS.filter(() => random() < 0.35);
		const slugs = ['hamar', 'tolga', 'elverum', 'stange', 'os', 'grue'];
		const libraries = new Map<string, MatchLibrary>(slugs.map((slug) => [slug, { slug, lat: 60 + random() * 2.5, lon: 10 + random() * 2.5, balance: Math.round(random() * 10 - 5), active: random() < 0.85 }]));
		const window = () => ({ from: `2027-0${1 + Math.floor(random() * 8)}-01`, to: `2027-0${1 + Math.floor(random() * 8)}-20` });
		const offers: MatchOffer[] = Array.from({ length: 60 }, (_, i) => ({
			id: `o${i}`,
			library: pick([...slugs, 'nedlagt']),
			skills: random() < 0.1 ? [pick(SKILLS), pick(SKILLS)] : some(),
			dates: random() < 0.5 ? [] : [window()],
			...(random() < 0.4 ? { maxTravelKm: pick([20, 60, 150]) } : {})
		}));
		const requests: MatchRequest[] = Array.from({ length: 30 }, (_, i) => ({ id: `r${i}`, library: pick([...slugs, 'ukjent']), skills: [pick(SKILLS), ...some()], dates: random() < 0.5 ? [] : [window()], urgency: random() < 0.3 ? 'urgent' : 'planned' }));
		const people = Array.from({ length: 15 }, (_, i) => ({
			id: `p${i}`,
			library: pick(slugs),
			skills: some().map((skill) => ({ skill, level: pick([1, 2, 3] as const) }))
		}));
		return { libraries, offers, requests, people };
	}

	it('gives each request exactly as many as suggestionsForRequest lists, in generated counties (property)', () => {
		for (let seed = 1; seed <= 40; seed++) {
			const { libraries, offers, requests, people } = county(seed);
			const counter = suggestionCounter(offerGroups(offers), people, libraries);
			for (const request of requests) expect(counter.count(request), `seed ${seed}, ${request.id}`).toBe(suggestionsForRequest(request, offers, people, libraries).length);
		}
	});

	it('says a request has a suggestion exactly when suggestionsForRequest lists one, in generated counties (property)', () => {
		let without = 0;
		for (let seed = 1; seed <= 40; seed++) {
			const { libraries, offers, requests, people } = county(seed);
			const counter = suggestionCounter(offerGroups(offers), people, libraries);
			for (const request of requests) {
				const listed = suggestionsForRequest(request, offers, people, libraries).length > 0;
				if (!listed) without += 1;
				expect(counter.any(request), `seed ${seed}, ${request.id}`).toBe(listed);
			}
		}
		// Both answers occur, or the property says little.
		expect(without).toBeGreaterThan(0);
	});
});
