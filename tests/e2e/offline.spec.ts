import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { buildDemoCounty } from '../../couchdb/demo/seed';
import { fold } from '../../src/lib/domain/fold';
import { totalOfBalances } from '../../src/lib/domain/ledger';
import type { Transaction } from '../../src/lib/domain/transactions';
import { serverState } from './bank';
import { loginAs, waitForServiceWorker } from './helpers';

const demo = fold(buildDemoCounty('byttebank').documents.filter((d) => d._id.startsWith('tx:')) as unknown as Transaction[]);
const agreed = [...demo.exchanges.values()].filter((e) => e.status === 'accepted');

async function postOffer(page: Page, description: string): Promise<string> {
	await page.goto('/offers/new');
	await page.getByRole('checkbox', { name: 'Hyllerydding' }).check();
	await page.getByLabel('Beskrivelse').fill(description);
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByTestId('offer-detail')).toBeVisible();
	return page.url().split('/').pop()!;
}

test('a device offline for a while keeps working, and its changes reach the county and other devices', async ({ browser }) => {
	const exchange = agreed[0]!;
	const aContext = await browser.newContext();
	const a = await aContext.newPage();
	const b = await (await browser.newContext()).newPage();
	await loginAs(a, exchange.host);
	await loginAs(b, exchange.provider);
	await waitForServiceWorker(a);
	await b.goto(`/exchanges/${exchange.id}`);
	await expect(b.getByTestId('exchange-status')).toHaveText('Avtalt');

	await aContext.setOffline(true);
	const offerId = await postOffer(a, 'Skrevet uten nett på biblioteket i skogen.');
	await a.goto(`/exchanges/${exchange.id}`);
	await a.getByLabel('Dager jobbet').fill(String(exchange.days).replace('.', ','));
	await a.getByRole('button', { name: 'Bekreft utført bytte' }).first().click();
	await expect(a.getByTestId('exchange-status')).toHaveText('Utført');
	await expect(a.getByTestId('sync-pending')).toHaveText('2 endringer venter på å bli sendt');

	// Still offline: a reload is served by the service worker, with the data from the device.
	const reload = await a.reload();
	expect(reload?.fromServiceWorker()).toBe(true);
	await expect(a.getByTestId('exchange-status')).toHaveText('Utført');
	await expect(a.getByTestId('sync-status')).toContainText('Uten nett');
	await expect(a.getByTestId('sync-pending')).toHaveText('2 endringer venter på å bli sendt');

	await aContext.setOffline(false);
	await expect(a.getByTestId('sync-pending')).toHaveCount(0);
	await expect(a.getByTestId('sync-status')).toContainText('Oppdatert');

	// Device B had the exchange open all along: it updates without a reload.
	await expect(b.getByTestId('exchange-status')).toHaveText('Utført');
	const server = await serverState(b);
	expect(server.offers.get(offerId)?.description).toBe('Skrevet uten nett på biblioteket i skogen.');
	expect(server.exchanges.get(exchange.id)?.status).toBe('completed');
	expect(totalOfBalances(server)).toBe(0);
});

test('three libraries answer the same request offline; the host sees every answer once they are back and chooses one', async ({ browser }) => {
	const host = await (await browser.newContext()).newPage();
	await loginAs(host, 'engerdal');
	await host.goto('/requests/new');
	await host.getByRole('checkbox', { name: 'Arrangementer' }).check();
	await host.getByLabel('Beskrivelse').fill('Forfatterbesøk trenger en ekstra hånd.');
	await host.getByRole('button', { name: 'Lagre' }).click();
	await expect(host.getByTestId('request-detail')).toBeVisible();
	const requestId = host.url().split('/').pop()!;

	const answering = ['rendalen', 'stor-elvdal', 'amot'];
	const devices = [];
	for (const library of answering) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await loginAs(page, library);
		await page.goto(`/requests/${requestId}`);
		await expect(page.getByTestId('answer-request')).toBeVisible();
		await waitForServiceWorker(page);
		devices.push({ library, context, page });
	}
	for (const d of devices) await d.context.setOffline(true);
	for (const d of devices) {
		await d.page.getByTestId('answer-request').click();
		await expect(d.page.getByTestId('exchange-status')).toHaveText('Foreslått');
	}
	// They come back online in the opposite order to the one they answered in.
	for (const d of [...devices].reverse()) await d.context.setOffline(false);

	await host.goto(`/requests/${requestId}`);
	await expect(host.getByTestId('answer')).toHaveCount(3);
	await host.getByTestId('answer').filter({ hasText: 'Åmot bibliotek' }).getByTestId('accept-answer').click();
	await expect(host.getByTestId('filled-by')).toHaveText('Avtalt med Åmot bibliotek.');
	for (const d of devices) {
		await d.page.goto(`/requests/${requestId}`);
		await expect(d.page.getByTestId('filled-by')).toHaveText('Avtalt med Åmot bibliotek.');
	}
	const server = await serverState(host);
	const answers = [...server.exchanges.values()].filter((e) => 'request' in e.source && e.source.request === requestId);
	expect(answers.map((e) => [e.provider, e.status]).sort()).toEqual([['amot', 'accepted'], ['rendalen', 'declined'], ['stor-elvdal', 'declined']]);
	expect(totalOfBalances(server)).toBe(0);
});

test('an expired session keeps every pending change; after logging in again they are sent', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAs(page, 'trysil');
	// Offline navigation is served by the service worker, so it must control the page first.
	await waitForServiceWorker(page);
	await context.setOffline(true);
	const offerId = await postOffer(page, 'Laget mens innloggingen løp ut.');
	await expect(page.getByTestId('sync-pending')).toHaveText('1 endring venter på å bli sendt');
	await context.clearCookies();
	await context.setOffline(false);

	await expect(page.getByTestId('sync-status')).toContainText('Innloggingen er utløpt');
	await expect(page.getByTestId('sync-pending')).toHaveText('1 endring venter på å bli sendt');
	await page.getByRole('link', { name: /logg inn igjen/ }).click();
	await page.getByLabel('Passord').fill('byttebank');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page.getByTestId('sync-pending')).toHaveCount(0);
	expect((await serverState(page)).offers.has(offerId)).toBe(true);
});

test('Chromium finds the app installable: manifest, icons and service worker', async ({ browserName, baseURL }) => {
	// Installability is never reported for incognito contexts, so this one keeps a profile.
	expect(browserName).toBe('chromium');
	const profile = mkdtempSync(join(tmpdir(), 'byttebank-profile-'));
	const context = await chromium.launchPersistentContext(profile, { ...test.info().project.use.launchOptions, baseURL });
	try {
		const page = await context.newPage();
		await page.goto('/login');
		await waitForServiceWorker(page);
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] };
		expect(installabilityErrors).toEqual([]);
		const manifest = await (await page.request.get('/manifest.webmanifest')).json();
		expect(manifest).toMatchObject({ display: 'standalone', short_name: 'Byttebank' });
		expect(manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`)).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

test('a first visit through a deep link still installs the worker for the whole app', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	// The document is /requests/x; the app then sends the visitor to log in without reloading.
	await page.goto('/requests/x');
	await expect(page).toHaveURL(/\/login$/);
	const registration = await page.evaluate(async () => {
		const ready = await navigator.serviceWorker.ready;
		return { scope: ready.scope, script: ready.active?.scriptURL };
	});
	expect(registration).toEqual({ scope: new URL('/', page.url()).href, script: new URL('/sw.js', page.url()).href });
	await context.close();
});
