/**
 * No one is woken by a reminder: normal notices wait until the county's morning; urgent ones
 * (someone needs cover tomorrow, two libraries believe the same visit is theirs) go at once.
 */
import { localHour } from './local-time';
import type { NoticeUrgency } from './notice';

export interface SendingWindow {
	/** First local hour messages may go out, inclusive. */
	from: number;
	/** Local hour from which they wait again until the next morning. */
	to: number;
}

export const DEFAULT_WINDOW: SendingWindow = { from: 8, to: 20 };

const HOUR = 3_600_000;

export function isInWindow(ms: number, timeZone: string, window: SendingWindow = DEFAULT_WINDOW): boolean {
	const hour = localHour(ms, timeZone);
	return hour >= window.from && hour < window.to;
}

/** The earliest time a notice may be sent, from `now`. */
export function earliestSend(urgency: NoticeUrgency, now: number, timeZone: string, window: SendingWindow = DEFAULT_WINDOW): number {
	if (urgency === 'urgent' || isInWindow(now, timeZone, window)) return now;
	// Step to the next whole hour, then hour by hour: zones with half-hour offsets and summer
	// time still land on a local hour that the zone itself reports as inside the window.
	let t = Math.floor(now / HOUR) * HOUR + HOUR;
	for (let i = 0; i < 48 && !isInWindow(t, timeZone, window); i++) t += HOUR;
	return t;
}
