import { describe, expect, it } from 'vitest';
import { county, idOf, TransactionWriter } from '../test-transactions';
import type { Transaction } from '../transactions';
import { monthlySummaryNotices, previousMonth } from './monthly-summary';
import { contextOf, osloNoon, testDirectory } from './test-county';

function withCounty() {
	const directory = testDirectory();
	const hamar = directory.libraries.get('hamar')!;
	directory.libraries.set('fylkesbiblioteket', { ...hamar, _id: 'library:fylkesbiblioteket', slug: 'fylkesbiblioteket', name: 'Fylkesbiblioteket', email: 'fylke@county.example', county: true });
	return directory;
}

// January 2026: Os works two days at Tolga and claims travel; an agreed visit in early January is never confirmed.
function january() {
	const w = new TransactionWriter();
	const offer = w.write('offer.posted', 'os', { skills: ['cataloguing'], description: 'Ola katalogiserer', days: 5, dates: [] });
	const done = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 2, dates: { from: '2026-01-06', to: '2026-01-07' } });
	const forgotten = w.write('exchange.proposed', 'hamar', { offer: idOf(offer), days: 1, dates: { from: '2026-01-08', to: '2026-01-08' } });
	const all: Transaction[] = [
		offer,
		done,
		forgotten,
		w.write('exchange.accepted', 'os', { exchange: idOf(done) }),
		w.write('exchange.accepted', 'os', { exchange: idOf(forgotten) }),
		w.write('exchange.completed', 'tolga', { exchange: idOf(done), provider: 'os', days: 2, travel: { km: 40, tolls: 20, meals: 0 } })
	];
	return { w, done, all };
}

const summaryOn = (all: Transaction[], day: string) => monthlySummaryNotices(contextOf(all, osloNoon(day), withCounty()));

describe('the county’s monthly summary', () => {
	it('names the month before, across a year', () => {
		expect(previousMonth('2026-02-01')).toBe('2026-01');
		expect(previousMonth('2026-01-31')).toBe('2025-12');
	});

	it('goes to the county library’s address only, with one key per month', () => {
		const { all } = january();
		const notices = summaryOn(all, '2026-02-01');
		expect(notices.map((n) => n.to.address)).toEqual(['fylke@county.example']);
		expect(notices[0]!.key).toBe(summaryOn(all, '2026-02-27')[0]!.key);
		expect(notices[0]!.key).not.toBe(summaryOn(all, '2026-03-01')[0]!.key);
		expect(monthlySummaryNotices(contextOf(all, osloNoon('2026-02-01')))).toEqual([]);
	});

	it('counts the month’s days, the libraries below zero and the unpaid travel', () => {
		const { all } = january();
		const summary = summaryOn(all, '2026-02-01')[0]!.summary!;
		expect(summary).toMatchObject({ month: '2026-01', days: 2, travelWaiting: 1, belowZero: [{ library: 'Tolga bibliotek', balance: -2 }] });
		expect(summary.travelAmount).toBeGreaterThan(20);
		expect(summaryOn(all, '2026-03-01')[0]!.summary!.days).toBe(0);
	});

	it('lists an agreed visit unconfirmed 14 days after its date, and forgets the travel once paid', () => {
		const { w, done, all } = january();
		expect(summaryOn(all, '2026-01-20')[0]!.summary!.unconfirmed).toEqual([]);
		const feb = summaryOn(all, '2026-02-01')[0]!.summary!;
		expect(feb.unconfirmed).toEqual([{ provider: 'Os bibliotek', host: 'Hamar bibliotek', description: 'Ola katalogiserer', from: '2026-01-08', to: '2026-01-08', link: expect.stringMatching(/^\/exchanges\//) }]);
		const paid = w.write('travel.paid', county, { exchanges: [idOf(done)] });
		expect(summaryOn([...all, paid], '2026-02-01')[0]!.summary!).toMatchObject({ travelWaiting: 0, travelAmount: 0 });
	});
});
