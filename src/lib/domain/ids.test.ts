import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';
import { StampSource, formatStamp, isStamp, isTransactionId, newDeviceId, observe, parseStamp, tick, ZERO_CLOCK } from './ids';
import { makeTransaction } from './transactions';

describe('stamps and transaction ids', () => {
	it('sort as strings in the order of their clocks', () => {
		fc.assert(
			fc.property(
				fc.record({ ms: fc.nat(2 ** 45), counter: fc.nat(36 ** 4 - 1) }),
				fc.record({ ms: fc.nat(2 ** 45), counter: fc.nat(36 ** 4 - 1) }),
				(a, b) => {
					const ia = formatStamp(a, 'devicea1');
					const ib = formatStamp(b, 'devicea1');
					const byClock = a.ms - b.ms || a.counter - b.counter;
					expect(Math.sign(ia < ib ? -1 : ia > ib ? 1 : 0)).toBe(Math.sign(byClock));
				}
			)
		);
	});

	it('round-trip through parse', () => {
		const id = formatStamp({ ms: 1_767_600_000_000, counter: 7 }, 'abcdefgh12');
		expect(isStamp(id)).toBe(true);
		expect(isTransactionId(id)).toBe(false);
		expect(parseStamp(id)).toEqual({ clock: { ms: 1_767_600_000_000, counter: 7 }, deviceId: 'abcdefgh12' });
	});

	it('never go backwards when the wall clock does', () => {
		const source = new StampSource('devicea1');
		const first = source.next(2_000);
		const second = source.next(1_000);
		const third = source.next(1_000);
		expect(first < second && second < third).toBe(true);
	});

	it('are unique and increasing however the wall clock moves', () => {
		fc.assert(
			fc.property(fc.array(fc.nat(10_000), { minLength: 1, maxLength: 200 }), (times) => {
				const source = new StampSource('devicea1');
				const ids = times.map((t) => source.next(t));
				for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
			})
		);
	});

	it('sort after every id the device has observed', () => {
		const fast = new StampSource('fastclock');
		const slow = new StampSource('slowclock');
		const fromFuture = fast.next(5_000_000);
		slow.observe(fromFuture, 5_000_000);
		expect(slow.next(1_000) > fromFuture).toBe(true);
	});

	it('carry the counter into the next millisecond when it is full', () => {
		expect(tick({ ms: 10, counter: 36 ** 4 - 1 }, 5)).toEqual({ ms: 11, counter: 0 });
		expect(observe(ZERO_CLOCK, formatStamp({ ms: 3, counter: 2 }, 'devicea1'), 3)).toEqual({ ms: 3, counter: 2 });
	});

	it('refuse malformed ids and device ids', () => {
		expect(isTransactionId('not-an-id')).toBe(false);
		expect(() => formatStamp(ZERO_CLOCK, 'UPPER')).toThrow();
		expect(() => formatStamp({ ms: 1.5, counter: 0 }, 'devicea1')).toThrow();
		expect(tick(ZERO_CLOCK, 1234.9)).toEqual({ ms: 1234, counter: 0 });
		expect(newDeviceId()).toMatch(/^[a-z0-9]{16}$/);
	});

	it('end a transaction id with the hash of its content, so the id commits to what it says', () => {
		const stamp = formatStamp({ ms: 1_767_600_000_000, counter: 0 }, 'hamardesk1');
		const fields = { kind: 'offer.paused' as const, by: { library: 'hamar' }, offer: `${stamp}-${'a'.repeat(26)}` };
		const tx = makeTransaction(stamp, fields);
		const id = tx._id.slice(3);
		expect(isTransactionId(id)).toBe(true);
		expect(id.startsWith(stamp + '-')).toBe(true);
		expect(id.endsWith(contentHash(tx))).toBe(true);
		expect(makeTransaction(stamp, { ...fields, offer: `${stamp}-${'b'.repeat(26)}` })._id).not.toBe(tx._id);
		expect(parseStamp(id)).toEqual(parseStamp(stamp));
	});
});
