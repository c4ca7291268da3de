/**
 * Forwards each request to a healthy node of a NodePool and, when a node cannot be reached
 * (refused, reset or timed out before it answered), sends the same request to the next node,
 * so a device's sync never sees a stopped node. The request body is read into memory first
 * because a stream can be sent only once; CouchDB's own request limit is 4 MB with the shipped
 * local.ini, so `maxBodyBytes` only keeps huge bodies from filling memory.
 *
 * A retried write may have reached the dying node already: the second node then answers 409
 * or, for replication's `new_edits: false`, stores the same revision again, both of which a
 * CouchDB client handles anyway. Answers from a node (4xx, 5xx) are passed on, never retried.
 * Once a node has started answering, a broken connection ends the browser's response too, and
 * PouchDB's retry starts again where its checkpoint is.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import httpProxy from 'http-proxy';
import type { NodePool } from './node-pool';

export interface FailoverProxyOptions {
	maxBodyBytes?: number;
}

/** Errors that mean the node never answered this request, so another may take it. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Uint8Array[] = [];
		let size = 0;
		req.on('data', (chunk: Uint8Array) => {
			size += chunk.length;
			if (size > limit) {
				req.removeAllListeners('data');
				req.resume();
				reject(new BodyTooLarge());
			} else chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function answerJson(res: ServerResponse, status: number, body: Record<string, string>): void {
	if (res.headersSent) return void res.destroy();
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

export function failoverProxy(pool: NodePool, options: FailoverProxyOptions = {}) {
	const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
	const proxy = httpProxy.createProxyServer({ changeOrigin: true });
	/** Settles the attempt in flight for a request once its node starts answering. */
	const answered = new WeakMap<IncomingMessage, () => void>();
	proxy.on('proxyRes', (_proxyRes, req) => answered.get(req)?.());
	// A browser that goes away mid-request: http-proxy aborts the upstream request itself.
	proxy.on('econnreset', () => {});

	type Outcome = 'answered' | 'unreachable';
	const attempt = (target: string, req: IncomingMessage, res: ServerResponse, body: Buffer) =>
		new Promise<Outcome>((resolve) => {
			answered.set(req, () => resolve('answered'));
			res.once('close', () => resolve('answered'));
			proxy.web(req, res, { target, buffer: Readable.from([body]) }, (error) => {
				const code = (error as NodeJS.ErrnoException).code ?? '';
				if (!res.headersSent && (UNREACHABLE.has(code) || error.message === 'socket hang up')) return resolve('unreachable');
				answerJson(res, 502, { error: 'bad_gateway', reason: `CouchDB node failed: ${code || error.message}` });
				resolve('answered');
			});
		});

	return async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
		let body: Buffer;
		try {
			body = await readBody(req, maxBodyBytes);
		} catch (error) {
			if (error instanceof BodyTooLarge) return answerJson(res, 413, { error: 'too_large', reason: 'the request entity is too large' });
			return void res.destroy();
		}
		for (const node of pool.candidates()) {
			if (res.destroyed) return;
			if ((await attempt(node, req, res, body)) === 'answered') return;
			pool.markDown(node);
		}
		answerJson(res, 503, { error: 'service_unavailable', reason: 'no CouchDB node can be reached' });
	};
}
