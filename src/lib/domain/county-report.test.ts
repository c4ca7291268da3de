import { describe, expect, it } from 'vitest';
import { countyReport, reimbursement, travelTotals, type TravelClaim } from './county-report';
import { fold } from './fold';
import { DEFAULT_POLICY } from './policy';
import { county, idOf, TransactionWriter } from './test-transactions';

function history() {
	// One minute between transactions: the first visit is confirmed at 23:59 on New Year's Eve, the second after midnight.
	const w = new TransactionWriter('countytest01', Date.UTC(2025, 11, 31, 23, 55));
	const txs = [];
	const visit = (provider: string, host: string, days: number, worked: number, km: number, date: string) => {
		const request = w.write('request.posted', host, { skills: ['cataloguing', 'weeding'], description: 'Hjelp', days, dates: [{ from: date, to: date }], urgency: 'planned' });
		const accept = w.write('request.answered', provider, { request: idOf(request), days });
		const agreed = w.write('exchange.accepted', host, { exchange: idOf(accept) });
		txs.push(request, accept, agreed);
		return { accept, complete: () => w.write('exchange.completed', host, { exchange: idOf(accept), provider, days: worked, travel: { km, tolls: 20, meals: 0 } }) };
	};
	const a = visit('hamar', 'tolga', 2, 1.5, 100, '2025-12-28');
	txs.push(a.complete());
	const b = visit('tolga', 'elverum', 1, 1, 50, '2026-01-05');
	const bDone = b.complete();
	txs.push(bDone);
	const stale = visit('elverum', 'hamar', 1, 1, 0, '2026-01-02');
	const paid = w.write('travel.paid', county, { exchanges: [idOf(b.accept)] });
	const forged = w.write('travel.paid', 'tolga', { exchanges: [idOf(a.accept)] });
	txs.push(paid, forged);
	return { state: fold(txs), ids: { a: idOf(a.accept), b: idOf(b.accept), stale: idOf(stale.accept), forged: idOf(forged) } };
}

describe('the county report', () => {
	const { state, ids } = history();
	const input = { exchanges: [...state.exchanges.values()], balances: state.balances, libraries: ['hamar', 'tolga', 'elverum', 'os'], policy: { ...DEFAULT_POLICY, travelRatePerKm: 3.5 }, today: '2026-02-01' };

	it('adds up days exchanged, given and received per library, matching the ledger', () => {
		const report = countyReport(input);
		expect(report.daysExchanged).toBe(2.5);
		expect(report.exchangesCompleted).toBe(2);
		expect(report.perLibrary).toEqual([
			{ library: 'elverum', given: 0, received: 1, balance: -1 },
			{ library: 'hamar', given: 1.5, received: 0, balance: 1.5 },
			{ library: 'os', given: 0, received: 0, balance: 0 },
			{ library: 'tolga', given: 1, received: 1.5, balance: -0.5 }
		]);
		expect(report.belowZero.map((l) => l.library)).toEqual(['elverum', 'tolga']);
	});

	it('splits by year, month and skill by when the days were confirmed', () => {
		expect(countyReport({ ...input, year: 2025 }).daysExchanged).toBe(1.5);
		expect(countyReport({ ...input, year: 2026 }).daysExchanged).toBe(1);
		expect(countyReport(input).perMonth).toEqual([
			{ month: '2025-12', days: 1.5 },
			{ month: '2026-01', days: 1 }
		]);
		expect(countyReport(input).perSkill).toEqual([
			{ skill: 'cataloguing', days: 2.5 },
			{ skill: 'weeding', days: 2.5 }
		]);
	});

	it('lists travel claims at the county rate, with only the county able to mark them paid', () => {
		const report = countyReport(input);
		expect(report.travel.map((c) => [c.exchange, c.library, c.amount, c.paid])).toEqual([
			[ids.a, 'hamar', 370, false],
			[ids.b, 'tolga', 195, true]
		]);
		expect(report.travelTotal).toBe(565);
		expect(state.rejected.get(ids.forged)?.code).toBe('county-only');
		expect(reimbursement({ km: 10, tolls: 1.25, meals: 0 }, { ...DEFAULT_POLICY, travelRatePerKm: 4.5 })).toBe(46.25);
	});

	it('totals claims in all, unpaid and per library, in whole øre (no floating-point crumbs)', () => {
		const claim = (library: string, amount: number, paid: boolean) => ({ library, amount, paid }) as TravelClaim;
		expect(travelTotals([claim('hamar', 0.1, false), claim('hamar', 0.2, true), claim('os', 46.25, false)])).toEqual({
			total: 46.55,
			unpaid: 46.35,
			perLibrary: [
				['os', 46.25],
				['hamar', 0.3]
			]
		});
		expect(travelTotals([])).toEqual({ total: 0, unpaid: 0, perLibrary: [] });
	});

	it('flags agreed visits still unconfirmed 14 days after their date', () => {
		expect(countyReport({ ...input, today: '2026-01-17' }).waitingForConfirmation.map((e) => e.id)).toEqual([ids.stale]);
		expect(countyReport({ ...input, today: '2026-01-16' }).waitingForConfirmation).toEqual([]);
	});
});
