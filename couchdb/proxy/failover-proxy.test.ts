/**
 * The failover proxy against stand-in nodes on loopback: one that refuses connections, one that
 * drops every request unanswered, one that answers. The Apache cluster test
 * (tests/apache/cluster-proxy.test.ts) does the same with real CouchDB nodes.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { failoverProxy } from './failover-proxy';
import { NodePool } from './node-pool';

async function listen(handler: RequestListener): Promise<{ server: Server; url: string }> {
	const server = createServer(handler);
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
const close = (server: Server) => new Promise<void>((done) => (server.closeAllConnections(), server.close(() => done())));

/** A stand-in node: /_up answers 200, everything else echoes what arrived. */
const echo = (name: string): RequestListener => (req, res) => {
	const chunks: Uint8Array[] = [];
	req.on('data', (c: Uint8Array) => chunks.push(c));
	req.on('end', () => {
		res.writeHead(req.url === '/fail' ? 500 : 200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ node: name, method: req.method, url: req.url, host: req.headers.host, body: Buffer.concat(chunks).toString() }));
	});
};

let answering: { server: Server; url: string };
let dropping: { server: Server; url: string };
let refusing: string;
let proxies: Server[] = [];

beforeAll(async () => {
	answering = await listen(echo('answering'));
	dropping = await listen((req) => req.socket.destroy());
	const closed = await listen(() => {});
	refusing = closed.url;
	await close(closed.server);
});
afterAll(async () => {
	await close(answering.server);
	await close(dropping.server);
});
afterEach(async () => {
	await Promise.all(proxies.map(close));
	proxies = [];
});

async function proxyTo(urls: string[], maxBodyBytes?: number) {
	const pool = new NodePool(urls, { probeMs: 0 });
	const { server, url } = await listen((req, res) => void failoverProxy(pool, { maxBodyBytes })(req, res));
	proxies.push(server);
	return { pool, url };
}

describe('the proxy in front of several CouchDB nodes', () => {
	it('sends a request with its body on to the next node when one refuses the connection, and then avoids it', async () => {
		const { pool, url } = await proxyTo([refusing, answering.url]);
		const body = JSON.stringify({ docs: [{ _id: 'tx:a', n: 'å'.repeat(5000) }] });
		const response = await fetch(`${url}/byttebank/_bulk_docs?new_edits=false`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ node: 'answering', method: 'POST', url: '/byttebank/_bulk_docs?new_edits=false', host: new URL(answering.url).host, body });
		expect(pool.isHealthy(refusing)).toBe(false);
		expect(pool.candidates()).toEqual([answering.url, refusing]);
	});

	it('tries the next node when one drops the request without answering', async () => {
		const { pool, url } = await proxyTo([dropping.url, answering.url]);
		const response = await fetch(`${url}/_session`, { method: 'POST', body: '{"name":"hamar","password":"x"}' });
		expect(((await response.json()) as { node: string; body: string }).body).toBe('{"name":"hamar","password":"x"}');
		expect(pool.isHealthy(dropping.url)).toBe(false);
	});

	it('passes on what a node answers, errors included, without asking another', async () => {
		const { pool, url } = await proxyTo([answering.url, refusing]);
		const response = await fetch(`${url}/fail`);
		expect(response.status).toBe(500);
		expect(pool.isHealthy(answering.url)).toBe(true);
	});

	it('uses a node again once its /_up answers', async () => {
		const { pool, url } = await proxyTo([refusing, answering.url]);
		await fetch(`${url}/`);
		expect(pool.isHealthy(refusing)).toBe(false);
		pool.markDown(answering.url);
		await pool.probeAll();
		expect(pool.isHealthy(answering.url)).toBe(true);
		expect(pool.isHealthy(refusing)).toBe(false);
		expect(await pool.firstReachable()).toBe(answering.url);
	});

	it('answers 503 when no node can be reached, and 413 for a body beyond its limit', async () => {
		const none = await proxyTo([refusing, dropping.url]);
		const response = await fetch(`${none.url}/byttebank`);
		expect(response.status).toBe(503);
		expect(await response.json()).toMatchObject({ error: 'service_unavailable' });
		await expect(none.pool.firstReachable()).rejects.toThrow(/no CouchDB node answers/);

		const small = await proxyTo([answering.url], 1000);
		const large = await fetch(`${small.url}/byttebank/_bulk_docs`, { method: 'POST', body: 'x'.repeat(1001) });
		expect(large.status).toBe(413);
		expect((await fetch(`${small.url}/byttebank/_bulk_docs`, { method: 'POST', body: 'x'.repeat(1000) })).status).toBe(200);
	});
});
