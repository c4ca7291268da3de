/**
 * With COUCHDB_URL set, `npm start` serves the PWA and forwards `/db` to that Apache CouchDB,
 * so the app keeps one origin (cookies, no CORS). COUCHDB_URL may name several nodes of one
 * cluster: each request goes to a healthy node and moves to the next when one cannot be
 * reached (couchdb/proxy/failover-proxy.ts). In production a reverse proxy such as nginx does the same
 * job (couchdb/nginx.conf.example).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import sirv from 'sirv';
import { compress } from '../compress';
import { NOTIFY_MOUNT, notifyForward } from '../notifier/notify-forward';
import { parseCouchdbUrls } from '../config';
import { failoverProxy } from './failover-proxy';
import { NodePool } from './node-pool';
import { DB_MOUNT } from '../embedded/server';

export interface ExternalOptions {
	port: number;
	host: string;
	appDir: string;
	/** One node URL, a comma-separated list of them, or the list itself. */
	couchdbUrl: string | readonly string[];
	admin: { name: string; password: string };
	/** How often every node's /_up is asked (default 2 s). */
	probeMs?: number;
	/** The notifier's URL once it runs, for `/notify/status` (notify-forward.ts). */
	notifyUrl?: () => string | undefined;
}

export async function startExternalProxy(options: ExternalOptions) {
	const urls = typeof options.couchdbUrl === 'string' ? parseCouchdbUrls(options.couchdbUrl) : parseCouchdbUrls(options.couchdbUrl.join(','));
	const pool = new NodePool(urls, { admin: options.admin, probeMs: options.probeMs });
	await pool.probeAll();
	const app = express();
	app.disable('x-powered-by');
	// CouchDB sends no Content-Encoding either; live feeds stay uncompressed (compress.ts).
	app.use(compress);
	app.use(DB_MOUNT, failoverProxy(pool));
	app.use(NOTIFY_MOUNT, notifyForward(options.notifyUrl ?? (() => undefined)));
	app.use(sirv(options.appDir, { single: true, brotli: true, gzip: true }));
	const server: Server = await new Promise((done) => {
		const s = app.listen(options.port, options.host, () => done(s));
	});
	const { port } = server.address() as AddressInfo;
	const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`;
	return {
		url,
		dbUrl: url + DB_MOUNT,
		admin: options.admin,
		nodes: pool,
		close: async () => {
			pool.close();
			server.closeAllConnections();
			await new Promise<void>((done) => server.close(() => done()));
		}
	};
}
