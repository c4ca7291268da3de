import { describe, expect, it } from 'vitest';
import { endQuietLongPolls } from './quiet-long-poll';

const LONG_POLL = 'http://county.test/db/byttebank/_changes?style=all_docs&feed=longpoll&heartbeat=10000&since=12-abc&limit=500';

/** A server that takes the request and never answers, until the request is given up. */
const silent: typeof fetch = (_input, init) =>
	new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason ?? new DOMException('aborted', 'AbortError'))));

/** A server that sends its headers at once and then a body that never ends (heartbeats lost). */
const headersOnly: typeof fetch = async (_input, init) => {
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(new TextEncoder().encode('{"results":[\n'));
			init?.signal?.addEventListener('abort', () => controller.error(init.signal!.reason));
		}
	});
	return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
};

describe('a long poll that never answers', () => {
	it('is answered as a server time-out would be: nothing new since the asked sequence', async () => {
		const started = Date.now();
		const response = await endQuietLongPolls(silent, 50)(LONG_POLL, { signal: new AbortController().signal });
		expect(Date.now() - started).toBeGreaterThanOrEqual(45);
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ results: [], last_seq: '12-abc' });
	});

	it('is caught too when the server sent its headers and then nothing', async () => {
		const response = await endQuietLongPolls(headersOnly, 50)(LONG_POLL);
		expect(await response.json()).toEqual({ results: [], last_seq: '12-abc' });
	});

	it('still ends as the replicator asked when it is cancelled first', async () => {
		const cancel = new AbortController();
		const pending = endQuietLongPolls(silent, 10_000)(LONG_POLL, { signal: cancel.signal });
		cancel.abort(new Error('replication cancelled'));
		await expect(pending).rejects.toThrow('replication cancelled');
	});
});

describe('what is left alone', () => {
	it('passes an answer that comes in time on as it came', async () => {
		const answer = { results: [{ seq: '13-def', id: 'tx:a', changes: [{ rev: '1-a' }] }], last_seq: '13-def' };
		const response = await endQuietLongPolls(async () => Response.json(answer), 1_000)(LONG_POLL);
		expect(await response.json()).toEqual(answer);
	});

	it('passes a refusal on with its status', async () => {
		const response = await endQuietLongPolls(async () => Response.json({ error: 'unauthorized' }, { status: 401 }), 1_000)(LONG_POLL);
		expect(response.status).toBe(401);
	});

	it('passes a network failure on, so retry and the offline state follow', async () => {
		const down: typeof fetch = async () => {
			throw new TypeError('fetch failed');
		};
		await expect(endQuietLongPolls(down, 1_000)(LONG_POLL)).rejects.toThrow('fetch failed');
	});

	it('never touches other requests, however long they take', async () => {
		const seen: Array<AbortSignal | null | undefined> = [];
		const slow: typeof fetch = async (_input, init) => {
			seen.push(init?.signal);
			await new Promise((done) => setTimeout(done, 80));
			return Response.json({ ok: true });
		};
		const signal = new AbortController().signal;
		const wrapped = endQuietLongPolls(slow, 20);
		for (const url of ['http://county.test/db/byttebank/_changes?style=all_docs&since=0&limit=500', 'http://county.test/db/byttebank/_bulk_get?revs=true']) {
			const response = await wrapped(url, { signal });
			expect(await response.json()).toEqual({ ok: true });
		}
		expect(seen).toEqual([signal, signal]);
	});
});
