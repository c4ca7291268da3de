import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	TransactionIdSource,
	formatTransactionId,
	isTransactionId,
	newDeviceId,
	observe,
	parseTransactionId,
	tick,
	ZERO_CLOCK
} from './ids';

describe('transaction ids', () => {
	it('sort as strings in the order of their clocks', () => {
		fc.assert(
			fc.property(
				fc.record({ ms: fc.nat(2 ** 45), counter: fc.nat(36 ** 4 - 1) }),
				fc.record({ ms: fc.nat(2 ** 45), counter: fc.nat(36 ** 4 - 1) }),
				(a, b) => {
					const ia = formatTransactionId(a, 'devicea1');
					const ib = formatTransactionId(b, 'devicea1');
					const byClock = a.ms - b.ms || a.counter - b.counter;
					expect(Math.sign(ia < ib ? -1 : ia > ib ? 1 : 0)).toBe(Math.sign(byClock));
				}
			)
		);
	});

	it('round-trip through parse', () => {
		const id = formatTransactionId({ ms: 1_767_600_000_000, counter: 7 }, 'abcdefgh12');
		expect(isTransactionId(id)).toBe(true);
		expect(parseTransactionId(id)).toEqual({ clock: { ms: 1_767_600_000_000, counter: 7 }, deviceId: 'abcdefgh12' });
	});

	it('never go backwards when the wall clock does', () => {
		const source = new TransactionIdSource('devicea1');
		const first = source.next(2_000);
		const second = source.next(1_000);
		const third = source.next(1_000);
		expect(first < second && second < third).toBe(true);
	});

	it('are unique and increasing however the wall clock moves', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 200 }), (times) => {
				const source = new TransactionIdSource('devicea1');
				const ids = times.map((t) => source.next(t));
				for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
			})
		);
	});

	it('sort after every id the device has observed', () => {
		const fast = new TransactionIdSource('fastclock');
		const slow = new TransactionIdSource('slowclock');
		const fromFuture = fast.next(5_000_000);
		slow.observe(fromFuture);
		expect(slow.next(1_000) > fromFuture).toBe(true);
	});

	it('carry the counter into the next millisecond when it is full', () => {
		expect(tick({ ms: 10, counter: 36 ** 4 - 1 }, 5)).toEqual({ ms: 11, counter: 0 });
		expect(observe(ZERO_CLOCK, formatTransactionId({ ms: 3, counter: 2 }, 'devicea1'))).toEqual({ ms: 3, counter: 2 });
	});

	it('refuse malformed ids and device ids', () => {
		expect(isTransactionId('not-an-id')).toBe(false);
		expect(() => formatTransactionId(ZERO_CLOCK, 'UPPER')).toThrow();
		expect(() => formatTransactionId({ ms: 1.5, counter: 0 }, 'devicea1')).toThrow();
		expect(tick(ZERO_CLOCK, 1234.9)).toEqual({ ms: 1234, counter: 0 });
		expect(newDeviceId()).toMatch(/^[a-z0-9]{16}$/);
	});
});
