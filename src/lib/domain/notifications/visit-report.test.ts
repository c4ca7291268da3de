import { describe, expect, it } from 'vitest';
import { aWeek, idOf, TransactionWriter } from '../test-transactions';
import { contextOf, osloNoon } from './test-county';
import { visitReportNotices } from './visit-report';

// Os visits Tolga; Tolga (the host) confirms the days on 5 January 2026 (the writer's clock).
function confirmed() {
	const w = new TransactionWriter();
	const offer = w.write('offer.posted', 'os', { skills: ['cataloguing'], description: 'Ola katalogiserer', days: 5, dates: [] });
	const proposal = w.write('exchange.proposed', 'tolga', { offer: idOf(offer), days: 5, dates: aWeek });
	const accepted = w.write('exchange.accepted', 'os', { exchange: idOf(proposal) });
	const completed = w.write('exchange.completed', 'tolga', { exchange: idOf(proposal), provider: 'os', days: 5, travel: { km: 30, tolls: 0, meals: 0 } });
	return { w, proposal, all: [offer, proposal, accepted, completed] };
}

const addresses = (all: Parameters<typeof contextOf>[0], day: string) => visitReportNotices(contextOf(all, osloNoon(day))).map((n) => n.to.address).sort();

describe('write the visit report', () => {
	it('reminds both parties from the day after the days were confirmed, not the same day', () => {
		const { all } = confirmed();
		expect(addresses(all, '2026-01-05')).toEqual([]);
		expect(addresses(all, '2026-01-06')).toEqual(['post@os.example', 'tove@tolga.example']);
	});

	it('stops reminding a party once it has written its report, and keeps one key for the exchange', () => {
		const { w, proposal, all } = confirmed();
		const report = w.write('exchange.reported', 'os', { exchange: idOf(proposal), done: 'Katalogiserte 80 bøker' });
		expect(addresses([...all, report], '2026-01-06')).toEqual(['tove@tolga.example']);
		const key = (day: string) => visitReportNotices(contextOf(all, osloNoon(day))).find((n) => n.to.library === 'tolga')!.key;
		expect(key('2026-01-06')).toBe(key('2026-02-20'));
	});

	it('says nothing of an agreement not yet confirmed', () => {
		const { all } = confirmed();
		expect(addresses(all.slice(0, 3), '2026-03-20')).toEqual([]);
	});
});
