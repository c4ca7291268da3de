import { describe, expect, it } from 'vitest';
import { OutOfOrderError, applyNewer, fold } from './fold';
import { balanceOf, committedOf, statementOf, totalOfBalances } from './ledger';
import { aWeek, county, idOf, TransactionWriter } from './test-transactions';
import type { Transaction } from './transactions';

const noTravel = { km: 0, tolls: 0, meals: 0 };

function offerFlow() {
	const w = new TransactionWriter();
	const offer = w.write('offer.posted', 'eidskog', {
		skills: ['cataloguing'],
		description: 'Katalogisering en dag',
		days: 2,
		dates: []
	});
	const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 2, dates: aWeek });
	const accept = w.write('exchange.accepted', 'eidskog', { exchange: idOf(proposal) });
	return { w, offer, proposal, accept };
}

describe('offers', () => {
	it('are open and undated when posted without dates', () => {
		const { offer } = offerFlow();
		const state = fold([offer]);
		expect(state.offers.get(idOf(offer))).toMatchObject({ library: 'eidskog', status: 'open', dates: [], daysTaken: 0 });
	});

	it('can be paused, resumed and withdrawn only by their own library', () => {
		const { w, offer } = offerFlow();
		const foreign = w.write('offer.withdrawn', 'hamar', { offer: idOf(offer) });
		const pause = w.write('offer.paused', 'eidskog', { offer: idOf(offer) });
		const pausedState = fold([offer, foreign, pause]);
		expect(pausedState.rejected.get(idOf(foreign))?.code).toBe('not-owner');
		expect(pausedState.offers.get(idOf(offer))?.status).toBe('paused');

		const resume = w.write('offer.resumed', 'eidskog', { offer: idOf(offer) });
		const withdraw = w.write('offer.withdrawn', 'eidskog', { offer: idOf(offer) });
		const revise = w.write('offer.revised', 'eidskog', { offer: idOf(offer), skills: ['weeding'], description: 'x', days: 1, dates: [] });
		const state = fold([offer, pause, resume, withdraw, revise]);
		expect(state.offers.get(idOf(offer))?.status).toBe('withdrawn');
		expect(state.rejected.get(idOf(revise))?.code).toBe('offer-withdrawn');
	});

	it('cannot be proposed to by their own library or while paused', () => {
		const { w, offer } = offerFlow();
		const own = w.write('exchange.proposed', 'eidskog', { offer: idOf(offer), days: 1, dates: aWeek });
		const pause = w.write('offer.paused', 'eidskog', { offer: idOf(offer) });
		const late = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: aWeek });
		const state = fold([offer, own, pause, late]);
		expect(state.rejected.get(idOf(own))?.code).toBe('own-offer');
		expect(state.rejected.get(idOf(late))?.code).toBe('offer-not-open');
	});

	it('are taken when accepted exchanges use all their days, and reopen when one is cancelled', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const taken = fold([offer, proposal, accept]);
		expect(taken.offers.get(idOf(offer))).toMatchObject({ status: 'taken', daysTaken: 2 });

		const cancel = w.write('exchange.cancelled', 'tolga', { exchange: idOf(proposal) });
		const reopened = fold([offer, proposal, accept, cancel]);
		expect(reopened.offers.get(idOf(offer))).toMatchObject({ status: 'open', daysTaken: 0 });
		expect(committedOf(reopened, 'tolga')).toBe(0);
	});

	it('refuse a revision below the days already promised', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const revise = w.write('offer.revised', 'eidskog', { offer: idOf(offer), skills: ['weeding'], description: 'x', days: 1, dates: [] });
		const state = fold([offer, proposal, accept, revise]);
		expect(state.rejected.get(idOf(revise))).toMatchObject({ code: 'offer-days-below-taken', params: { taken: 2 } });
	});
});

describe('the exchange lifecycle', () => {
	it('credits the provider and debits the host by the days the host confirms', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const complete = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 1.5, travel: { km: 180, tolls: 60, meals: 200 } });
		const state = fold([offer, proposal, accept, complete]);
		expect(balanceOf(state, 'eidskog')).toBe(1.5);
		expect(balanceOf(state, 'tolga')).toBe(-1.5);
		expect(totalOfBalances(state)).toBe(0);
		expect(committedOf(state, 'tolga')).toBe(0);
		expect(state.exchanges.get(idOf(proposal))).toMatchObject({ status: 'completed', daysWorked: 1.5, travel: { km: 180 } });
		expect(statementOf(state, 'tolga')).toEqual([
			expect.objectContaining({ exchange: idOf(proposal), delta: -1.5, balance: -1.5, counterparty: 'eidskog', kind: 'debit' })
		]);
	});

	it('lets only the host complete: nobody credits themselves', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const selfCredit = w.write('exchange.completed', 'eidskog', { exchange: idOf(proposal), provider: 'eidskog', days: 2, travel: noTravel });
		const state = fold([offer, proposal, accept, selfCredit]);
		expect(state.rejected.get(idOf(selfCredit))).toMatchObject({ code: 'only-host-completes', params: { library: 'tolga' } });
		expect(balanceOf(state, 'eidskog')).toBe(0);
	});

	it('lets only the other party accept or decline a proposal', () => {
		const { w, offer, proposal } = offerFlow();
		const ownAccept = w.write('exchange.accepted', 'tolga', { exchange: idOf(proposal) });
		const stranger = w.write('exchange.declined', 'hamar', { exchange: idOf(proposal) });
		const decline = w.write('exchange.declined', 'eidskog', { exchange: idOf(proposal), reason: 'Ikke den uka' });
		const state = fold([offer, proposal, ownAccept, stranger, decline]);
		expect(state.rejected.get(idOf(ownAccept))?.code).toBe('not-counterparty');
		expect(state.rejected.get(idOf(stranger))?.code).toBe('not-counterparty');
		expect(state.exchanges.get(idOf(proposal))).toMatchObject({ status: 'declined', reason: 'Ikke den uka' });
	});

	it('refuses to confirm more days than were agreed', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const tooMany = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 2.5, travel: noTravel });
		expect(fold([offer, proposal, accept, tooMany]).rejected.get(idOf(tooMany))).toMatchObject({ code: 'more-than-agreed', params: { days: 2 } });
	});

	it('resolves a cancellation racing a completion by the earlier transaction', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const cancel = w.write('exchange.cancelled', 'eidskog', { exchange: idOf(proposal) });
		const complete = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 2, travel: noTravel });
		const state = fold([complete, cancel, accept, proposal, offer]);
		expect(state.exchanges.get(idOf(proposal))?.status).toBe('cancelled');
		expect(state.rejected.get(idOf(complete))).toMatchObject({ code: 'exchange-not-accepted', params: { status: 'cancelled' } });
		expect(balanceOf(state, 'tolga')).toBe(0);
	});

	it('lets the county reverse a completion, restoring both balances and keeping the audit trail', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const complete = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 2, travel: noTravel });
		const recorded = { exchange: idOf(proposal), completion: idOf(complete), provider: 'eidskog', host: 'tolga', days: 2 };
		const forged = w.write('exchange.reversed', 'tolga', { ...recorded, reason: 'Vi angrer' });
		const reverse = w.write('exchange.reversed', county, { ...recorded, reason: 'Feil bibliotek' });
		const state = fold([offer, proposal, accept, complete, forged, reverse]);
		expect(state.rejected.get(idOf(forged))?.code).toBe('county-only');
		expect(balanceOf(state, 'tolga')).toBe(0);
		expect(balanceOf(state, 'eidskog')).toBe(0);
		expect(statementOf(state, 'eidskog').map((e) => e.delta)).toEqual([2, -2]);
		expect(state.exchanges.get(idOf(proposal))?.history).toHaveLength(4);
	});
});

describe('open requests', () => {
	function requestFlow() {
		const w = new TransactionWriter();
		const request = w.write('request.posted', 'tolga', { skills: ['front-desk'], description: 'Skranke', days: 1, dates: [aWeek], urgency: 'urgent' });
		return { w, request };
	}

	it('are filled by the first acceptance; the later one is told who came first', () => {
		const { w, request } = requestFlow();
		const hamar = w.write('request.accepted', 'hamar', { request: idOf(request) });
		const elverum = w.write('request.accepted', 'elverum', { request: idOf(request) });
		const state = fold([elverum, request, hamar]);
		expect(state.requests.get(idOf(request))).toMatchObject({ status: 'filled', filledBy: idOf(hamar) });
		expect(state.exchanges.get(idOf(hamar))).toMatchObject({ status: 'accepted', provider: 'hamar', host: 'tolga', days: 1 });
		expect(state.rejected.get(idOf(elverum))).toMatchObject({ code: "request-taken", target: idOf(request), params: { library: "hamar" } });
		expect(state.exchanges.has(idOf(elverum))).toBe(false);
	});

	it('cannot be accepted by the asking library, nor after being withdrawn', () => {
		const { w, request } = requestFlow();
		const own = w.write('request.accepted', 'tolga', { request: idOf(request) });
		const withdraw = w.write('request.withdrawn', 'tolga', { request: idOf(request) });
		const late = w.write('request.accepted', 'hamar', { request: idOf(request) });
		const state = fold([request, own, withdraw, late]);
		expect(state.rejected.get(idOf(own))?.code).toBe('own-request');
		expect(state.rejected.get(idOf(late))?.code).toBe('request-withdrawn');
	});

	it('return to the board when the agreed exchange is cancelled', () => {
		const { w, request } = requestFlow();
		const hamar = w.write('request.accepted', 'hamar', { request: idOf(request) });
		const cancel = w.write('exchange.cancelled', 'hamar', { exchange: idOf(hamar), reason: 'Syk' });
		const elverum = w.write('request.accepted', 'elverum', { request: idOf(request) });
		const state = fold([request, hamar, cancel, elverum]);
		expect(state.requests.get(idOf(request))).toMatchObject({ status: 'filled', filledBy: idOf(elverum) });
	});
});

describe('the credit limit', () => {
	it('refuses an acceptance that would take the host below the limit, counting agreed days', () => {
		const w = new TransactionWriter();
		const policy = w.write('policy.set', county, { creditLimit: 2, travelRatePerKm: 4.5, mealAllowance: 200 });
		const r1 = w.write('request.posted', 'tolga', { skills: ['weeding'], description: 'a', days: 1.5, dates: [], urgency: 'planned' });
		const r2 = w.write('request.posted', 'tolga', { skills: ['weeding'], description: 'b', days: 1, dates: [], urgency: 'planned' });
		const a1 = w.write('request.accepted', 'hamar', { request: idOf(r1) });
		const a2 = w.write('request.accepted', 'elverum', { request: idOf(r2) });
		const state = fold([policy, r1, r2, a1, a2]);
		expect(state.rejected.get(idOf(a1))).toBeUndefined();
		expect(state.rejected.get(idOf(a2))).toMatchObject({ code: 'over-limit', params: { library: 'tolga', limit: 2, available: 0.5 } });
	});

	it('is set only by the county', () => {
		const w = new TransactionWriter();
		const forged = w.write('policy.set', 'tolga', { creditLimit: 20, travelRatePerKm: 4.5, mealAllowance: 200 });
		const state = fold([forged]);
		expect(state.rejected.get(idOf(forged))?.code).toBe('county-only');
		expect(state.policy.creditLimit).toBe(5);
	});
});

describe('incremental apply', () => {
	it('refuses a transaction older than the newest applied, so the caller refolds', () => {
		const { offer, proposal } = offerFlow();
		const state = fold([proposal]);
		expect(() => applyNewer(state, offer as Transaction)).toThrow(OutOfOrderError);
	});

	it('refuses a completion or reversal whose parties or days differ from the exchange (the server sums them as written)', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const wrongProvider = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'hamar', days: 2, travel: noTravel });
		const complete = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 1.5, travel: noTravel });
		const recorded = { exchange: idOf(proposal), completion: idOf(complete), provider: 'eidskog', host: 'tolga', days: 1.5, reason: 'Feil' };
		const wrongDays = w.write('exchange.reversed', county, { ...recorded, days: 2 });
		const wrongHost = w.write('exchange.reversed', county, { ...recorded, host: 'hamar' });
		const wrongCompletion = w.write('exchange.reversed', county, { ...recorded, completion: idOf(accept) });
		const state = fold([offer, proposal, accept, wrongProvider, complete, wrongDays, wrongHost, wrongCompletion]);
		for (const tx of [wrongProvider, wrongDays, wrongHost, wrongCompletion]) expect(state.rejected.get(idOf(tx))?.code).toBe('not-as-recorded');
		expect(state.exchanges.get(idOf(proposal))?.status).toBe('completed');
		expect(balanceOf(state, 'eidskog')).toBe(1.5);
	});

	it('ignores duplicates in a full fold', () => {
		const { offer, proposal, accept } = offerFlow();
		const state = fold([offer, proposal, accept, accept, offer]);
		expect(state.count).toBe(3);
		expect(state.rejected.size).toBe(0);
	});
});

describe('visit reports', () => {
	it('may be written once by each side after completion, and not before', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const early = w.write('exchange.reported', 'eidskog', { exchange: idOf(proposal), done: 'Katalogiserte' });
		const complete = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 2, travel: noTravel });
		const visitor = w.write('exchange.reported', 'eidskog', { exchange: idOf(proposal), done: 'Katalogiserte 80 bøker', tips: 'Ta med egen laptop' });
		const again = w.write('exchange.reported', 'eidskog', { exchange: idOf(proposal), done: 'Enda en' });
		const host = w.write('exchange.reported', 'tolga', { exchange: idOf(proposal), done: 'Fikk ryddet etterslepet', learned: 'Nye rutiner for plasting' });
		const stranger = w.write('exchange.reported', 'hamar', { exchange: idOf(proposal), done: 'Hei' });
		const state = fold([offer, proposal, accept, early, complete, visitor, again, host, stranger]);
		expect(state.rejected.get(idOf(early))?.code).toBe('exchange-not-completed');
		expect(state.rejected.get(idOf(again))?.code).toBe('report-exists');
		expect(state.rejected.get(idOf(stranger))?.code).toBe('not-party');
		expect(state.exchanges.get(idOf(proposal))?.reports).toEqual([
			{ tx: idOf(visitor), library: 'eidskog', done: 'Katalogiserte 80 bøker', learned: undefined, tips: 'Ta med egen laptop' },
			{ tx: idOf(host), library: 'tolga', done: 'Fikk ryddet etterslepet', learned: 'Nye rutiner for plasting', tips: undefined }
		]);
		expect(state.exchanges.get(idOf(proposal))?.skills).toEqual(['cataloguing']);
	});
});
