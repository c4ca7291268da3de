import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readChanges } from './changes-feed';

let server: Server | undefined;

/** A real HTTP server answering `_changes` with `handle`. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
	server = createServer(handle);
	await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/byttebank`;
}

afterEach(async () => {
	server?.closeAllConnections();
	await new Promise((done) => server?.close(done));
	server = undefined;
});

const auth = { name: 'notifier', password: 'secret' };

describe("the notifier's long poll of the county's changes", () => {
	it('ends as an empty page at the same position when the server holds it open past its time', async () => {
		// Headers and the start of the body, then nothing: a stuck feed, heartbeats or not.
		const dbUrl = await serve((_req, res) => {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.write('{"results":[\n');
		});
		const started = Date.now();
		const page = await readChanges({ dbUrl, auth }, '41-g1AAAA', 100, 100, undefined, 100);
		expect(Date.now() - started).toBeGreaterThanOrEqual(190);
		expect(page).toEqual({ docs: [], seqs: [], lastSeq: '41-g1AAAA', pending: 0 });
	});

	it('still fails when the notifier stops it, so a stop is never taken for a quiet feed', async () => {
		const dbUrl = await serve(() => {});
		const stop = new AbortController();
		const reading = readChanges({ dbUrl, auth }, 7, 100, 10_000, stop.signal, 10_000);
		setTimeout(() => stop.abort(), 50);
		await expect(reading).rejects.toThrow();
	});

	it('passes on what a server answers in time, and a refusal as an error', async () => {
		let refuse = false;
		const dbUrl = await serve((req, res) => {
			expect(req.url).toContain('feed=longpoll');
			if (refuse) return void res.writeHead(401).end('{"error":"unauthorized"}');
			res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ results: [{ id: 'tx:a', seq: 8, doc: { _id: 'tx:a' } }], last_seq: 8, pending: 0 }));
		});
		expect(await readChanges({ dbUrl, auth }, 7, 100, 1_000, undefined, 50)).toEqual({ docs: [{ _id: 'tx:a' }], seqs: [8], lastSeq: 8, pending: 0 });
		refuse = true;
		await expect(readChanges({ dbUrl, auth }, 7, 100, 1_000, undefined, 50)).rejects.toThrow('HTTP 401');
	});
});
