import { expect, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../couchdb/demo/seed';

export async function loginAs(page: Page, user: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login$/);
	await page.getByLabel('Brukernavn').fill(user);
	await page.getByLabel('Passord').fill(password);
	await page.getByRole('button', { name: 'Logg inn' }).click();
	await expect(page.getByTestId('library-name')).toBeVisible();
	await expect(page.getByTestId('sync-status')).toContainText('Oppdatert');
}

/** Waits until the service worker controls the page, so a reload can be served offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (!navigator.serviceWorker.controller) {
			await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
		}
	});
}

export async function screenshot(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
}
