import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_COUNTY_USER } from '../../couchdb/demo/seed';
import { loginAs } from './helpers';

/**
 * axe-core's WCAG 2.1 A and AA rules on every page, in every language, for a librarian and for
 * the county. Serious and critical findings fail; lesser ones are printed so they stay visible.
 */
const LOCALES = ['nb', 'nn', 'sv', 'en'] as const;
type Locale = (typeof LOCALES)[number];
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const librarianPages = [
	'/',
	'/offers',
	'/offers/new',
	'/requests',
	'/requests/new',
	'/exchanges',
	'/libraries',
	'/libraries/ringsaker',
	'/libraries/ringsaker/edit',
	'/ledger/ringsaker',
	'/people/new',
	'/reports',
	'/settings'
];
const countyPages = ['/county', '/county/admin', '/county/travel'];

async function rememberLocale(page: Page, locale: Locale): Promise<void> {
	await page.evaluate((value) => localStorage.setItem('byttebank.locale', value), locale);
}

/** Waits until the page has drawn in its language, then returns axe's serious and critical findings. */
async function scan(page: Page, locale: Locale, label: string): Promise<string[]> {
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await expect(page.locator('main h1').first()).toBeVisible();
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	const minor = results.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
	for (const v of minor) console.log(`[axe ${v.impact}] ${locale} ${label}: ${v.id} (${v.nodes.length})`);
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${locale} ${label}: ${v.impact} ${v.id} — ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** The first detail page a list links to, so detail pages are scanned with real demo data. */
async function firstDetail(page: Page, list: string, pattern: RegExp): Promise<string> {
	await page.goto(list);
	await expect(page.locator('main h1').first()).toBeVisible();
	const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	const href = hrefs.find((h) => pattern.test(h));
	expect(href, `a detail link on ${list}`).toBeTruthy();
	return href!;
}

async function scanAll(page: Page, locale: Locale, paths: string[]): Promise<string[]> {
	const found: string[] = [];
	for (const path of paths) {
		await page.goto(path);
		found.push(...(await scan(page, locale, path)));
	}
	return found;
}

for (const locale of LOCALES) {
	test(`login page in ${locale}: no serious or critical axe findings`, async ({ page }) => {
		await page.addInitScript((value) => localStorage.setItem('byttebank.locale', value), locale);
		await page.goto('/login');
		expect(await scan(page, locale, '/login')).toEqual([]);
	});

	test(`every librarian page in ${locale}: no serious or critical axe findings`, async ({ page }) => {
		await loginAs(page, 'ringsaker');
		await rememberLocale(page, locale);
		const details = [
			await firstDetail(page, '/offers', /^\/offers\/(?!new$)[^/]+$/),
			await firstDetail(page, '/requests', /^\/requests\/(?!new$)[^/]+$/),
			await firstDetail(page, '/exchanges', /^\/exchanges\/[^/]+$/)
		];
		const found = await scanAll(page, locale, [...librarianPages, ...details]);
		expect(found).toEqual([]);
	});

	test(`every county page in ${locale}, as the county: no serious or critical axe findings`, async ({ page }) => {
		await loginAs(page, DEMO_COUNTY_USER);
		await rememberLocale(page, locale);
		const found = await scanAll(page, locale, [...countyPages, '/', '/libraries', '/reports']);
		expect(found).toEqual([]);
	});
}

test('the confirmation dialog, open over an exchange, has no serious or critical axe findings', async ({ page }) => {
	await loginAs(page, 'ringsaker');
	await page.goto('/exchanges');
	const withdraw = page.getByTestId('withdraw-exchange').or(page.getByTestId('cancel-exchange'));
	for (const href of await page.locator('[data-testid^="exchanges-"] a[href^="/exchanges/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))) {
		await page.goto(href);
		await expect(page.getByTestId('exchange-detail')).toBeVisible();
		if (await withdraw.first().isVisible()) break;
	}
	await withdraw.first().click();
	await expect(page.getByTestId('confirm-dialog')).toBeVisible();
	expect(await scan(page, 'nb', 'confirm dialog')).toEqual([]);
});
