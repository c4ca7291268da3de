/**
 * The notifier on its own, e.g. beside Apache CouchDB in production:
 *   COUCHDB_URL=http://127.0.0.1:5984 COUNTY_DB=byttebank NOTIFIER_COUCHDB_USER=… \
 *   NOTIFIER_COUCHDB_PASSWORD=… SMTP_URL=smtp://… APP_URL=https://byttebank.example tsx couchdb/notifier/cli.ts
 * NOTIFIER_FEED_URL names the county database directly instead (the embedded server's is
 * http://127.0.0.1:8080/db/byttebank). See docs/notifications.md.
 */
import { resolve } from 'node:path';
import { parseCouchdbUrls } from '../config';
import { notifierConfigFromEnv } from './notifier-config';
import { startNotifierService } from './notifier-service';

const env = process.env;
const config = notifierConfigFromEnv(env);
const countyDb = env.COUNTY_DB ?? 'byttebank';
const dbUrl = env.NOTIFIER_FEED_URL ?? (env.COUCHDB_URL ? `${parseCouchdbUrls(env.COUCHDB_URL)[0]}/${countyDb}` : undefined);
const auth = config.feedAccount ?? (env.COUCHDB_ADMIN && env.COUCHDB_PASSWORD ? { name: env.COUCHDB_ADMIN, password: env.COUCHDB_PASSWORD } : undefined);
if (!dbUrl || !auth) {
	console.error('The notifier needs the county database (COUCHDB_URL and COUNTY_DB, or NOTIFIER_FEED_URL) and an account (NOTIFIER_COUCHDB_USER/NOTIFIER_COUCHDB_PASSWORD, or COUCHDB_ADMIN/COUCHDB_PASSWORD).');
	process.exit(1);
}
const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
const retryMs = number('NOTIFY_RETRY_MS');

const service = await startNotifierService({
	config,
	source: { dbUrl, auth },
	dataDir: resolve(env.DATA_DIR ?? 'data'),
	appUrl: config.appUrl ?? 'http://127.0.0.1:8080',
	tickMs: number('NOTIFY_TICK_MS'),
	retry: retryMs ? { baseMs: retryMs, maxMs: retryMs * 8 } : undefined,
	pageSize: number('NOTIFY_PAGE_SIZE')
});
console.log(`notifier: following ${dbUrl}; unsubscribe page at ${service.url}${service.inboxUrl ? `; inbox at ${service.inboxUrl}` : ''}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		void service.close().then(() => process.exit(0));
	});
}
