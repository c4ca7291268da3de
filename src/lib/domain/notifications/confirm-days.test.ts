import { describe, expect, it } from 'vitest';
import { aWeek, idOf, TransactionWriter } from '../test-transactions';
import { confirmDaysNotices } from './confirm-days';
import { contextOf, osloNoon } from './test-county';

function visit() {
	const w = new TransactionWriter();
	const offer = w.write('offer.posted', 'os', { skills: ['cataloguing'], description: 'Ola katalogiserer', days: 5, dates: [] });
	const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 5, dates: aWeek });
	const accepted = w.write('exchange.accepted', 'os', { exchange: idOf(proposal) });
	return { w, proposal, all: [offer, proposal, accepted] };
}

const stages = (all: Parameters<typeof contextOf>[0], day: string) => confirmDaysNotices(contextOf(all, osloNoon(day))).map((n) => [n.to.address, n.params.stage]);

describe('confirm the days worked', () => {
	it('reminds the host (only) the day after the visit, and again a week later', () => {
		const { all } = visit(); // the visit is 2–6 March
		expect(stages(all, '2026-03-06')).toEqual([]);
		expect(stages(all, '2026-03-07')).toEqual([['tove@tolga.example', 'day']]);
		expect(stages(all, '2026-03-13')).toEqual([['tove@tolga.example', 'day']]);
		expect(stages(all, '2026-03-14')).toEqual([['tove@tolga.example', 'week']]);
	});

	it('stops once the host has confirmed', () => {
		const { w, proposal, all } = visit();
		const completed = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'os', days: 5, travel: { km: 30, tolls: 0, meals: 0 } });
		expect(stages([...all, completed], '2026-03-14')).toEqual([]);
	});

	it('gives the two reminders different keys, the same key each day of one stage', () => {
		const { all } = visit();
		const key = (day: string) => confirmDaysNotices(contextOf(all, osloNoon(day)))[0]!.key;
		expect(key('2026-03-07')).toBe(key('2026-03-10'));
		expect(key('2026-03-14')).not.toBe(key('2026-03-07'));
	});
});
