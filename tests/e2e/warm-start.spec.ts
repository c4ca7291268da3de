import { expect, test } from '@playwright/test';
import { loginAs, waitForServiceWorker } from './helpers';
import { savedFold } from './saved-fold';

test('a reload offline opens on the saved fold, and what is written then is checked and kept', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAs(page, 'hamar');
	await waitForServiceWorker(page);
	const balance = await page.getByTestId('balance').getAttribute('data-days');
	const openOffers = Number(await page.getByTestId('open-offers').textContent());
	await expect.poll(() => savedFold(page), { timeout: 20_000 }).not.toBeNull();

	await context.setOffline(true);
	const reload = await page.reload();
	expect(reload?.fromServiceWorker()).toBe(true);
	await expect(page.getByTestId('balance')).toHaveAttribute('data-days', balance!);
	await expect(page.getByTestId('sync-status')).toContainText('Uten nett');

	// Written at once after the start: the writer waits for the fold to catch up, then checks.
	await page.goto('/offers/new');
	await page.getByRole('checkbox', { name: 'Hyllerydding' }).check();
	await page.getByLabel('Beskrivelse').fill('Skrevet rett etter en kald oppstart uten nett.');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByTestId('offer-detail')).toBeVisible();
	await expect(page.locator('main')).toHaveAttribute('data-caught-up', 'true');
	await page.goto('/');
	await expect(page.getByTestId('open-offers')).toHaveText(String(openOffers + 1));

	// The new offer is in the next saved fold, and a second warm start shows it.
	const before = await savedFold(page);
	await expect.poll(() => savedFold(page), { timeout: 20_000 }).toBeGreaterThan(before ?? 0);
	await page.reload();
	await expect(page.getByTestId('open-offers')).toHaveText(String(openOffers + 1));
	await expect(page.getByTestId('sync-pending')).toHaveText('1 endring venter på å bli sendt');
});
