import { describe, expect, it } from 'vitest';
import { aWeek, idOf, TransactionWriter } from '../test-transactions';
import { collisionNotices } from './collision';
import { contextOf, osloNoon } from './test-county';

function doubleBooked() {
	const w = new TransactionWriter();
	const request = w.write('request.posted', 'tolga', { skills: ['cataloguing'], description: 'Hjelp', days: 1, dates: [aWeek], urgency: 'urgent' });
	const fromOs = w.write('request.answered', 'os', { request: idOf(request), days: 1 });
	const fromHamar = w.write('request.answered', 'hamar', { request: idOf(request), days: 1 });
	const tablet = new TransactionWriter('tolgatablet01').write('exchange.accepted', 'tolga', { exchange: idOf(fromOs) });
	const desk = new TransactionWriter('tolgadesk0001').write('exchange.accepted', 'tolga', { exchange: idOf(fromHamar) });
	return { w, all: [request, fromOs, fromHamar, tablet, desk], fromOs, fromHamar };
}

describe('a collision', () => {
	it('is told urgently to both parties of each agreement involved', () => {
		const { all, fromOs, fromHamar } = doubleBooked();
		const notices = collisionNotices(contextOf(all, osloNoon('2026-02-01')));
		// Tolga, host of both, hears about each of them.
		expect(notices.filter((n) => n.to.library === 'tolga').map((n) => n.link).sort()).toEqual([`/exchanges/${idOf(fromOs)}`, `/exchanges/${idOf(fromHamar)}`].sort());
		expect(notices.every((n) => n.urgency === 'urgent' && n.params.codes === 'request-double')).toBe(true);
		expect(notices.filter((n) => n.link === `/exchanges/${idOf(fromOs)}`).map((n) => n.to.address).sort()).toEqual(['post@os.example', 'tove@tolga.example']);
		expect(notices.filter((n) => n.to.library === 'hamar').map((n) => n.to.address).sort()).toEqual(['hanne@hamar.example', 'hans@hamar.example', 'hege@hamar.example']);
	});

	it('is no longer told once one agreement is released', () => {
		const { w, all, fromOs, fromHamar } = doubleBooked();
		const release = w.write('exchange.released', 'tolga', { exchange: idOf(fromHamar), kept: idOf(fromOs), reason: 'Os kom først' });
		expect(collisionNotices(contextOf([...all, release], osloNoon('2026-02-01')))).toEqual([]);
	});
});
