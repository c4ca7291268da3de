import { describe, expect, it } from 'vitest';
import { offerGroups, openOfferGroups } from './offer-groups';
import type { Offer } from './state';

const offer = (id: string, library: string, skills: string[], extra: Partial<Offer> = {}): Offer => ({
	id,
	library,
	skills,
	description: `Tilbud ${id}`,
	days: 1,
	daysTaken: 0,
	dates: [],
	status: 'open',
	updated: '',
	...extra
});

describe('offer groups', () => {
	it('counts offers alike in library, travel limit and skills as one, whatever their order, dates or description', () => {
		const groups = offerGroups([
			offer('a', 'hamar', ['shelving', 'cataloguing']),
			offer('b', 'hamar', ['cataloguing', 'shelving', 'cataloguing'], { dates: [{ from: '2026-03-02', to: '2026-03-02' }] }),
			offer('c', 'hamar', ['cataloguing', 'shelving'], { maxTravelKm: 60 }),
			offer('d', 'tolga', ['cataloguing', 'shelving'])
		]);
		expect(groups.map(({ library, skills, maxTravelKm, count }) => ({ library, skills, maxTravelKm, count }))).toEqual([
			{ library: 'hamar', skills: ['cataloguing', 'shelving'], maxTravelKm: undefined, count: 2 },
			{ library: 'hamar', skills: ['cataloguing', 'shelving'], maxTravelKm: 60, count: 1 },
			{ library: 'tolga', skills: ['cataloguing', 'shelving'], maxTravelKm: undefined, count: 1 }
		]);
		expect(new Set(groups.map((g) => g.key)).size).toBe(3);
	});

	it('leaves out offers no longer open', () => {
		const groups = openOfferGroups([offer('a', 'hamar', ['shelving']), offer('b', 'hamar', ['shelving'], { status: 'withdrawn' }), offer('c', 'os', ['plastic'], { status: 'taken' })]);
		expect(groups.map((g) => [g.library, g.count])).toEqual([['hamar', 1]]);
	});
});
