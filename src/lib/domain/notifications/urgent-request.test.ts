import { describe, expect, it } from 'vitest';
import { aWeek, idOf, TransactionWriter } from '../test-transactions';
import { contextOf, osloNoon } from './test-county';
import { urgentRequestNotices } from './urgent-request';

const posted = (urgency: 'urgent' | 'planned', skills = ['cataloguing'], dates = [aWeek]) => {
	const w = new TransactionWriter();
	return { w, request: w.write('request.posted', { library: 'tolga', person: 'tove' }, { skills, description: 'Katalogisering før åpning', days: 1, dates, urgency }) };
};

describe('an urgent request', () => {
	it('reaches, person by person, the people elsewhere whose skills fit and who are within a day’s reach', () => {
		const { request } = posted('urgent');
		const notices = urgentRequestNotices(contextOf([request], osloNoon('2026-02-01')));
		// Not Tolga's own Tove, not Hege (other skills), not Hilde (no address), not Bjørn in Bergen.
		expect(notices.map((n) => n.to.address).sort()).toEqual(['hanne@hamar.example', 'hans@hamar.example', 'ola@os.example', 'siri@stange.example']);
		const hanne = notices.find((n) => n.to.person === 'person:hanne')!;
		expect(hanne).toMatchObject({ kind: 'urgent-request', urgency: 'urgent', link: `/requests/${idOf(request)}` });
		expect(hanne.params).toMatchObject({ host: 'Tolga bibliotek', description: 'Katalogisering før åpning', from: aWeek.from });
		expect(hanne.params.km).toBeGreaterThan(200);
	});

	it('tells nobody about a planned request, nor one filled, withdrawn or whose dates have all passed', () => {
		expect(urgentRequestNotices(contextOf([posted('planned').request], osloNoon('2026-02-01')))).toEqual([]);
		const { w, request } = posted('urgent');
		const withdrawn = w.write('request.withdrawn', 'tolga', { request: idOf(request) });
		expect(urgentRequestNotices(contextOf([request, withdrawn], osloNoon('2026-02-01')))).toEqual([]);
		expect(urgentRequestNotices(contextOf([request], osloNoon('2026-03-07')))).toEqual([]);
		expect(urgentRequestNotices(contextOf([request], osloNoon('2026-03-06')))).toHaveLength(4);
		const answer = w.write('request.answered', 'hamar', { request: idOf(request), days: 1 });
		const accepted = w.write('exchange.accepted', 'tolga', { exchange: idOf(answer) });
		expect(urgentRequestNotices(contextOf([request, answer, accepted], osloNoon('2026-02-01')))).toEqual([]);
	});

	it('keeps the same key whatever the time, so it is sent once', () => {
		const { request } = posted('urgent', ['cataloguing'], []);
		const keys = (now: number) => urgentRequestNotices(contextOf([request], now)).map((n) => n.key);
		expect(keys(osloNoon('2026-02-01'))).toEqual(keys(osloNoon('2026-09-01')));
	});
});
