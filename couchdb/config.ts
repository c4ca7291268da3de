/** Server configuration from the environment, with the defaults `npm start` uses. */
import { resolve } from 'node:path';

export interface ServerConfig {
	port: number;
	host: string;
	dataDir: string;
	countyDb: string;
	/**
	 * External Apache CouchDB nodes to provision and proxy to (one, or the nodes of a cluster);
	 * unset means the embedded server.
	 */
	couchdbUrls?: string[];
	couchdbAdmin?: { name: string; password: string };
	demo: boolean;
	appDir: string;
}

/**
 * COUCHDB_URL: one node URL, or several separated by commas (the nodes of one cluster, tried in
 * this order). Credentials inside a URL are refused: the proxy would send them with every
 * browser's request, making every visitor a server admin.
 */
export function parseCouchdbUrls(value: string): string[] {
	const urls = value
		.split(',')
		.map((part) => part.trim())
		.filter(Boolean)
		.map((part) => {
			let url: URL;
			try {
				url = new URL(part);
			} catch {
				throw new Error(`COUCHDB_URL: "${part}" is not a URL (expected e.g. http://127.0.0.1:5984)`);
			}
			if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`COUCHDB_URL: "${part}" must start with http:// or https://`);
			if (url.username || url.password) {
				throw new Error(`COUCHDB_URL: "${url.host}" carries credentials; name the admin in COUCHDB_ADMIN and COUCHDB_PASSWORD instead`);
			}
			if (url.search || url.hash) throw new Error(`COUCHDB_URL: "${part}" must not have a query or fragment`);
			return url.origin + url.pathname.replace(/\/+$/, '');
		});
	if (urls.length === 0) throw new Error('COUCHDB_URL names no CouchDB node');
	const twice = urls.find((url, i) => urls.indexOf(url) !== i);
	if (twice) throw new Error(`COUCHDB_URL names ${twice} twice`);
	return urls;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
	const port = Number(env.PORT ?? 8080);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
	const countyDb = env.COUNTY_DB ?? 'byttebank';
	if (!/^[a-z][a-z0-9_$()+/-]*$/.test(countyDb)) throw new Error(`COUNTY_DB is not a valid CouchDB database name: "${countyDb}"`);
	const couchdbUrls = env.COUCHDB_URL?.trim() ? parseCouchdbUrls(env.COUCHDB_URL) : undefined;
	if (couchdbUrls && !(env.COUCHDB_ADMIN && env.COUCHDB_PASSWORD)) {
		throw new Error('COUCHDB_URL needs COUCHDB_ADMIN and COUCHDB_PASSWORD (a server admin) to provision the county');
	}
	return {
		port,
		host: env.HOST ?? '127.0.0.1',
		dataDir: resolve(env.DATA_DIR ?? 'data'),
		countyDb,
		couchdbUrls,
		couchdbAdmin: couchdbUrls ? { name: env.COUCHDB_ADMIN!, password: env.COUCHDB_PASSWORD! } : undefined,
		demo: (env.DEMO ?? 'true') !== 'false',
		appDir: resolve(env.APP_DIR ?? 'build')
	};
}
