import { describe, expect, it } from 'vitest';
import { clockWentBack, isClockWrong, offsetFrom } from './clock-skew';
import { MAX_DRIFT_MS } from './ids';

describe('the device clock against the server', () => {
	it('measures the offset from the Date header, at the middle of the request and of the server\'s second', () => {
		const server = Date.UTC(2026, 11, 2, 12, 0, 0);
		const deviceAhead = server + 3 * 86_400_000;
		expect(offsetFrom(new Date(server).toUTCString(), deviceAhead, deviceAhead + 200)).toBe(500 - 100 - 3 * 86_400_000);
		expect(offsetFrom(new Date(server).toUTCString(), server - 400, server)).toBe(700);
	});

	it('ignores answers without a usable date, or that took too long to say anything', () => {
		expect(offsetFrom(null, 0, 10)).toBeUndefined();
		expect(offsetFrom('not a date', 0, 10)).toBeUndefined();
		expect(offsetFrom(new Date().toUTCString(), 0, 60_000)).toBeUndefined();
	});

	it('calls a clock wrong beyond the drift bound, either way', () => {
		expect(isClockWrong(MAX_DRIFT_MS)).toBe(false);
		expect(isClockWrong(MAX_DRIFT_MS + 1)).toBe(true);
		expect(isClockWrong(-365 * 86_400_000)).toBe(true);
	});

	it('notices a clock set back since the device last wrote', () => {
		const last = Date.UTC(2026, 11, 2);
		expect(clockWentBack(last, last - MAX_DRIFT_MS - 1)).toBe(true);
		expect(clockWentBack(last, last - 1000)).toBe(false);
	});
});
