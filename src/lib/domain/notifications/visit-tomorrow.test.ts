import { describe, expect, it } from 'vitest';
import { idOf, TransactionWriter } from '../test-transactions';
import type { Transaction } from '../transactions';
import { contextOf, osloNoon } from './test-county';
import { visitTomorrowNotices } from './visit-tomorrow';

function agreed(extra: 'cancel' | 'none' = 'none') {
	const w = new TransactionWriter();
	const offer = w.write('offer.posted', 'tolga', { skills: ['cataloguing'], description: 'Tove katalogiserer', days: 2, dates: [] });
	const proposal = w.write('exchange.proposed', 'os', { offer: idOf(offer), days: 1, dates: { from: '2026-03-03', to: '2026-03-03' } });
	const accepted = w.write('exchange.accepted', 'tolga', { exchange: idOf(proposal) });
	const all: Transaction[] = [offer, proposal, accepted];
	if (extra === 'cancel') all.push(w.write('exchange.cancelled', 'os', { exchange: idOf(proposal) }));
	return all;
}

describe('the visit tomorrow', () => {
	it('reminds both the host and the visiting library on the day before, and only then', () => {
		const notices = visitTomorrowNotices(contextOf(agreed(), osloNoon('2026-03-02')));
		expect(notices.map((n) => [n.to.address, n.params.role]).sort()).toEqual([['post@os.example', 'host'], ['tove@tolga.example', 'provider']]);
		expect(visitTomorrowNotices(contextOf(agreed(), osloNoon('2026-03-01')))).toEqual([]);
		expect(visitTomorrowNotices(contextOf(agreed(), osloNoon('2026-03-03')))).toEqual([]);
	});

	it('counts "tomorrow" in the county’s time zone: 23:30 in Oslo is already the next day in UTC terms', () => {
		// 2026-03-01 23:30 UTC is 2026-03-02 00:30 in Oslo: the visit (3 March) is tomorrow there.
		expect(visitTomorrowNotices(contextOf(agreed(), Date.parse('2026-03-01T23:30:00Z')))).toHaveLength(2);
	});

	it('says nothing about a cancelled agreement', () => {
		expect(visitTomorrowNotices(contextOf(agreed('cancel'), osloNoon('2026-03-02')))).toEqual([]);
	});
});
