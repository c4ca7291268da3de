/**
 * The three stories that broke the ledger under "the earlier id wins" (issue 10), told with
 * the transactions each device would write, folded before and after the late one arrives.
 */
import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { MAX_DRIFT_MS, StampSource, isStampedAhead, observe, transactionTime } from './ids';
import { balanceOf, statementOf, totalOfBalances } from './ledger';
import { county, idOf, TransactionWriter } from './test-transactions';
import { makeTransaction, type Transaction } from './transactions';

const noTravel = { km: 0, tolls: 0, meals: 0 };
const at = (hour: number, minute: number) => Date.UTC(2026, 2, 2, hour - 1, minute);

/** One device of one library, with its own clock (which may be wrong). */
function device(id: string, library: string, wall: number) {
	const stamps = new StampSource(id);
	return <T extends Transaction['kind']>(kind: T, fields: Record<string, unknown>, now = wall) =>
		makeTransaction(stamps.next(now), { kind, by: { library }, ...fields } as never) as Extract<Transaction, { kind: T }>;
}

describe('a tablet that was offline comes back', () => {
	it('does not take a confirmed day off the ledger: Hamar came, Stange confirmed, Tolga answered offline earlier', () => {
		const stange = device('stangedesk01', 'stange', at(7, 30));
		const request = stange('request.posted', { skills: ['front-desk'], description: 'Skranke i morgen, en er syk', days: 1, dates: [], urgency: 'urgent' });
		// Tolga's tablet is offline; it answers at 08:05. Hamar, online, answers at 08:10.
		const tolgaAnswer = device('tolgatablet1', 'tolga', at(8, 5))('request.answered', { request: idOf(request), days: 1 });
		const hamarAnswer = device('hamardesk001', 'hamar', at(8, 10))('request.answered', { request: idOf(request), days: 1 });
		// Stange sees only Hamar's answer, accepts it, and three days later confirms the day.
		const accept = stange('exchange.accepted', { exchange: idOf(hamarAnswer) }, at(8, 15));
		const confirm = stange('exchange.completed', { exchange: idOf(hamarAnswer), provider: 'hamar', days: 1, travel: noTravel }, at(8, 15) + 3 * 86_400_000);

		const before = fold([request, hamarAnswer, accept, confirm]);
		expect(balanceOf(before, 'hamar')).toBe(1);
		expect(balanceOf(before, 'stange')).toBe(-1);

		const after = fold([request, hamarAnswer, accept, confirm, tolgaAnswer]);
		expect(idOf(tolgaAnswer) < idOf(hamarAnswer)).toBe(true);
		expect(balanceOf(after, 'hamar')).toBe(1);
		expect(balanceOf(after, 'stange')).toBe(-1);
		expect(after.exchanges.get(idOf(hamarAnswer))).toMatchObject({ status: 'completed', daysWorked: 1, collisions: [] });
		expect(after.rejected.has(idOf(confirm))).toBe(false);
		// Tolga holds no agreement: its answer is one Stange never accepted.
		expect(after.exchanges.get(idOf(tolgaAnswer))).toMatchObject({ status: 'proposed', provider: 'tolga', host: 'stange' });
		expect(after.requests.get(idOf(request))).toMatchObject({ status: 'filled', filledBy: idOf(hamarAnswer) });
		expect(totalOfBalances(after)).toBe(0);
	});

	it('keeps a confirmation whatever arrives later, even a cancellation stamped before it', () => {
		const w = new TransactionWriter();
		const offer = w.write('offer.posted', 'eidskog', { skills: ['cataloguing'], description: 'Katalog', days: 2, dates: [] });
		const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 2, dates: { from: '2026-03-02', to: '2026-03-03' } });
		const accept = w.write('exchange.accepted', 'eidskog', { exchange: idOf(proposal) });
		// Eidskog's tablet cancels offline; the cancellation carries an earlier stamp than the confirmation.
		const cancel = w.write('exchange.cancelled', 'eidskog', { exchange: idOf(proposal), reason: 'Syk' });
		const confirm = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 2, travel: noTravel });
		const confirmed = fold([offer, proposal, accept, confirm]);
		const late = fold([offer, proposal, accept, confirm, cancel]);
		expect(statementOf(late, 'eidskog')).toEqual(statementOf(confirmed, 'eidskog'));
		expect(late.exchanges.get(idOf(proposal))?.status).toBe('completed');
		expect(late.rejected.get(idOf(cancel))?.code).toBe('exchange-completed');
	});

	it('lets only the county undo a confirmation, by naming it', () => {
		const w = new TransactionWriter();
		const offer = w.write('offer.posted', 'eidskog', { skills: ['cataloguing'], description: 'Katalog', days: 1, dates: [] });
		const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: { from: '2026-03-02', to: '2026-03-02' } });
		const accept = w.write('exchange.accepted', 'eidskog', { exchange: idOf(proposal) });
		const confirm = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'eidskog', days: 1, travel: noTravel });
		const recorded = { exchange: idOf(proposal), completion: idOf(confirm), provider: 'eidskog', host: 'tolga', days: 1, reason: 'Feilregistrert' };
		const forged = w.write('exchange.reversed', 'tolga', recorded);
		const reversal = w.write('exchange.reversed', county, recorded);
		expect(balanceOf(fold([offer, proposal, accept, confirm, forged]), 'eidskog')).toBe(1);
		const reversed = fold([offer, proposal, accept, confirm, forged, reversal]);
		expect(balanceOf(reversed, 'eidskog')).toBe(0);
		expect(reversed.exchanges.get(idOf(proposal))?.status).toBe('reversed');
	});
});

describe('one wrong clock', () => {
	it('cannot drag other clocks into the future: a stamp five years ahead is not believed', () => {
		const now = Date.UTC(2026, 11, 2, 12);
		const future = new StampSource('brokenclock1').next(now + 5 * 365 * 86_400_000);
		const honest = new StampSource('honesttablet', { ms: now - 1000, counter: 0 });
		honest.observe(future, now);
		expect(honest.clock.ms).toBe(now - 1000);
		const next = honest.next(now);
		expect(transactionTime(next)).toBe(now);
		expect(isStampedAhead(future, now)).toBe(true);
		expect(isStampedAhead(next, now)).toBe(false);
	});

	it('is followed within the drift bound, so honest clocks that differ a little still order causally', () => {
		const now = Date.UTC(2026, 11, 2, 12);
		const ahead = new StampSource('fastclock01').next(now + MAX_DRIFT_MS - 1);
		expect(observe({ ms: now, counter: 0 }, ahead, now).ms).toBe(now + MAX_DRIFT_MS - 1);
		const tooFar = new StampSource('fastclock01').next(now + MAX_DRIFT_MS + 1);
		expect(observe({ ms: now, counter: 0 }, tooFar, now).ms).toBe(now);
	});
});

describe('a clock that is behind', () => {
	it('wins nothing: a tablet reset to 2019 answers first by id, and the host still picks who comes', () => {
		const stange = device('stangedesk01', 'stange', at(7, 30));
		const request = stange('request.posted', { skills: ['shelving'], description: 'Hylleflytting', days: 1, dates: [], urgency: 'planned' });
		const factoryDate = Date.UTC(2019, 0, 1);
		const tolga = device('tolgatablet1', 'tolga', factoryDate)('request.answered', { request: idOf(request), days: 1 });
		const hamar = device('hamardesk001', 'hamar', at(9, 0))('request.answered', { request: idOf(request), days: 1 });
		const accept = stange('exchange.accepted', { exchange: idOf(hamar) }, at(9, 30));
		for (const order of [[request, tolga, hamar, accept], [accept, hamar, request, tolga], [tolga, accept, request, hamar]]) {
			const state = fold(order);
			expect(state.exchanges.get(idOf(hamar))?.status).toBe('accepted');
			expect(state.exchanges.get(idOf(tolga))?.status).toBe('proposed');
			expect(state.requests.get(idOf(request))?.filledBy).toBe(idOf(hamar));
		}
	});

	it('cannot turn an agreement both parties saw into a rejection by declining it with an older stamp', () => {
		const w = new TransactionWriter('eidskogdev01', Date.UTC(2026, 2, 1));
		const offer = w.write('offer.posted', 'eidskog', { skills: ['cataloguing'], description: 'Katalog', days: 1, dates: [] });
		const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 1, dates: { from: '2026-03-09', to: '2026-03-09' } });
		// Eidskog's old tablet (clock a year behind) declines; its desk computer accepts.
		const decline = device('eidskogold01', 'eidskog', Date.UTC(2025, 2, 1))('exchange.declined', { exchange: idOf(proposal), reason: 'Nei' });
		const accept = w.write('exchange.accepted', 'eidskog', { exchange: idOf(proposal) });
		const state = fold([offer, proposal, accept, decline]);
		expect(state.exchanges.get(idOf(proposal))?.status).toBe('accepted');
		expect(state.rejected.get(idOf(decline))?.code).toBe('exchange-accepted');
	});
});
