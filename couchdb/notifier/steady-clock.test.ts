import { describe, expect, it } from 'vitest';
import { MAX_STEP_BACK_MS, steadyTime } from './steady-clock';

const saved = Date.parse('2026-03-01T11:00:00Z');

describe('the notifier’s steady clock', () => {
	it('reads the clock when nothing was acted on yet, or when the clock is ahead of it', () => {
		expect(steadyTime(saved, undefined)).toBe(saved);
		expect(steadyTime(saved + 5_000, saved)).toBe(saved + 5_000);
	});

	it('stays at the time already acted on when the clock stepped back a little', () => {
		expect(steadyTime(saved - 10 * 60_000, saved)).toBe(saved);
		expect(steadyTime(saved - MAX_STEP_BACK_MS, saved)).toBe(saved);
	});

	it('trusts the clock again when the saved time came from a clock that ran far ahead', () => {
		const yearAgo = saved - 365 * 24 * 3_600_000;
		expect(steadyTime(yearAgo, saved)).toBe(yearAgo);
		expect(steadyTime(saved - MAX_STEP_BACK_MS - 1, saved)).toBe(saved - MAX_STEP_BACK_MS - 1);
	});
});
