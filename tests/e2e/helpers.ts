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

/**
 * The host posts a request for more days than it may still agree to, the helper library answers
 * it, and the host tries to accept: the refusal that both the exchange cycle and the live region
 * check. Returns what the host could still agree to and how many days it asked for.
 */
export async function acceptAnswerPastTheLimit(host: Page, helper: Page, description: string): Promise<{ available: number; asked: number }> {
	await host.goto('/');
	const available = Number((await host.getByTestId('available').getAttribute('data-days')) ?? 0);
	const asked = Math.min(20, Math.floor(available) + 1);
	await host.goto('/requests/new');
	await host.getByRole('checkbox', { name: 'Kassering' }).check();
	await host.getByLabel('Beskrivelse').fill(description);
	await host.getByLabel('Antall dager').fill(String(asked));
	await host.getByRole('button', { name: 'Lagre' }).click();
	await expect(host.getByTestId('request-detail')).toBeVisible();
	const requestId = host.url().split('/').pop()!;

	await helper.goto(`/requests/${requestId}`);
	await helper.getByTestId('answer-request').click();
	await expect(helper.getByTestId('exchange-status')).toHaveText('Foreslått');
	await host.goto(`/requests/${requestId}`);
	await host.getByTestId('accept-answer').click();
	return { available, asked };
}
