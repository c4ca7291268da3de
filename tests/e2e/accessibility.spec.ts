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
	// A blank or half-drawn page would pass vacuously: the rules must have had something to check.
	expect(results.passes.length, `axe checked rules on ${label}`).toBeGreaterThan(10);
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

test('the confirmation dialog, open over an offer, has no serious or critical axe findings', async ({ page }) => {
	await loginAs(page, 'ringsaker');
	await page.goto('/offers/new');
	await page.getByRole('checkbox', { name: 'Katalogisering' }).check();
	await page.getByLabel('Beskrivelse').fill('Et tilbud å trekke tilbake.');
	await page.getByLabel('Antall dager').fill('1');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByTestId('offer-detail')).toBeVisible();
	await page.getByRole('button', { name: 'Trekk tilbake' }).click();
	await expect(page.getByRole('dialog')).toBeVisible();
	expect(await scan(page, 'nb', 'confirm dialog')).toEqual([]);
});

test('the accessibility statement is public, and passes axe in every language', async ({ browser }) => {
	for (const locale of LOCALES) {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.addInitScript((value) => localStorage.setItem('byttebank.locale', value), locale);
		await page.goto('/accessibility');
		await expect(page).toHaveURL(/\/accessibility$/);
		await expect(page.getByTestId('accessibility-statement').getByRole('listitem')).toHaveCount(10);
		expect(await scan(page, locale, '/accessibility')).toEqual([]);
		await context.close();
	}
});

test('every page links to the accessibility statement', async ({ page }) => {
	await loginAs(page, 'ringsaker');
	await page.getByTestId('accessibility-link').click();
	await expect(page).toHaveURL(/\/accessibility$/);
	await expect(page.getByTestId('accessibility-statement')).toBeVisible();
});
