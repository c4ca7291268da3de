import { describe, expect, it } from 'vitest';
import type { Exchange } from '$lib/domain/state';
import { exchangeEvent } from './calendar';

const exchange: Exchange = {
	id: '0mabc1234-0000-devicetest-abcdefghijklmnopqrstuvwxyz',
	source: { offer: 'x' },
	skills: ['cataloguing'],
	provider: 'eidskog',
	host: 'tolga',
	proposedBy: 'tolga',
	days: 1.5,
	dates: { from: '2026-03-02', to: '2026-03-03' },
	status: 'accepted',
	completions: [],
	collisions: [],
	reports: [],
	history: [],
	updated: ''
};

describe('calendar event of an exchange', () => {
	it('is an all-day event over the agreed dates, ending the day after', () => {
		const ics = exchangeEvent(exchange, 'Eidskog hos Tolga', 'Katalogisering', 'Tolga bibliotek');
		expect(ics).toContain('BEGIN:VEVENT');
		expect(ics).toContain('DTSTART;VALUE=DATE:20260302');
		expect(ics).toContain('DTEND;VALUE=DATE:20260304');
		expect(ics).toContain('SUMMARY:Eidskog hos Tolga');
		expect(ics).toContain('UID:0mabc1234-0000-devicetest-abcdefghijklmnopqrstuvwxyz@byttebank');
	});

	it('refuses an exchange without dates', () => {
		expect(() => exchangeEvent({ ...exchange, dates: undefined }, 'x', 'y', 'z')).toThrow();
	});
});
