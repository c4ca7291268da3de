/**
 * The embedded server: one origin serving the PWA at `/` and a CouchDB-compatible database
 * (express-pouchdb on LevelDB) at `/db`. Production may use Apache CouchDB behind a reverse
 * proxy instead (README); the app cannot tell the difference.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import express from 'express';
// Must load before express-pouchdb, whose lock it replaces.
import './express-pouchdb-lock';
import './pouchdb-latest-fix';
import expressPouchDB from 'express-pouchdb';
import sirv from 'sirv';
import { compress } from '../compress';
import { NOTIFY_MOUNT, notifyForward } from '../notifier/notify-forward';
import { createServerPouchDB } from './server-pouchdb';
import { adminRoutesGuard } from './admin-routes';
import { databaseLifecycleGuard } from './database-lifecycle-guard';
import { requestShapeGuard } from './request-shape-guard';
import { installRequestSafetyNet, jsonErrorHandler, requestContext } from './request-errors';
import { revisionKeeper } from './revision-keeper';
import { sessionCookie } from './session-cookie';
import { refuseDisguisedUsersPath, usersGuard } from './users-guard';
import { usersStore } from './users-store';

export const DB_MOUNT = '/db';
/** How long a login lasts, as couchdb/local.ini's `timeout` for Apache CouchDB: a week offline is no reason to log in again. */
export const SESSION_SECONDS = 60 * 60 * 24 * 14;

export interface EmbeddedServerOptions {
	dataDir: string;
	port: number;
	host?: string;
	/** The built PWA to serve at `/`; omitted, only the database is served. */
	appDir?: string;
	adminName?: string;
	/** PBKDF2 iterations for new passwords (express-pouchdb's JS implementation is slow). */
	passwordIterations?: number;
	/** Keep LevelDB in memory (tests): nothing is written to dataDir but the config. */
	inMemory?: boolean;
	/** The notifier's URL once it runs, for `/notify/status` (notify-forward.ts). */
	notifyUrl?: () => string | undefined;
}

export interface EmbeddedServer {
	url: string;
	dbUrl: string;
	admin: { name: string; password: string };
	close(): Promise<void>;
}

interface Secrets {
	adminPassword: string;
	cookieSecret: string;
}

/** Secrets survive restarts, so sessions and the admin login stay valid; never committed. */
function loadSecrets(dataDir: string): Secrets {
	const file = join(dataDir, 'secrets.json');
	if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
	const secrets: Secrets = {
		adminPassword: process.env.COUCHDB_ADMIN_PASSWORD ?? randomBytes(18).toString('base64url'),
		cookieSecret: randomBytes(32).toString('hex')
	};
	writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
	return secrets;
}

/**
 * Writes express-pouchdb's config file before it starts, instead of setting values at run time:
 * it re-saves an existing file while starting, and a concurrent save races on the rename.
 * Admin passwords are written in clear and hashed by express-pouchdb as it loads the file.
 */
function writeConfig(file: string, settings: Record<string, Record<string, unknown>>): void {
	const current = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>) : {};
	for (const [section, values] of Object.entries(settings)) current[section] = { ...current[section], ...values };
	writeFileSync(file, JSON.stringify(current, null, 2) + '\n', { mode: 0o600 });
}

export async function startEmbeddedServer(options: EmbeddedServerOptions): Promise<EmbeddedServer> {
	const dataDir = resolve(options.dataDir);
	mkdirSync(dataDir, { recursive: true });
	const secrets = loadSecrets(dataDir);
	const adminName = options.adminName ?? 'admin';
	mkdirSync(join(dataDir, 'db'), { recursive: true });
	const PouchDB = createServerPouchDB(join(dataDir, 'db'), options.inMemory ?? false);

	const configPath = join(dataDir, 'config.json');
	writeConfig(configPath, {
		admins: { [adminName]: secrets.adminPassword },
		couch_httpd_auth: {
			secret: secrets.cookieSecret,
			iterations: options.passwordIterations ?? 10_000,
			timeout: SESSION_SECONDS,
			allow_persistent_cookies: true
		},
		couchdb: { max_document_size: 16 * 1024 * 1024 },
		log: { level: 'warning' }
	});
	const pouchApp = expressPouchDB(PouchDB, {
		mode: 'fullCouchDB',
		configPath,
		logPath: join(dataDir, 'log.txt'),
		overrideMode: { exclude: ['routes/fauxton', 'routes/replicate', 'replicator', 'routes/special-test-auth'] }
	});
	// A mounted app sets its own headers: this one told every answer it came from Express.
	pouchApp.disable('x-powered-by');

	installRequestSafetyNet();
	const app = express();
	app.disable('x-powered-by');
	app.use(requestContext);
	app.use(compress);
	let dbUrl = '';
	const usersDb = new PouchDB('_users');
	app.use(DB_MOUNT, sessionCookie(SESSION_SECONDS));
	app.use(DB_MOUNT, refuseDisguisedUsersPath);
	app.use(DB_MOUNT, databaseLifecycleGuard(() => dbUrl));
	app.use(
		`${DB_MOUNT}/_users`,
		usersGuard({
			dbUrl: () => dbUrl,
			users: usersStore(usersDb)
		})
	);
	app.use(DB_MOUNT, adminRoutesGuard(() => dbUrl));
	app.use(DB_MOUNT, requestShapeGuard);
	app.use(DB_MOUNT, revisionKeeper());
	app.use(DB_MOUNT, pouchApp);
	app.use(NOTIFY_MOUNT, notifyForward(options.notifyUrl ?? (() => undefined)));
	if (options.appDir) {
		// Immutable build assets may be cached for ever; the shell and worker must revalidate.
		// The build's own .br/.gz files (svelte.config.js: precompress), when the browser takes them.
		app.use(sirv(options.appDir, { single: true, dev: false, etag: true, brotli: true, gzip: true, setHeaders: cacheHeaders }));
	}
	app.use(jsonErrorHandler);

	const server: Server = await new Promise((done) => {
		const s = app.listen(options.port, options.host ?? '127.0.0.1', () => done(s));
	});
	const { port } = server.address() as AddressInfo;
	const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
	const url = `http://${host}:${port}`;
	dbUrl = url + DB_MOUNT;
	return {
		url,
		dbUrl,
		admin: { name: adminName, password: secrets.adminPassword },
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((done) => server.close(() => done()));
		}
	};
}

function cacheHeaders(res: { setHeader(name: string, value: string): void }, pathname: string): void {
	if (pathname.startsWith('/_app/immutable/')) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
	else res.setHeader('Cache-Control', 'no-cache');
}
