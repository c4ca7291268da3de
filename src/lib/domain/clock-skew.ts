/**
 * How wrong this device's wall clock is, measured against the server's: every HTTP answer
 * carries the server's time in its `Date` header (to the second). Devices write with their
 * clock corrected by the measured offset, so a tablet that came up at a factory date still
 * stamps its work with the county's time, and tell their user when the offset is large.
 */
import { MAX_DRIFT_MS } from './ids';

/**
 * The offset to add to the device's clock to get the server's, from one request: the server's
 * second is taken at its middle, and the request's midpoint as the moment it was read.
 */
export function offsetFrom(serverDate: string | null, sentAt: number, receivedAt: number): number | undefined {
	if (!serverDate) return undefined;
	const server = Date.parse(serverDate);
	if (Number.isNaN(server)) return undefined;
	const roundTrip = receivedAt - sentAt;
	// A slow answer says little about when the server read its clock.
	if (roundTrip < 0 || roundTrip > 30_000) return undefined;
	return Math.round(server + 500 - (sentAt + receivedAt) / 2);
}

/** Off by more than the drift bound: the device says so in plain words. */
export function isClockWrong(offset: number): boolean {
	return Math.abs(offset) > MAX_DRIFT_MS;
}

/**
 * Whether the corrected clock is now behind what this device has already stamped by more
 * than the bound: the clock was set back (a flat battery) since the offset was measured. The
 * hybrid clock still never goes back, but the user should set the time or go online.
 */
export function clockWentBack(lastStampMs: number, correctedNow: number): boolean {
	return lastStampMs - correctedNow > MAX_DRIFT_MS;
}
