import { describe, expect, it } from 'vitest';
import { addTransaction, fold } from './fold';
import { balanceOf, committedOf, reservedOf, statementOf, totalOfBalances } from './ledger';
import { aWeek, county, idOf, TransactionWriter } from './test-transactions';

const noTravel = { km: 0, tolls: 0, meals: 0 };

function offerFlow() {
	const w = new TransactionWriter();
	const offer = w.write('offer.posted', 'eidskog', { skills: ['cataloguing'], description: 'Katalogisering', days: 2, dates: [] });
	const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 2, dates: aWeek });
	const accept = w.write('exchange.accepted', 'eidskog', { exchange: idOf(proposal) });
	return { w, offer, proposal, accept };
}

function requestFlow() {
	const w = new TransactionWriter();
	const request = w.write('request.posted', 'tolga', { skills: ['events'], description: 'Sommerles', days: 1, dates: [aWeek], urgency: 'planned' });
	const answer = w.write('request.answered', 'hamar', { request: idOf(request), days: 1, note: 'Vi kommer gjerne' });
	const accept = w.write('exchange.accepted', 'tolga', { exchange: idOf(answer) });
	return { w, request, answer, accept };
}

describe('offers', () => {
	it('are open and undated when posted without dates', () => {
		const { offer } = offerFlow();
		expect(fold([offer]).offers.get(idOf(offer))).toMatchObject({ library: 'eidskog', status: 'open', dates: [], daysTaken: 0 });
	});

	it('are paused, resumed and withdrawn only by their own library; a withdrawal is final', () => {
		const { w, offer } = offerFlow();
		const foreign = w.write('offer.withdrawn', 'hamar', { offer: idOf(offer) });
		const pause = w.write('offer.paused', 'eidskog', { offer: idOf(offer) });
		const paused = fold([offer, foreign, pause]);
		expect(paused.rejected.get(idOf(foreign))?.code).toBe('not-owner');
		expect(paused.offers.get(idOf(offer))?.status).toBe('paused');
		const resume = w.write('offer.resumed', 'eidskog', { offer: idOf(offer) });
		expect(fold([offer, pause, resume]).offers.get(idOf(offer))?.status).toBe('open');
		const withdraw = w.write('offer.withdrawn', 'eidskog', { offer: idOf(offer) });
		const resumeAgain = w.write('offer.resumed', 'eidskog', { offer: idOf(offer) });
		expect(fold([offer, pause, resume, withdraw, resumeAgain]).offers.get(idOf(offer))?.status).toBe('withdrawn');
	});

	it('take the terms of their newest revision, whatever order revisions arrive in', () => {
		const { w, offer } = offerFlow();
		const first = w.write('offer.revised', 'eidskog', { offer: idOf(offer), skills: ['weeding'], description: 'Luking', days: 3, dates: [] });
		const second = w.write('offer.revised', 'eidskog', { offer: idOf(offer), skills: ['shelving'], description: 'Hylling', days: 4, dates: [] });
		for (const order of [[offer, first, second], [second, offer, first]]) {
			expect(fold(order).offers.get(idOf(offer))).toMatchObject({ description: 'Hylling', days: 4, updated: idOf(second) });
		}
	});

	it('cannot be proposed to by their own library', () => {
		const { w, offer } = offerFlow();
		const own = w.write('exchange.proposed', 'eidskog', { offer: idOf(offer), days: 1, dates: aWeek });
		expect(fold([offer, own]).rejected.get(idOf(own))?.code).toBe('own-offer');
	});

	it('are taken when agreements use all their days, and reopen when one is cancelled', () => {
		const { w, offer, proposal, accept } = offerFlow();
		expect(fold([offer, proposal, accept]).offers.get(idOf(offer))).toMatchObject({ status: 'taken', daysTaken: 2 });
		const cancel = w.write('exchange.cancelled', 'tolga', { exchange: idOf(proposal), reason: 'Flyttet' });
		const reopened = fold([offer, proposal, accept, cancel]);
		expect(reopened.offers.get(idOf(offer))).toMatchObject({ status: 'open', daysTaken: 0 });
		expect(reopened.exchanges.get(idOf(proposal))).toMatchObject({ status: 'cancelled', reason: 'Flyttet', ending: { kind: 'cancelled', by: 'tolga' } });
		expect(committedOf(reopened, 'tolga')).toBe(0);
	});
});

describe('requests', () => {
	it('are answered by other libraries, and filled when the host accepts an answer', () => {
		const { request, answer, accept } = requestFlow();
		const answered = fold([request, answer]);
		expect(answered.requests.get(idOf(request))?.status).toBe('open');
		expect(answered.exchanges.get(idOf(answer))).toMatchObject({ status: 'proposed', provider: 'hamar', host: 'tolga', proposedBy: 'hamar', note: 'Vi kommer gjerne', dates: aWeek });
		const filled = fold([request, answer, accept]);
		expect(filled.requests.get(idOf(request))).toMatchObject({ status: 'filled', filledBy: idOf(answer) });
		expect(filled.exchanges.get(idOf(answer))).toMatchObject({ status: 'accepted', agreedBy: idOf(accept) });
		expect(committedOf(filled, 'tolga')).toBe(1);
	});

	it('cannot be answered by the asking library, nor accepted by the answering one', () => {
		const { w, request, answer } = requestFlow();
		const own = w.write('request.answered', 'tolga', { request: idOf(request), days: 1 });
		const selfAccept = w.write('exchange.accepted', 'hamar', { exchange: idOf(answer) });
		const state = fold([request, answer, own, selfAccept]);
		expect(state.rejected.get(idOf(own))?.code).toBe('own-request');
		expect(state.rejected.get(idOf(selfAccept))).toMatchObject({ code: 'not-counterparty', params: { library: 'tolga' } });
		expect(state.exchanges.get(idOf(answer))?.status).toBe('proposed');
	});

	it('reopen when the agreement is cancelled, so another answer can be accepted', () => {
		const { w, request, answer, accept } = requestFlow();
		const cancel = w.write('exchange.cancelled', 'hamar', { exchange: idOf(answer), reason: 'Syk' });
		const other = w.write('request.answered', 'elverum', { request: idOf(request), days: 1 });
		const state = fold([request, answer, accept, cancel, other]);
		expect(state.requests.get(idOf(request))?.status).toBe('open');
		const acceptOther = w.write('exchange.accepted', 'tolga', { exchange: idOf(other) });
		expect(fold([request, answer, accept, cancel, other, acceptOther]).requests.get(idOf(request))).toMatchObject({ status: 'filled', filledBy: idOf(other) });
	});

	it('keep an agreement the host made as it withdrew the request on another device', () => {
		const { w, request, answer, accept } = requestFlow();
		const withdraw = w.write('request.withdrawn', 'tolga', { request: idOf(request) });
		const state = fold([request, answer, withdraw, accept]);
		expect(state.exchanges.get(idOf(answer))?.status).toBe('accepted');
		expect(state.requests.get(idOf(request))?.status).toBe('filled');
		expect(fold([request, withdraw]).requests.get(idOf(request))?.status).toBe('withdrawn');
	});
});

describe('exchanges', () => {
	it('are answered only by the counterparty: a decline ends the proposal, a withdrawal by the proposer too', () => {
		const { w, offer, proposal } = offerFlow();
		const stranger = w.write('exchange.declined', 'hamar', { exchange: idOf(proposal) });
		const decline = w.write('exchange.declined', 'eidskog', { exchange: idOf(proposal), reason: 'Ikke den uka' });
		const declined = fold([offer, proposal, stranger, decline]);
		expect(declined.rejected.get(idOf(stranger))?.code).toBe('not-counterparty');
		expect(declined.exchanges.get(idOf(proposal))).toMatchObject({ status: 'declined', reason: 'Ikke den uka' });
		const notProposer = w.write('exchange.withdrawn', 'eidskog', { exchange: idOf(proposal) });
		const withdraw = w.write('exchange.withdrawn', 'tolga', { exchange: idOf(proposal) });
		const withdrawn = fold([offer, proposal, notProposer, withdraw]);
		expect(withdrawn.rejected.get(idOf(notProposer))?.code).toBe('not-proposer');
		expect(withdrawn.exchanges.get(idOf(proposal))?.status).toBe('withdrawn');
		expect(reservedOf(withdrawn, 'tolga')).toBe(0);
	});

	it('reserve the host\'s credit while proposed, and commit it once accepted', () => {
		const { offer, proposal, accept } = offerFlow();
		const proposed = fold([offer, proposal]);
		expect(reservedOf(proposed, 'tolga')).toBe(2);
		expect(committedOf(proposed, 'tolga')).toBe(0);
		const agreed = fold([offer, proposal, accept]);
		expect(reservedOf(agreed, 'tolga')).toBe(0);
		expect(committedOf(agreed, 'tolga')).toBe(2);
	});

	it('stand against a withdrawal they crossed: an acceptance beats it, and the withdrawal says why', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const withdraw = w.write('exchange.withdrawn', 'tolga', { exchange: idOf(proposal) });
		const state = fold([offer, proposal, withdraw, accept]);
		expect(state.exchanges.get(idOf(proposal))?.status).toBe('accepted');
		expect(state.rejected.get(idOf(withdraw))).toMatchObject({ code: 'exchange-accepted', params: { library: 'eidskog' } });
	});

	it('are completed only by the host, for no more days than agreed, naming the provider as recorded', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const byProvider = w.write('exchange.completed', 'eidskog', { exchange: idOf(proposal), provider: 'eidskog', days: 2, travel: noTravel });
		const tooMany = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 2.5, travel: noTravel });
		const wrongProvider = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'hamar', days: 2, travel: noTravel });
		const complete = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 1.5, travel: { km: 120, tolls: 0, meals: 200 } });
		const state = fold([offer, proposal, accept, byProvider, tooMany, wrongProvider, complete]);
		expect(state.rejected.get(idOf(byProvider))?.code).toBe('only-host-completes');
		expect(state.rejected.get(idOf(tooMany))?.code).toBe('more-than-agreed');
		expect(state.rejected.get(idOf(wrongProvider))?.code).toBe('not-as-recorded');
		expect(state.exchanges.get(idOf(proposal))).toMatchObject({ status: 'completed', daysWorked: 1.5, completion: idOf(complete), travel: { km: 120 } });
		expect(balanceOf(state, 'eidskog')).toBe(1.5);
		expect(balanceOf(state, 'tolga')).toBe(-1.5);
		expect(committedOf(state, 'tolga')).toBe(0);
	});

	it('cannot be completed before they are agreed; a confirmation that came first counts once the acceptance arrives', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const complete = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 2, travel: noTravel });
		const early = fold([offer, proposal, complete]);
		expect(early.rejected.get(idOf(complete))?.code).toBe('exchange-not-accepted');
		expect(balanceOf(early, 'eidskog')).toBe(0);
		const state = early;
		addTransaction(state, accept);
		expect(state.rejected.has(idOf(complete))).toBe(false);
		expect(balanceOf(state, 'eidskog')).toBe(2);
	});

	it('wait for what they refer to: an acceptance that arrives before its proposal is taken when the proposal comes', () => {
		const { offer, proposal, accept } = offerFlow();
		const state = fold([accept, offer]);
		expect(state.rejected.get(idOf(accept))).toMatchObject({ code: 'exchange-unknown', params: { exchange: idOf(proposal) } });
		addTransaction(state, proposal);
		expect(state.rejected.size).toBe(0);
		expect(state.exchanges.get(idOf(proposal))?.status).toBe('accepted');
	});
});

describe('reversals and the ledger', () => {
	it('are the county\'s alone, undo exactly the confirmation they name, and keep both in the statements', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const complete = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 2, travel: noTravel });
		const recorded = { exchange: idOf(proposal), completion: idOf(complete), provider: 'eidskog', host: 'tolga', days: 2, reason: 'Feil' };
		const wrongDays = w.write('exchange.reversed', county, { ...recorded, days: 1 });
		const wrongHost = w.write('exchange.reversed', county, { ...recorded, host: 'hamar' });
		const reversal = w.write('exchange.reversed', county, recorded);
		const again = w.write('exchange.reversed', county, { ...recorded, reason: 'Igjen' });
		const state = fold([offer, proposal, accept, complete, wrongDays, wrongHost, reversal, again]);
		expect(state.rejected.get(idOf(wrongDays))?.code).toBe('not-as-recorded');
		expect(state.rejected.get(idOf(wrongHost))?.code).toBe('not-as-recorded');
		expect(state.rejected.get(idOf(again))?.code).toBe('duplicate');
		expect(state.exchanges.get(idOf(proposal))).toMatchObject({ status: 'reversed', reason: 'Feil' });
		expect(statementOf(state, 'eidskog').map((e) => [e.kind, e.delta, e.balance])).toEqual([
			['credit', 2, 2],
			['reversal', -2, 0]
		]);
		expect(totalOfBalances(state)).toBe(0);
	});

	it('let the host confirm again after a reversal (the right days this time)', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const wrong = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 2, travel: noTravel });
		const reversal = w.write('exchange.reversed', county, { exchange: idOf(proposal), completion: idOf(wrong), provider: 'eidskog', host: 'tolga', days: 2, reason: 'Bare én dag' });
		const right = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 1, travel: noTravel });
		const state = fold([offer, proposal, accept, wrong, reversal, right]);
		expect(state.exchanges.get(idOf(proposal))).toMatchObject({ status: 'completed', daysWorked: 1, completion: idOf(right) });
		expect(balanceOf(state, 'eidskog')).toBe(1);
	});

	it('count travel as paid only for confirmed exchanges, marked by the county', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const early = w.write('travel.paid', county, { exchanges: [idOf(proposal)] });
		const forged = w.write('travel.paid', 'tolga', { exchanges: [idOf(proposal)] });
		const waiting = fold([offer, proposal, accept, early, forged]);
		expect(waiting.rejected.get(idOf(early))?.code).toBe('exchange-not-completed');
		expect(waiting.rejected.get(idOf(forged))?.code).toBe('county-only');
		const complete = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 2, travel: { km: 10, tolls: 0, meals: 0 } });
		addTransaction(waiting, complete);
		expect(waiting.exchanges.get(idOf(proposal))?.travelPaid).toBe(idOf(early));
		expect(waiting.rejected.has(idOf(early))).toBe(false);
	});
});

describe('the county\'s policy', () => {
	it('is set only by the county, the newest setting in force whatever the arrival order', () => {
		const w = new TransactionWriter();
		const forged = w.write('policy.set', 'tolga', { creditLimit: 20, travelRatePerKm: 4.5, mealAllowance: 200 });
		const first = w.write('policy.set', county, { creditLimit: 3, travelRatePerKm: 4, mealAllowance: 200 });
		const second = w.write('policy.set', county, { creditLimit: 4, travelRatePerKm: 5, mealAllowance: 250 });
		expect(fold([forged]).rejected.get(idOf(forged))?.code).toBe('county-only');
		expect(fold([second, forged, first]).policy).toMatchObject({ creditLimit: 4, setBy: idOf(second) });
	});
});

describe('visit reports', () => {
	it('are written once by each side after completion, and not by others', () => {
		const { w, offer, proposal, accept } = offerFlow();
		const early = w.write('exchange.reported', 'eidskog', { exchange: idOf(proposal), done: 'Katalogiserte' });
		const complete = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 2, travel: noTravel });
		const visitor = w.write('exchange.reported', 'eidskog', { exchange: idOf(proposal), done: 'Katalogiserte 80 bøker', tips: 'Ta med egen laptop' });
		const again = w.write('exchange.reported', 'eidskog', { exchange: idOf(proposal), done: 'Enda en' });
		const host = w.write('exchange.reported', 'tolga', { exchange: idOf(proposal), done: 'Fikk ryddet etterslepet', learned: 'Nye rutiner' });
		const stranger = w.write('exchange.reported', 'hamar', { exchange: idOf(proposal), done: 'Hei' });
		const before = fold([offer, proposal, accept, early]);
		expect(before.rejected.get(idOf(early))?.code).toBe('exchange-not-completed');
		const state = fold([offer, proposal, accept, complete, visitor, again, host, stranger]);
		expect(state.rejected.get(idOf(again))?.code).toBe('report-exists');
		expect(state.rejected.get(idOf(stranger))?.code).toBe('not-party');
		expect(state.exchanges.get(idOf(proposal))?.reports.map((r) => [r.library, r.done])).toEqual([
			['eidskog', 'Katalogiserte 80 bøker'],
			['tolga', 'Fikk ryddet etterslepet']
		]);
	});
});

describe('folding', () => {
	it('ignores duplicates', () => {
		const { offer, proposal, accept } = offerFlow();
		const state = fold([offer, proposal, accept, accept, offer]);
		expect(state.count).toBe(3);
		expect(state.rejected.size).toBe(0);
	});
});
