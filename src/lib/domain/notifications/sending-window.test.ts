import { describe, expect, it } from 'vitest';
import { earliestSend, isInWindow } from './sending-window';
import { OSLO } from './test-county';

describe('the sending window', () => {
	it('sends normal notices at once during the Oslo day', () => {
		const noon = Date.parse('2026-01-15T11:00:00Z'); // 12:00 in Oslo (winter, UTC+1)
		expect(earliestSend('normal', noon, OSLO)).toBe(noon);
	});

	it('holds normal notices from the evening until 08:00 Oslo time, in winter and in summer', () => {
		expect(earliestSend('normal', Date.parse('2026-01-15T21:10:00Z'), OSLO)).toBe(Date.parse('2026-01-16T07:00:00Z'));
		expect(earliestSend('normal', Date.parse('2026-07-15T02:00:00Z'), OSLO)).toBe(Date.parse('2026-07-15T06:00:00Z'));
		expect(isInWindow(Date.parse('2026-01-15T19:00:00Z'), OSLO)).toBe(false); // 20:00 in Oslo
	});

	it('sends urgent notices at once, at night too', () => {
		const night = Date.parse('2026-01-15T02:00:00Z');
		expect(earliestSend('urgent', night, OSLO)).toBe(night);
	});
});
