import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipRequestBodies } from './gzip-request-body';

const DB = 'http://county.test/db/byttebank';
const docs = JSON.stringify({ docs: Array.from({ length: 10 }, (_, i) => ({ _id: `tx:${i}`, _rev: '1-abc', description: 'Plasting av bøker' })), new_edits: false });

interface Sent {
	url: string;
	encoding: string | null;
	body: string;
}

/** A server that records what it was sent and answers `status`. */
function server(status = () => 201): { request: typeof fetch; sent: Sent[] } {
	const sent: Sent[] = [];
	const request: typeof fetch = async (input, init) => {
		const encoding = new Headers(init?.headers).get('content-encoding');
		const raw = init?.body;
		const body = raw instanceof ArrayBuffer ? gunzipSync(new Uint8Array(raw)).toString('utf8') : String(raw ?? '');
		sent.push({ url: String(input), encoding, body });
		return Response.json({ ok: true }, { status: status() });
	};
	return { request, sent };
}

describe('the bodies a device sends', () => {
	it("are gzipped for replication's larger POSTs, and read back to exactly what was meant", async () => {
		const { request, sent } = server();
		const send = gzipRequestBodies(request);
		for (const path of ['_bulk_docs', '_revs_diff', '_bulk_get?revs=true']) {
			await send(`${DB}/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: docs });
		}
		expect(sent.map((s) => s.encoding)).toEqual(['gzip', 'gzip', 'gzip']);
		for (const s of sent) expect(JSON.parse(s.body)).toEqual(JSON.parse(docs));
	});

	it('are sent as they are when small, not POSTs, or not replication', async () => {
		const { request, sent } = server();
		const send = gzipRequestBodies(request);
		await send(`${DB}/_bulk_docs`, { method: 'POST', body: '{"docs":[]}' });
		await send(`${DB}/tx%3Aa`, { method: 'PUT', body: docs });
		await send(`${DB}/_local/checkpoint`, { method: 'POST', body: docs });
		await send(`${DB}/_changes?feed=longpoll`, { method: 'GET' });
		expect(sent.map((s) => s.encoding)).toEqual([null, null, null, null]);
	});

	it('go plain, again and from then on, to a server that refuses gzip (415)', async () => {
		let answers = 0;
		const { request, sent } = server(() => (answers++ === 0 ? 415 : 201));
		const send = gzipRequestBodies(request);
		const first = await send(`${DB}/_bulk_docs`, { method: 'POST', body: docs });
		await send(`${DB}/_revs_diff`, { method: 'POST', body: docs });
		expect(first.status).toBe(201);
		expect(sent.map((s) => s.encoding)).toEqual(['gzip', null, null]);
		expect(sent[1]!.body).toBe(docs);
	});
});
