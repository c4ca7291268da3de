import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 8190);

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
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: {
		command: `node node_modules/.bin/tsx tests/e2e/serve.ts`,
		env: { PORT: String(port) },
		url: `http://127.0.0.1:${port}/db/`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'pipe'
	}
});
