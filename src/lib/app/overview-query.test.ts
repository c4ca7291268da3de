import { describe, expect, it } from 'vitest';
import { agendaFor, localToday } from '$lib/domain/agenda';
import { matchPeople } from '$lib/domain/matching';
import { openOfferGroups } from '$lib/domain/offer-groups';
import { HISTORY_LIBRARIES } from '$lib/domain/test-history';
import { projectedHistory } from '$lib/store/test-projector';
import { forMatching, librariesBySlug } from './queries';
import { overviewAgendaOf, overviewOf } from './overview-query';

describe('the overview', () => {
	it("shows a library's twelve newest statement lines, newest first, read by index", async () => {
		const { view } = await projectedHistory('overview', 400, 3);
		for (const slug of ['hamar', 'tolga']) {
			const all = (await view.entries.toArray()).filter((e) => e.library === slug).sort((a, b) => (a.tx < b.tx ? 1 : -1));
			expect(all.length).toBeGreaterThan(12);
			expect((await overviewOf(view, slug)).statement).toEqual(all.slice(0, 12));
		}
	});

	it.each([5, 6, 7])('gives the agenda it would give over every exchange and offer, reading live exchanges, open requests and offer groups by index (history %i)', async (seed) => {
		const { view } = await projectedHistory(`overview-agenda-${seed}`, 600, seed);
		const [exchanges, requests, offers, people, libraries] = await Promise.all([view.exchanges.toArray(), view.requests.toArray(), view.offers.toArray(), view.people.toArray(), librariesBySlug(view)]);
		let suggested = 0;
		for (const slug of HISTORY_LIBRARIES) {
			const whole = agendaFor({
				library: slug,
				today: localToday(),
				now: Date.now(),
				exchanges,
				requests,
				offerGroups: openOfferGroups(offers),
				people: matchPeople(people),
				libraries: forMatching(libraries)
			});
			expect(await overviewAgendaOf(view, slug)).toEqual(whole);
			suggested += whole.requestsWithMatchesCount;
		}
		expect(suggested, 'some requests have suggestions, or the counts were not compared').toBeGreaterThan(0);
		// The stored groups are the open offers' groups, and fewer rows than the offers.
		const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : 1);
		const groups = await view.offerGroups.toArray();
		expect(groups).toEqual(openOfferGroups(offers).sort(byKey));
		expect(groups.length).toBeLessThan(offers.filter((o) => o.status === 'open').length);
		// The index leaves out what no agenda shows: settled exchanges whose reports are written.
		const live = exchanges.filter((e) => e.agendaOf.length > 0);
		expect(live.length).toBeGreaterThan(0);
		expect(live.length).toBeLessThan(exchanges.length);
	});
});
