import { describe, expect, it } from 'vitest';
import { datesHavePassed } from './past-dates';

describe('dates that have passed', () => {
	it('have passed only when every window ended before today', () => {
		expect(datesHavePassed([{ from: '2026-03-01', to: '2026-03-10' }], '2026-03-11')).toBe(true);
		expect(datesHavePassed([{ from: '2026-03-01', to: '2026-03-10' }], '2026-03-10')).toBe(false);
		expect(datesHavePassed([{ from: '2026-03-01', to: '2026-03-02' }, { from: '2026-05-01', to: '2026-05-02' }], '2026-04-01')).toBe(false);
	});

	it('never pass for an undated offer or request', () => {
		expect(datesHavePassed([], '2099-01-01')).toBe(false);
	});
});
