import { expect, test } from '@playwright/test';
import { DEMO_COUNTY_USER } from '../../couchdb/demo/seed';
import { acceptAnswerPastTheLimit, loginAs } from './helpers';

/** The layout's one polite live region says what happened: a refusal, a save. */

test('a refused acceptance is announced in the live region, with its reason', async ({ browser }) => {
	const host = await (await browser.newContext()).newPage();
	const helper = await (await browser.newContext()).newPage();
	await loginAs(host, 'alvdal');
	await loginAs(helper, 'hamar');
	const live = host.getByTestId('live-region');
	await expect(live).toHaveAttribute('aria-live', 'polite');
	await acceptAnswerPastTheLimit(host, helper, 'Kassering som går over grensen.');
	await expect(live).toContainText('Alvdal bibliotek ville gått under grensen på 5 dager');
});

test("the county's saved rules are announced in the live region", async ({ page }) => {
	await loginAs(page, DEMO_COUNTY_USER);
	await page.goto('/county/admin');
	await page.getByRole('button', { name: 'Lagre reglene' }).click();
	await expect(page.getByTestId('live-region')).toHaveText('Reglene er lagret.');
});

test('losing the connection is announced, and so is getting back', async ({ browser }) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAs(page, 'ringsaker');
	const live = page.getByTestId('live-region');
	await context.setOffline(true);
	await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'offline');
	await expect(live).toHaveText('Uten nett');
	await context.setOffline(false);
	await expect(page.getByTestId('sync-status')).toHaveAttribute('data-state', 'upToDate');
	await expect(live).toHaveText('Oppdatert');
});
