import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { preflight } from './preflight';
import { aWeek, county, idOf, TransactionWriter } from './test-transactions';

function bank() {
	const w = new TransactionWriter();
	const policy = w.write('policy.set', county, { creditLimit: 2, travelRatePerKm: 4, mealAllowance: 200 });
	const offer = w.write('offer.posted', 'eidskog', { skills: ['cataloguing'], description: 'Katalog', days: 2, dates: [] });
	const request = w.write('request.posted', 'tolga', { skills: ['events'], description: 'Sommerles', days: 1, dates: [], urgency: 'planned' });
	const answer = w.write('request.answered', 'hamar', { request: idOf(request), days: 1 });
	return { w, policy, offer, request, answer, txs: [policy, offer, request, answer] };
}

describe('the preflight, before a device writes', () => {
	it('refuses a proposal past the host\'s limit, counting what its other proposals reserve', () => {
		const { w, offer, txs } = bank();
		const first = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1.5, dates: aWeek });
		const state = fold([...txs, first]);
		expect(preflight(state, { library: 'tolga' }, { kind: 'exchange.proposed', offer: idOf(offer), days: 0.5, dates: aWeek })).toBeUndefined();
		expect(preflight(state, { library: 'tolga' }, { kind: 'exchange.proposed', offer: idOf(offer), days: 1, dates: aWeek })).toMatchObject({
			code: 'over-limit',
			params: { library: 'tolga', limit: 2, available: 0.5 }
		});
	});

	it('refuses more days than an offer has left, and proposals to one\'s own or a paused offer', () => {
		const { w, offer, txs } = bank();
		const pause = w.write('offer.paused', 'eidskog', { offer: idOf(offer) });
		const state = fold(txs);
		expect(preflight(state, { library: 'hamar' }, { kind: 'exchange.proposed', offer: idOf(offer), days: 2.5, dates: aWeek })?.code).toBe('offer-too-few-days');
		expect(preflight(state, { library: 'eidskog' }, { kind: 'exchange.proposed', offer: idOf(offer), days: 1, dates: aWeek })?.code).toBe('own-offer');
		expect(preflight(fold([...txs, pause]), { library: 'hamar' }, { kind: 'exchange.proposed', offer: idOf(offer), days: 1, dates: aWeek })?.code).toBe('offer-not-open');
	});

	it('refuses answering a request twice, answering one\'s own, and accepting a second answer', () => {
		const { w, request, answer, txs } = bank();
		const state = fold(txs);
		expect(preflight(state, { library: 'hamar' }, { kind: 'request.answered', request: idOf(request), days: 1 })?.code).toBe('already-answered');
		expect(preflight(state, { library: 'tolga' }, { kind: 'request.answered', request: idOf(request), days: 1 })?.code).toBe('own-request');
		const other = w.write('request.answered', 'elverum', { request: idOf(request), days: 1 });
		const accept = w.write('exchange.accepted', 'tolga', { exchange: idOf(answer) });
		const filled = fold([...txs, other, accept]);
		expect(preflight(filled, { library: 'tolga' }, { kind: 'exchange.accepted', exchange: idOf(other) })).toMatchObject({ code: 'request-taken', params: { library: 'hamar' } });
		expect(preflight(filled, { library: 'grue' }, { kind: 'request.answered', request: idOf(request), days: 1 })?.code).toBe('request-taken');
	});

	it('lets only the right party act at each stage', () => {
		const { answer, txs } = bank();
		const state = fold(txs);
		expect(preflight(state, { library: 'hamar' }, { kind: 'exchange.accepted', exchange: idOf(answer) })?.code).toBe('not-counterparty');
		expect(preflight(state, { library: 'tolga' }, { kind: 'exchange.withdrawn', exchange: idOf(answer) })?.code).toBe('not-proposer');
		expect(preflight(state, { library: 'tolga' }, { kind: 'exchange.cancelled', exchange: idOf(answer) })?.code).toBe('exchange-not-active');
		expect(preflight(state, { library: 'tolga' }, { kind: 'exchange.completed', exchange: idOf(answer), provider: 'hamar', days: 1, travel: { km: 0, tolls: 0, meals: 0 } })?.code).toBe('exchange-not-accepted');
		expect(preflight(state, { library: 'tolga' }, { kind: 'policy.set', creditLimit: 9, travelRatePerKm: 1, mealAllowance: 1 })?.code).toBe('county-only');
		expect(preflight(state, { library: 'tolga' }, { kind: 'exchange.accepted', exchange: idOf(answer) })).toBeUndefined();
	});
});
