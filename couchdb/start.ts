/**
 * `npm start`: serves the built PWA and the county database on one origin, provisions the
 * county on first start (idempotently on every start) and loads the demo county.
 */
import { existsSync } from 'node:fs';
import { configFromEnv } from './config';
import { demoEnd } from './demo/demo-epoch';
import { buildDemoCounty, demoCollisionHost, DEMO_APPLICANT, DEMO_COUNTY_USER, DEMO_PASSWORD } from './demo/seed';
import { startExternalProxy } from './proxy/external';
import { provision } from './provision';
import { startEmbeddedServer } from './embedded/server';
import { notifierConfigFromEnv } from './notifier/notifier-config';
import { startNotifierService, type NotifierService } from './notifier/notifier-service';

const config = configFromEnv();
if (!existsSync(config.appDir)) {
	console.error(`The app is not built (${config.appDir} is missing): run "npm run build" or "npm start".`);
	process.exit(1);
}

// Set once the notifier runs: the app's settings page asks it through /notify/status.
let notifyUrl: string | undefined;
const external = config.couchdbUrls
	? await startExternalProxy({ ...config, couchdbUrl: config.couchdbUrls, admin: config.couchdbAdmin!, notifyUrl: () => notifyUrl })
	: undefined;
const server = external ?? (await startEmbeddedServer({ dataDir: config.dataDir, port: config.port, host: config.host, appDir: config.appDir, notifyUrl: () => notifyUrl }));

// A cluster is provisioned through any one node; CouchDB spreads it to the others.
const target = external ? { url: await external.nodes.firstReachable(), admin: config.couchdbAdmin! } : { url: server.dbUrl, admin: server.admin };
// Dated from this data folder's first start, so the demo's "tomorrow" is tomorrow (demo-epoch.ts).
const plan = config.demo ? buildDemoCounty(config.countyDb, undefined, demoEnd(config.dataDir)) : { countyDb: config.countyDb, users: [], documents: [] };
const report = await provision(target, plan);

// The notifier runs beside the server; if it cannot start (a port taken), the bank still serves.
const notifierConfig = notifierConfigFromEnv();
let notifications: NotifierService | undefined;
let notificationsProblem: string | undefined;
if (notifierConfig.enabled) {
	try {
		notifications = await startNotifierService({ config: notifierConfig, source: { dbUrl: `${target.url}/${config.countyDb}`, auth: target.admin }, dataDir: config.dataDir, appUrl: server.url });
		notifyUrl = notifications.url;
	} catch (error) {
		notificationsProblem = (error as Error).message;
	}
}

console.log(`\nByttebank is running at ${server.url}`);
console.log(`  database: ${config.couchdbUrls?.join(', ') ?? `${server.dbUrl} (embedded, data in ${config.dataDir})`}`);
console.log(`  provisioned: ${report.changed.length ? report.changed.join(', ') : 'nothing to change'}`);
if (notifications?.inboxUrl) console.log(`  e-mail: no SMTP_URL set, so every message goes to the local inbox at ${notifications.inboxUrl}`);
else if (notifications) console.log(`  e-mail: sent through SMTP_URL; unsubscribe page at ${notifications.url}`);
else console.log(`  e-mail: off (${notificationsProblem ? `the notifier could not start: ${notificationsProblem}` : 'NOTIFY=false'})`);
if (config.demo) {
	const libraries = plan.users.filter((u) => u.name !== DEMO_COUNTY_USER && u.roles.length > 0).map((u) => u.name);
	console.log(`\nDemo logins (password "${DEMO_PASSWORD}" for all):`);
	console.log(`  county librarian: ${DEMO_COUNTY_USER}`);
	console.log(`  librarians:       ${libraries.join(', ')}`);
	console.log(`  waiting for approval (answer as stange or ${DEMO_COUNTY_USER}): ${DEMO_APPLICANT}`);
	const host = demoCollisionHost(plan);
	if (host) console.log(`  a collision to resolve (two libraries believe they are coming): log in as ${host}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.on(signal, () => {
		void Promise.resolve(notifications?.close())
			.catch(() => undefined)
			.then(() => server.close())
			.then(() => process.exit(0));
	});
}
