import { describe, expect, it } from 'vitest';
import { backOff, needsSmallerBatches, unreachable } from './replication';

describe('replication policy', () => {
	it('backs off from one second to at most about a minute', () => {
		expect(backOff(0)).toBe(1_000);
		const waits = [backOff(1_000), backOff(40_000), backOff(60_000)];
		expect(waits[0]).toBeGreaterThanOrEqual(1_500);
		expect(waits[0]).toBeLessThanOrEqual(2_500);
		for (const wait of waits.slice(1)) expect(wait).toBeLessThanOrEqual(75_000);
	});

	it('retries in smaller batches after a 413 or a time-out, but not after a refusal or an expired session', () => {
		expect(needsSmallerBatches({ status: 413 })).toBe(true);
		expect(needsSmallerBatches({ status: 504 })).toBe(true);
		expect(needsSmallerBatches({ name: 'TimeoutError' })).toBe(true);
		expect(needsSmallerBatches({ status: 401 })).toBe(false);
		expect(needsSmallerBatches({ status: 403 })).toBe(false);
		expect(needsSmallerBatches(undefined)).toBe(false);
	});
});

describe('telling "no network" from "the server said no"', () => {
	it('calls a failed fetch unreachable, and any HTTP answer not', () => {
		expect(unreachable(new TypeError('Failed to fetch'))).toBe(true);
		expect(unreachable({ message: 'connect ECONNREFUSED 127.0.0.1:5984' })).toBe(true);
		expect(unreachable({ name: 'TypeError', status: 500 })).toBe(false);
		expect(unreachable({ status: 403, message: 'forbidden' })).toBe(false);
		expect(unreachable({ name: 'QuotaExceededError', message: 'quota' })).toBe(false);
		expect(unreachable(undefined)).toBe(false);
	});
});

describe('what a device pushes', () => {
	it('is what it wrote itself, and tombstones, never what it pulled', async () => {
		const { writtenHere } = await import('./replication');
		const mine = writtenHere('abcdefgh12');
		const hash = 'abcdefghijklmnopqrstuvwxyz';
		expect(mine({ _id: `tx:0mabc1234-0000-abcdefgh12-${hash}` })).toBe(true);
		expect(mine({ _id: `tx:0mabc1234-0000-otherdevice-${hash}` })).toBe(false);
		expect(mine({ _id: `tx:0mabc1234-0000-otherdevice-abcdefgh12xxxxxxxxxxxxxxxx` })).toBe(false);
		expect(mine({ _id: 'person:hamar-1', updated: '0mabc1234-0001-abcdefgh12' })).toBe(true);
		expect(mine({ _id: 'person:hamar-1', updated: '0mabc1234-0001-otherdevice' })).toBe(false);
		expect(mine({ _id: 'person:hamar-2', _deleted: true })).toBe(true);
	});
});
