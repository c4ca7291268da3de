/**
 * Replication's own uploads, gzipped. Responses were compressed already (couchdb/compress.ts),
 * but what a device sends went as plain JSON: over slow 3G, ten new transactions cost 3.7 kB
 * of `_bulk_docs` and 2 kB of `_revs_diff` for 2.6 kB of documents. Apache CouchDB and the
 * embedded server (body-parser, which inflates within the same size limit) both read a
 * `Content-Encoding: gzip` body. A server that does not answers 415, and the body is sent again
 * as it was, and never compressed again by this device.
 */

/** The POSTs of replication whose bodies grow with what is sent. */
const COMPRESSIBLE = /\/(_bulk_docs|_revs_diff|_bulk_get)$/;
/** Below this a body is about the size of its gzip header and not worth the work. */
export const MIN_GZIP_BYTES = 256;

async function gzip(text: string): Promise<ArrayBuffer> {
	const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
	return new Response(stream).arrayBuffer();
}

function pathOf(input: RequestInfo | URL): string {
	return new URL(input instanceof Request ? input.url : String(input), 'http://relative.invalid').pathname;
}

/** `request`, sending the bodies of replication's larger POSTs gzipped. */
export function gzipRequestBodies(request: typeof fetch, minBytes = MIN_GZIP_BYTES): typeof fetch {
	let refused = typeof CompressionStream === 'undefined';
	return async (input, init) => {
		const body = init?.body;
		if (refused || init?.method !== 'POST' || typeof body !== 'string' || body.length < minBytes || !COMPRESSIBLE.test(pathOf(input))) {
			return request(input, init);
		}
		const headers = new Headers(init.headers);
		headers.set('content-encoding', 'gzip');
		const response = await request(input, { ...init, headers, body: await gzip(body) });
		if (response.status !== 415) return response;
		refused = true;
		return request(input, init);
	};
}
