import { describe, expect, it } from 'vitest';
import { addressStatuses, statusOf, STATUS_PATH } from './delivery-status';

const answer = (status: number, body: unknown): typeof fetch => (async (input: RequestInfo | URL) => {
	expect(String(input)).toBe(STATUS_PATH);
	return new Response(JSON.stringify(body), { status });
}) as typeof fetch;

describe('asking the notifier about the library’s addresses', () => {
	it('gives what the notifier answers, and finds an address whatever its case', async () => {
		const statuses = await addressStatuses(answer(200, { addresses: [{ address: 'Hanne@hamar.example', library: 'hamar', bounced: { at: 1, reason: '550' } }] }));
		expect(statusOf(statuses, 'hanne@HAMAR.example')?.bounced?.reason).toBe('550');
		expect(statusOf(statuses, 'hans@hamar.example')).toBeUndefined();
	});

	it('gives null when it cannot be asked: no session, no notifier, offline, or a strange answer', async () => {
		expect(await addressStatuses(answer(401, { error: 'unauthorized' }))).toBeNull();
		expect(await addressStatuses(answer(503, { error: 'unavailable' }))).toBeNull();
		expect(await addressStatuses((async () => Promise.reject(new TypeError('offline'))) as typeof fetch)).toBeNull();
		expect(await addressStatuses(answer(200, { addresses: 'no' }))).toBeNull();
		expect(statusOf(null, 'x@y.z')).toBeUndefined();
	});
});
