/**
 * The worker's time: never earlier than a time it has already acted on, so a clock stepped
 * back (NTP, a replaced machine) does not hold queued messages as "not yet due" while the feed
 * moves past them. Only a small step back is bridged: when the clock reads far earlier than
 * the saved time, it is the saved time that was wrong (taken from a clock that ran ahead), and
 * keeping it would put every reminder off for as long as that clock was ahead.
 */
export const MAX_STEP_BACK_MS = 60 * 60_000;

export function steadyTime(reading: number, latestActedOn: number | undefined): number {
	if (latestActedOn === undefined || reading >= latestActedOn) return reading;
	return latestActedOn - reading <= MAX_STEP_BACK_MS ? latestActedOn : reading;
}
