import { expect, test } from '@playwright/test';
import { serverState } from './bank';
import { loginAs, waitForServiceWorker } from './helpers';
import { OwnServer } from './own-server';

// This test stops and starts its own server, so it does not share the suite's.
const server = new OwnServer(8191);
test.use({ baseURL: server.url });
test.beforeAll(async () => {
	await server.start();
});
test.afterAll(async () => {
	await server.dispose();
});

test('the server stops mid-work and comes back: sync resumes, nothing is lost or duplicated', async ({ page }) => {
	test.setTimeout(120_000);
	await loginAs(page, 'kongsvinger');
	// Pages must come from the service worker while the server is down.
	await waitForServiceWorker(page);
	const before = await serverState(page);
	const ownBefore = [...before.offers.values()].filter((o) => o.library === 'kongsvinger').length;

	await server.stop();
	const descriptions = ['Første', 'Andre', 'Tredje', 'Fjerde'].map((n) => `${n} tilbud mens serveren var nede`);
	for (const description of descriptions) {
		await page.goto('/offers/new');
		await page.getByRole('checkbox', { name: 'Plasting' }).check();
		await page.getByLabel('Beskrivelse').fill(description);
		await page.getByRole('button', { name: 'Lagre' }).click();
		await expect(page.getByTestId('offer-detail')).toBeVisible();
	}
	await expect(page.getByTestId('sync-pending')).toHaveText('4 endringer venter på å bli sendt');
	await expect(page.getByTestId('sync-status')).not.toContainText('Oppdatert');

	await server.start();
	await expect(page.getByTestId('sync-pending')).toHaveCount(0, { timeout: 90_000 });
	const after = await serverState(page);
	const own = [...after.offers.values()].filter((o) => o.library === 'kongsvinger');
	expect(own).toHaveLength(ownBefore + descriptions.length);
	expect(own.map((o) => o.description).filter((d) => descriptions.includes(d)).sort()).toEqual([...descriptions].sort());
	expect(after.count).toBe(before.count + descriptions.length);
});
