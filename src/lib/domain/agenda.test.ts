import { describe, expect, it } from 'vitest';
import { agendaFor, localToday } from './agenda';
import { fold } from './fold';
import { openOfferGroups } from './offer-groups';
import { aWeek, idOf, TransactionWriter } from './test-transactions';
import type { MatchLibrary } from './matching';

const libraries = new Map<string, MatchLibrary>([
	['tolga', { slug: 'tolga', lat: 62.41, lon: 11.0, balance: -1.5, active: true }],
	['eidskog', { slug: 'eidskog', lat: 59.98, lon: 12.118, balance: 1.5, active: true }],
	['os', { slug: 'os', lat: 62.497, lon: 11.223, balance: 0, active: true }]
]);

function county() {
	const w = new TransactionWriter();
	const offer = w.write('offer.posted', 'eidskog', { skills: ['cataloguing'], description: 'Dag', days: 3, dates: [] });
	const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: aWeek });
	const pastVisit = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: { from: '2026-01-05', to: '2026-01-05' } });
	const acceptPast = w.write('exchange.accepted', 'eidskog', { exchange: idOf(pastVisit) });
	const request = w.write('request.posted', 'tolga', { skills: ['cataloguing'], description: 'Hjelp', days: 1, dates: [], urgency: 'planned' });
	const lonely = w.write('request.posted', 'tolga', { skills: ['makerspace'], description: 'Hjelp', days: 1, dates: [], urgency: 'planned' });
	const state = fold([offer, proposal, pastVisit, acceptPast, request, lonely]);
	return { state, ids: { proposal: idOf(proposal), pastVisit: idOf(pastVisit), request: idOf(request) } };
}

function agenda(library: string, today = '2026-02-01') {
	const { state, ids } = county();
	const result = agendaFor({
		library,
		today,
		exchanges: [...state.exchanges.values()],
		requests: [...state.requests.values()],
		offerGroups: openOfferGroups(state.offers.values()),
		people: [],
		libraries
	});
	return { result, ids };
}

describe("a library's agenda", () => {
	it('lists proposals for the other party to answer, and as waiting for the proposer', () => {
		const eidskog = agenda('eidskog');
		expect(eidskog.result.toAnswer.map((e) => e.id)).toEqual([eidskog.ids.proposal]);
		const tolga = agenda('tolga');
		expect(tolga.result.waitingForOthers.map((e) => e.id)).toEqual([tolga.ids.proposal]);
		expect(tolga.result.toAnswer).toEqual([]);
	});

	it('asks the host to confirm agreed visits whose date has passed', () => {
		const before = agenda('tolga', '2026-01-05');
		expect(before.result.toConfirm).toEqual([]);
		expect(before.result.upcoming.map((e) => e.id)).toEqual([before.ids.pastVisit]);
		const after = agenda('tolga', '2026-01-06');
		expect(after.result.toConfirm.map((e) => e.id)).toEqual([after.ids.pastVisit]);
		expect(agenda('eidskog', '2026-01-06').result.toConfirm).toEqual([]);
	});

	it('shows its open requests that have matches, and how many days it owes', () => {
		const { result, ids } = agenda('tolga');
		expect(result.requestsWithMatches.map((r) => [r.request.id, r.matches])).toEqual([[ids.request, 1]]);
		expect(result.owes).toBe(1.5);
		expect(result.count).toBe(result.toAnswer.length + result.toConfirm.length + 1);
	});

	it('names the five most pressing of many requests with matches, urgent and soonest first, and counts them all', () => {
		const w = new TransactionWriter();
		const offer = w.write('offer.posted', 'eidskog', { skills: ['cataloguing'], description: 'Katalogisering', days: 20, dates: [] });
		const ask = (description: string, urgency: 'planned' | 'urgent', from?: string) =>
			w.write('request.posted', 'tolga', { skills: ['cataloguing'], description, days: 1, dates: from ? [{ from, to: from }] : [], urgency });
		const posted = [ask('udatert', 'planned'), ask('mars', 'planned', '2026-03-02'), ask('haster sent', 'urgent', '2026-02-20'), ask('februar', 'planned', '2026-02-10'), ask('haster udatert', 'urgent'), ask('april', 'planned', '2026-04-01'), ask('haster snart', 'urgent', '2026-02-03'), ask('mai', 'planned', '2026-05-04')];
		const lonely = w.write('request.posted', 'tolga', { skills: ['makerspace'], description: 'Ingen kan', days: 1, dates: [], urgency: 'urgent' });
		const state = fold([offer, ...posted, lonely]);
		const result = agendaFor({ library: 'tolga', today: '2026-02-01', exchanges: [], requests: [...state.requests.values()], offerGroups: openOfferGroups(state.offers.values()), people: [], libraries });
		expect(result.requestsWithMatches.map((r) => r.request.description)).toEqual(['haster snart', 'haster sent', 'haster udatert', 'februar', 'mars']);
		expect(result.requestsWithMatches.every((r) => r.matches === 1)).toBe(true);
		expect(result.requestsWithMatchesCount).toBe(8);
		expect(result.count).toBe(8);
	});

	it('gives today in local time', () => {
		expect(localToday(new Date(2026, 0, 9, 23, 30))).toBe('2026-01-09');
	});
	it('shows a collision to both parties of both agreements', () => {
		const w = new TransactionWriter();
		const request = w.write('request.posted', 'tolga', { skills: ['cataloguing'], description: 'Hjelp', days: 1, dates: [aWeek], urgency: 'urgent' });
		const fromOs = w.write('request.answered', 'os', { request: idOf(request), days: 1 });
		const fromEidskog = w.write('request.answered', 'eidskog', { request: idOf(request), days: 1 });
		const tablet = new TransactionWriter('tolgatablet01').write('exchange.accepted', 'tolga', { exchange: idOf(fromOs) });
		const desk = new TransactionWriter('tolgadesk0001').write('exchange.accepted', 'tolga', { exchange: idOf(fromEidskog) });
		const state = fold([request, fromOs, fromEidskog, tablet, desk]);
		const of = (library: string) =>
			agendaFor({ library, today: '2026-02-01', exchanges: [...state.exchanges.values()], requests: [...state.requests.values()], offerGroups: [], people: [], libraries }).collisions.map((e) => e.id).sort();
		expect(of('tolga')).toEqual([idOf(fromOs), idOf(fromEidskog)].sort());
		expect(of('os')).toEqual([idOf(fromOs)]);
		expect(of('eidskog')).toEqual([idOf(fromEidskog)]);
	});
});
