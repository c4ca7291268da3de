/**
 * Stamps and transaction ids.
 *
 * A stamp is `<wall ms, base36, 9 chars>-<counter, base36, 4 chars>-<device id>`: a hybrid
 * logical clock reading. Fixed-width lower-case base36 sorts as strings in the same order as
 * numbers, so the string order of stamps is the clock order, the device id breaking ties.
 * Directory documents carry a stamp in `updated`.
 *
 * A transaction id is a stamp followed by `-<content hash>` (content-hash.ts): the id says
 * when and where the transaction was made, and commits to what it says.
 *
 * The order of ids decides nothing that two libraries could race for (fold.ts); it orders
 * statements and one library's own edits. Clocks are still bounded, so that one device with a
 * wrong clock cannot drag every other device's clock along (see observe).
 */
import { HASH_LENGTH } from './content-hash';

const MS_WIDTH = 9; // 36^9 ms reaches past the year 5000
const COUNTER_WIDTH = 4;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;
const DEVICE_ID = /^[a-z0-9]{8,32}$/;
const STAMP = /^[0-9a-z]{9}-[0-9a-z]{4}-[a-z0-9]{8,32}$/;
const TX_ID = new RegExp(`^[0-9a-z]{9}-[0-9a-z]{4}-[a-z0-9]{8,32}-[a-z2-7]{${HASH_LENGTH}}$`);

/**
 * How far ahead of a clock a remote time may be and still be believed: five minutes, as
 * Actual Budget's clock uses. Servers refuse transactions stamped further ahead of their own
 * time; devices never move their clock further ahead of their own (corrected) wall clock.
 */
export const MAX_DRIFT_MS = 5 * 60_000;

export interface Clock {
	/** Wall-clock milliseconds of the newest stamp this device has made or believed. */
	readonly ms: number;
	readonly counter: number;
}

export const ZERO_CLOCK: Clock = { ms: 0, counter: 0 };

export function isDeviceId(value: string): boolean {
	return DEVICE_ID.test(value);
}

export function isStamp(value: string): boolean {
	return STAMP.test(value);
}

export function isTransactionId(value: string): boolean {
	return TX_ID.test(value);
}

/** A new random device id; `random` returns bytes so tests can make it deterministic. */
export function newDeviceId(random: (n: number) => Uint8Array = cryptoBytes): string {
	const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
	return Array.from(random(16), (b) => alphabet[b % alphabet.length]).join('');
}

function cryptoBytes(n: number): Uint8Array {
	return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

export function formatStamp(clock: Clock, deviceId: string): string {
	if (!isDeviceId(deviceId)) throw new Error(`Invalid device id: ${deviceId}`);
	if (!Number.isSafeInteger(clock.ms) || clock.ms < 0) throw new Error(`Invalid clock: ${clock.ms}`);
	return (
		clock.ms.toString(36).padStart(MS_WIDTH, '0') +
		'-' +
		clock.counter.toString(36).padStart(COUNTER_WIDTH, '0') +
		'-' +
		deviceId
	);
}

/** The clock and device of a stamp or of a transaction id (which starts with its stamp). */
export function parseStamp(id: string): { clock: Clock; deviceId: string } {
	if (!isStamp(id) && !isTransactionId(id)) throw new Error(`Invalid stamp: ${id}`);
	const [ms, counter, deviceId] = id.split('-') as [string, string, string];
	return { clock: { ms: parseInt(ms, 36), counter: parseInt(counter, 36) }, deviceId };
}

/** The wall time a stamp or transaction id was made at (milliseconds since the epoch). */
export function transactionTime(id: string): number {
	return parseInt(id.slice(0, MS_WIDTH), 36);
}

/** The device that made a stamp or transaction id. */
export function deviceOf(id: string): string {
	return id.split('-')[2] ?? '';
}

/** Whether a stamp claims a time further ahead of `now` than any honest clock could be. */
export function isStampedAhead(id: string, now: number): boolean {
	return transactionTime(id) > now + MAX_DRIFT_MS;
}

/**
 * The clock after making one local event at wall time `now`: it never goes backwards, even
 * when the device's wall clock does, and it stays ahead of every stamp it has believed.
 */
export function tick(clock: Clock, wallMs: number): Clock {
	const now = Math.floor(wallMs);
	if (now > clock.ms) return { ms: now, counter: 0 };
	if (clock.counter >= MAX_COUNTER) return { ms: clock.ms + 1, counter: 0 };
	return { ms: clock.ms, counter: clock.counter + 1 };
}

/**
 * The clock after seeing someone else's stamp at wall time `now`, so the next local stamp
 * sorts after it. A stamp more than MAX_DRIFT_MS ahead of `now` is not believed: following it
 * would move this device's clock (and through it, every device that sees this one's stamps)
 * into the future. The transaction itself still counts; only the clock ignores it.
 */
export function observe(clock: Clock, id: string, wallMs: number): Clock {
	const seen = parseStamp(id).clock;
	if (seen.ms > wallMs + MAX_DRIFT_MS) return clock;
	if (seen.ms > clock.ms || (seen.ms === clock.ms && seen.counter > clock.counter)) return seen;
	return clock;
}

/** Makes stamps for one device; the clock it holds is the only mutable part. */
export class StampSource {
	#clock: Clock;
	readonly deviceId: string;
	readonly #now: () => number;

	/** `now` is the device's wall clock, corrected by its measured offset from the server's. */
	constructor(deviceId: string, clock: Clock = ZERO_CLOCK, now: () => number = Date.now) {
		if (!isDeviceId(deviceId)) throw new Error(`Invalid device id: ${deviceId}`);
		this.deviceId = deviceId;
		this.#clock = clock;
		this.#now = now;
	}

	get clock(): Clock {
		return this.#clock;
	}

	next(now: number = this.#now()): string {
		this.#clock = tick(this.#clock, now);
		return formatStamp(this.#clock, this.deviceId);
	}

	observe(id: string, now: number = this.#now()): void {
		this.#clock = observe(this.#clock, id, now);
	}
}
