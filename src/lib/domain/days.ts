/** A day is a day: every task is worth the same, counted in steps of half a day. */

export const DAY_STEP = 0.5;
export const MIN_DAYS = 0.5;
/** The longest single exchange; longer stays are several exchanges. */
export const MAX_DAYS = 20;

export function isDayAmount(value: unknown): value is number {
	return (
		typeof value === 'number' &&
		Number.isFinite(value) &&
		Number.isInteger(value / DAY_STEP) &&
		value >= MIN_DAYS &&
		value <= MAX_DAYS
	);
}
