/** Server configuration from the environment, with the defaults `npm start` uses. */
import { resolve } from 'node:path';

export interface ServerConfig {
	port: number;
	host: string;
	dataDir: string;
	countyDb: string;
	/** An external Apache CouchDB to provision and proxy to; unset means the embedded server. */
	couchdbUrl?: string;
	couchdbAdmin?: { name: string; password: string };
	demo: boolean;
	appDir: string;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
	const port = Number(env.PORT ?? 8080);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
	const countyDb = env.COUNTY_DB ?? 'byttebank';
	if (!/^[a-z][a-z0-9_$()+/-]*$/.test(countyDb)) throw new Error(`COUNTY_DB is not a valid CouchDB database name: "${countyDb}"`);
	const couchdbUrl = env.COUCHDB_URL || undefined;
	if (couchdbUrl && !(env.COUCHDB_ADMIN && env.COUCHDB_PASSWORD)) {
		throw new Error('COUCHDB_URL needs COUCHDB_ADMIN and COUCHDB_PASSWORD (a server admin) to provision the county');
	}
	return {
		port,
		host: env.HOST ?? '127.0.0.1',
		dataDir: resolve(env.DATA_DIR ?? 'data'),
		countyDb,
		couchdbUrl,
		couchdbAdmin: couchdbUrl ? { name: env.COUCHDB_ADMIN!, password: env.COUCHDB_PASSWORD! } : undefined,
		demo: (env.DEMO ?? 'true') !== 'false',
		appDir: resolve(env.APP_DIR ?? 'build')
	};
}
