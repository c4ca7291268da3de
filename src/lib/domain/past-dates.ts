/**
 * Tidying the boards without anyone's hands: an offer or request whose every date has passed
 * can no longer be taken up, so it leaves the boards by itself. It is not deleted or changed:
 * its library still sees it among its own, marked, and may revise or withdraw it. Undated ones
 * never pass. Dates are local calendar days (YYYY-MM-DD), compared as strings.
 */
import type { DateWindow } from './transactions';

export function datesHavePassed(dates: readonly DateWindow[], today: string): boolean {
	return dates.length > 0 && dates.every((window) => window.to < today);
}
