/**
 * Test helper: writes transactions with increasing ids from one simulated device, so a test
 * reads like the story it tells. Used by unit tests, property tests and benchmarks.
 */
import { StampSource } from './ids';
import { makeTransaction, type Actor, type Transaction, type TransactionKind, type TransactionOf } from './transactions';

type Fields<K extends TransactionKind> = Omit<TransactionOf<K>, '_id' | 'type' | '_rev' | 'by' | 'kind'>;

export class TransactionWriter {
	#ids: StampSource;
	#now: number;

	constructor(deviceId = 'testdevice01', start = Date.UTC(2026, 0, 5, 8)) {
		this.#ids = new StampSource(deviceId);
		this.#now = start;
	}

	/** The next stamp, one minute after the previous one. */
	nextStamp(): string {
		this.#now += 60_000;
		return this.#ids.next(this.#now);
	}

	write<K extends TransactionKind>(kind: K, by: Actor | string, fields: Fields<K>): TransactionOf<K> {
		const actor = typeof by === 'string' ? { library: by } : by;
		return makeTransaction(this.nextStamp(), { kind, by: actor, ...fields }) as unknown as TransactionOf<K>;
	}
}

export const county: Actor = { library: 'fylkesbiblioteket', role: 'county' };

export function idOf(tx: Transaction): string {
	return tx._id.slice(3);
}

export const aWeek = { from: '2026-03-02', to: '2026-03-06' };
