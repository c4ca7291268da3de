/**
 * Transaction ids: `<wall ms, base36, 9 chars>-<counter, base36, 4 chars>-<device id>`.
 *
 * Fixed-width lower-case base36 sorts as strings in the same order as numbers, so the plain
 * string order of ids is the hybrid-logical-clock order, with the device id breaking ties.
 * Every replica that holds the same ids therefore agrees on one total order.
 */

const MS_WIDTH = 9; // 36^9 ms reaches past the year 5000
const COUNTER_WIDTH = 4;
const MAX_COUNTER = 36 ** COUNTER_WIDTH - 1;
const DEVICE_ID = /^[a-z0-9]{8,32}$/;
const TX_ID = /^[0-9a-z]{9}-[0-9a-z]{4}-[a-z0-9]{8,32}$/;

export interface Clock {
	/** Wall-clock milliseconds of the newest id this device has made or seen. */
	readonly ms: number;
	readonly counter: number;
}

export const ZERO_CLOCK: Clock = { ms: 0, counter: 0 };

export function isDeviceId(value: string): boolean {
	return DEVICE_ID.test(value);
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

export function formatTransactionId(clock: Clock, deviceId: string): string {
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

export function parseTransactionId(id: string): { clock: Clock; deviceId: string } {
	if (!isTransactionId(id)) throw new Error(`Invalid transaction id: ${id}`);
	const [ms, counter, deviceId] = id.split('-') as [string, string, string];
	return { clock: { ms: parseInt(ms, 36), counter: parseInt(counter, 36) }, deviceId };
}

/** The wall time a transaction id was made at (milliseconds since the epoch). */
export function transactionTime(id: string): number {
	return parseTransactionId(id).clock.ms;
}

/**
 * The clock after making one local event at wall time `now`: it never goes backwards, even
 * when the device's wall clock does, and it stays ahead of every id it has observed.
 */
export function tick(clock: Clock, wallMs: number): Clock {
	const now = Math.floor(wallMs);
	if (now > clock.ms) return { ms: now, counter: 0 };
	if (clock.counter >= MAX_COUNTER) return { ms: clock.ms + 1, counter: 0 };
	return { ms: clock.ms, counter: clock.counter + 1 };
}

/** The clock after seeing someone else's id, so the next local id sorts after it. */
export function observe(clock: Clock, id: string): Clock {
	const seen = parseTransactionId(id).clock;
	if (seen.ms > clock.ms || (seen.ms === clock.ms && seen.counter > clock.counter)) return seen;
	return clock;
}

/** Makes ids for one device; the clock it holds is the only mutable part. */
export class TransactionIdSource {
	#clock: Clock;
	readonly deviceId: string;

	constructor(deviceId: string, clock: Clock = ZERO_CLOCK) {
		if (!isDeviceId(deviceId)) throw new Error(`Invalid device id: ${deviceId}`);
		this.deviceId = deviceId;
		this.#clock = clock;
	}

	get clock(): Clock {
		return this.#clock;
	}

	next(now: number = Date.now()): string {
		this.#clock = tick(this.#clock, now);
		return formatTransactionId(this.#clock, this.deviceId);
	}

	observe(id: string): void {
		this.#clock = observe(this.#clock, id);
	}
}
