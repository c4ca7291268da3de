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

/**
 * Waits until the service worker controls the page, so a reload can be served offline. A page
 * whose navigation began while the worker was still activating is never claimed (the claim ran
 * before it existed), so it is loaded once more, which the active worker then serves.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
	const controlled = () =>
		page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (navigator.serviceWorker.controller) return true;
			return new Promise<boolean>((done) => {
				navigator.serviceWorker.addEventListener('controllerchange', () => done(true), { once: true });
				setTimeout(() => done(Boolean(navigator.serviceWorker.controller)), 5_000);
			});
		});
	if (await controlled()) return;
	await page.reload();
	expect(await controlled(), 'the service worker controls the page').toBe(true);
}

export async function screenshot(page: Page, name: string): Promise<void> {
	await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
}
