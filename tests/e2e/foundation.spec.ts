import { expect, test } from '@playwright/test';
import { balanceOf } from '../../src/lib/domain/ledger';
import { serverState } from './bank';
import { loginAs, screenshot, waitForServiceWorker } from './helpers';

test('a librarian logs in and sees the library name and the balance the fold gives', async ({ page }) => {
	await loginAs(page, 'hamar');
	const state = await serverState(page);
	await expect(page.getByTestId('library-name')).toHaveText('Hamar bibliotek');
	await expect(page.getByTestId('balance')).toHaveAttribute('data-days', String(balanceOf(state, 'hamar')));
	await expect(page.getByTestId('sync-status')).toContainText('Oppdatert');
});

test('after one visit the app opens with no network, logged in as before, with its data', async ({ page, context }) => {
	await loginAs(page, 'tolga');
	const state = await serverState(page);
	await expect(page.getByTestId('balance')).toHaveAttribute('data-days', String(balanceOf(state, 'tolga')));
	await waitForServiceWorker(page);

	await context.setOffline(true);
	const response = await page.reload();
	expect(response?.fromServiceWorker()).toBe(true);
	await expect(page.getByTestId('library-name')).toHaveText('Tolga bibliotek');
	await expect(page.getByTestId('balance')).toHaveAttribute('data-days', String(balanceOf(state, 'tolga')));
	await expect(page.getByTestId('sync-status')).toContainText('Uten nett');
	await context.setOffline(false);
});

test('a wrong password gets a clear message and keeps what was typed', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Brukernavn').fill('hamar');
	await page.getByLabel('Passord').fill('feil-passord');
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page.getByRole('alert')).toHaveText('Feil brukernavn eller passord.');
	await expect(page.getByLabel('Brukernavn')).toHaveValue('hamar');
});

for (const [device, width, height] of [['phone', 360, 740], ['tablet', 1024, 768]] as const) {
	test(`the overview reads well on a ${device} (${width} px)`, async ({ page }) => {
		await page.setViewportSize({ width, height });
		await page.goto('/login');
		// The page draws once its language has loaded: photograph it then, not the blank before.
		await expect(page.getByLabel('Brukernavn')).toBeVisible();
		await screenshot(page, `login-${width}`);
		await loginAs(page, 'eidskog');
		await expect(page.getByTestId('sync-status')).toContainText('Oppdatert');
		await screenshot(page, `overview-${width}`);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
}
