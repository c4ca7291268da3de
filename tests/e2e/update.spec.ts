import { expect, test, type Page } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitForServiceWorker } from './helpers';
import { OwnServer } from './own-server';

// Deploys on a server of its own: a copy of the build whose service worker the tests change.
const appDir = mkdtempSync(join(tmpdir(), 'byttebank-app-'));
const server = new OwnServer(8192, appDir);
let original = '';

test.beforeAll(async () => {
	cpSync('build', appDir, { recursive: true });
	original = readFileSync(join(appDir, 'sw.js'), 'utf8');
	await server.start();
});
test.afterAll(async () => {
	await server.dispose();
	rmSync(appDir, { recursive: true, force: true });
});

/** A new service worker that answers "which version?", so a test can tell which one controls the page. */
async function deploy(version: string): Promise<void> {
	// The server reads the build's files once, at start: a deploy restarts it.
	await server.stop();
	// A deploy replaces the build's precompressed copies too; stale ones would still be served.
	for (const copy of ['sw.js.br', 'sw.js.gz']) rmSync(join(appDir, copy), { force: true });
	writeFileSync(join(appDir, 'sw.js'), `${original}\nself.addEventListener('message', (e) => { if (e.data === 'version?') e.source.postMessage('${version}'); });\n`);
	await server.start();
}

function versionOfController(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((answer) => {
				const controller = navigator.serviceWorker.controller;
				if (!controller) return answer('none');
				navigator.serviceWorker.addEventListener('message', (event) => answer(String(event.data)), { once: true });
				controller.postMessage('version?');
				setTimeout(() => answer('unversioned'), 1000);
			})
	);
}

const waiting = (page: Page) => page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())!.waiting));

// A first visit kept open until the next version is the case workbox-window does not reload by
// itself (see updates.svelte.ts); a returning visit is the usual one.
for (const [visit, version] of [['a first visit', 'v2'], ['a returning visit', 'v3']] as const) {
	test(`on ${visit}, a new version waits for the user, and "Last inn på nytt" switches to it`, async ({ page }) => {
		await page.goto(`${server.url}/login`);
		await waitForServiceWorker(page);
		if (visit === 'a returning visit') await page.reload();
		const before = await versionOfController(page);
		await expect(page.getByText('En ny versjon av Byttebank er klar.')).toHaveCount(0);

		await deploy(version);
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
		await expect(page.getByText('En ny versjon av Byttebank er klar.')).toBeVisible();
		// Never forced: the old version keeps control until the user chooses.
		expect(await waiting(page)).toBe(true);
		expect(await versionOfController(page)).toBe(before);

		await page.getByRole('button', { name: 'Last inn på nytt' }).click();
		await expect(page.getByText('En ny versjon av Byttebank er klar.')).toHaveCount(0);
		await expect.poll(() => versionOfController(page)).toBe(version);
		expect(await waiting(page)).toBe(false);
		await expect(page.getByRole('button', { name: 'Logg inn' })).toBeVisible();
	});
}
