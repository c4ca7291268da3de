/**
 * With COUCHDB_URL set, `npm start` serves the PWA and forwards `/db` to that Apache CouchDB,
 * so the app keeps one origin (cookies, no CORS). In production a reverse proxy such as nginx
 * does the same job (couchdb/nginx.conf.example).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import sirv from 'sirv';
import { DB_MOUNT } from './server';

export interface ExternalOptions {
	port: number;
	host: string;
	appDir: string;
	couchdbUrl: string;
	admin: { name: string; password: string };
}

export async function startExternalProxy(options: ExternalOptions) {
	const app = express();
	app.disable('x-powered-by');
	app.use(DB_MOUNT, createProxyMiddleware({ target: options.couchdbUrl, changeOrigin: true }));
	app.use(sirv(options.appDir, { single: true }));
	const server: Server = await new Promise((done) => {
		const s = app.listen(options.port, options.host, () => done(s));
	});
	const { port } = server.address() as AddressInfo;
	const url = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`;
	return {
		url,
		dbUrl: url + DB_MOUNT,
		admin: options.admin,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((done) => server.close(() => done()));
		}
	};
}
