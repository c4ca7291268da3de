import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8190);
// With an Apache CouchDB named (tests/apache/couchdb-env.ts), the exchange cycle and the offline
// stories, and the late-arrival stories, run a second time through the proxy `npm start` uses with COUCHDB_URL.
const apache = Boolean(process.env.COUCHDB_TEST_URL && process.env.COUCHDB_TEST_ADMIN);
const apachePort = port + 10;
if (!apache) console.warn('SKIPPED the browser tests on Apache CouchDB: COUCHDB_TEST_URL/COUCHDB_TEST_ADMIN unset; .ci/run sets them.');

export default defineConfig({
	testDir: 'tests/e2e',
	// One server and two cores: tests run one after another, each in fresh browser contexts.
	workers: 1,
	fullyParallel: false,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 15_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		locale: 'nb-NO',
		timezoneId: 'Europe/Oslo',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
		}
	},
	projects: [
		{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } },
		...(apache
			? [{ name: 'apache-couchdb', testMatch: ['exchange-cycle.spec.ts', 'offline.spec.ts', 'late-arrival.spec.ts'], use: { ...devices['Desktop Chrome'], channel: undefined, baseURL: `http://127.0.0.1:${apachePort}` } }]
			: [])
	],
	webServer: [
		{
			command: `node node_modules/.bin/tsx tests/e2e/serve.ts`,
			env: { PORT: String(port) },
			url: `http://127.0.0.1:${port}/db/`,
			reuseExistingServer: false,
			timeout: 60_000,
			stdout: 'pipe'
		},
		...(apache
			? [{ command: `node node_modules/.bin/tsx tests/e2e/serve-apache.ts`, env: { PORT: String(apachePort) }, url: `http://127.0.0.1:${apachePort}/db/_up`, reuseExistingServer: false, timeout: 120_000, stdout: 'pipe' as const }]
			: [])
	]
});
