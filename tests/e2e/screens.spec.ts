import { expect, test } from '@playwright/test';
import { loginAs, screenshot } from './helpers';

const pages = [
	['overview', '/'],
	['offers', '/offers'],
	['requests', '/requests'],
	['exchanges', '/exchanges'],
	['libraries', '/libraries'],
	['library', '/libraries/ringsaker'],
	['reports', '/reports'],
	['offer-new', '/offers/new'],
	['person-new', '/people/new'],
	['settings', '/settings']
] as const;

for (const [device, width, height] of [['phone', 360, 740], ['tablet', 1024, 768]] as const) {
	test(`every page fits a ${device} (${width} px) without sideways scrolling`, async ({ page }) => {
		await page.setViewportSize({ width, height });
		await loginAs(page, 'ringsaker');
		for (const [name, path] of pages) {
			await page.goto(path);
			await expect(page.locator('main h1')).toBeVisible();
			// The settings page shows it twice: in the header and in its sync card.
			await expect(page.getByTestId('sync-status').first()).toContainText('Oppdatert');
			await screenshot(page, `${name}-${width}`);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, name).toBeLessThanOrEqual(0);
		}
		await page.goto('/requests');
		await page.getByTestId('request-list').getByRole('link').first().click();
		await expect(page.getByTestId('request-detail')).toBeVisible();
		await screenshot(page, `request-${width}`);
		await page.goto('/exchanges');
		await page.locator('[data-testid^="exchanges-"] a').first().click();
		await expect(page.getByTestId('exchange-detail')).toBeVisible();
		await screenshot(page, `exchange-${width}`);
	});
}

for (const [device, width, height] of [['phone', 360, 740], ['tablet', 1024, 768]] as const) {
	test(`a collision reads plainly on a ${device} (${width} px): first on the overview, then keep or release`, async ({ page }) => {
		await page.setViewportSize({ width, height });
		// The demo county's collision: two libraries both believe they are coming to Alvdal.
		await loginAs(page, 'alvdal');
		await expect(page.getByTestId('agenda-collision').first()).toBeVisible();
		await screenshot(page, `overview-collision-${width}`);
		await page.getByTestId('agenda-collision').first().getByRole('link').click();
		await expect(page.getByTestId('collision')).toBeVisible();
		await expect(page.getByTestId('keep-agreement')).toHaveCount(2);
		await screenshot(page, `exchange-collision-${width}`);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
	});
}
