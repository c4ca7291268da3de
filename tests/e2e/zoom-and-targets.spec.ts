import { expect, test, type Page } from '@playwright/test';
import { DEMO_COUNTY_USER } from '../../couchdb/demo/seed';
import { loginAs } from './helpers';

/**
 * WCAG 1.4.4 and 1.4.10 at 200 %, two ways, and the 44 px targets the issue asks for (WCAG
 * 2.5.5): what a librarian with poor sight or big fingers meets on every page.
 * - Browser zoom: a 1280 × 800 window at 200 % is a 640 × 400 CSS viewport drawn at twice the
 *   density; nothing may scroll sideways and the page's heading and navigation stay on screen.
 * - Text zoom (a phone's or a browser's font size setting): the root font size doubled on a
 *   tablet's 1024 px; the layout must grow with it, not clip or overlap it.
 */
const pages: Record<string, string[]> = {
	ringsaker: ['/', '/offers', '/offers/new', '/requests', '/requests/new', '/exchanges', '/libraries', '/libraries/ringsaker', '/libraries/ringsaker/edit', '/ledger/ringsaker', '/people/new', '/reports', '/settings', '/accessibility'],
	[DEMO_COUNTY_USER]: ['/county', '/county/admin', '/county/travel']
};

/** The page's controls smaller than 44 × 44 CSS px, leaving out links inside running text (WCAG's inline exception). */
function smallTargets(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const MIN = 44;
		const found: string[] = [];
		const visible = (el: Element) => {
			const style = getComputedStyle(el);
			const box = el.getBoundingClientRect();
			return style.visibility !== 'hidden' && style.display !== 'none' && box.width > 0 && box.height > 0 && !el.closest('[hidden], [aria-hidden="true"], .visually-hidden, dialog:not([open])');
		};
		const inline = (el: Element) => {
			const parent = el.parentElement;
			if (!parent || !['P', 'LI', 'TD', 'DD', 'SPAN', 'SMALL'].includes(parent.tagName)) return false;
			// Words beside the link in the same block: it is part of a sentence.
			const text = [...parent.childNodes].filter((n) => n !== el).map((n) => n.textContent ?? '').join('').trim();
			return text.length > 0 && getComputedStyle(el).display === 'inline';
		};
		for (const el of document.querySelectorAll('a[href], button, select, input:not([type="hidden"]), textarea, summary')) {
			if (!visible(el) || (el.tagName === 'A' && inline(el))) continue;
			// A checkbox or radio is hit through its label, which is the target that counts.
			const target = (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') && el.closest('label')) || el;
			const box = target.getBoundingClientRect();
			if (box.height + 0.5 < MIN || box.width + 0.5 < MIN) {
				const name = (el.getAttribute('aria-label') || (el as HTMLElement).innerText || el.getAttribute('name') || el.id || '').trim().slice(0, 30);
				found.push(`${el.tagName.toLowerCase()}${el instanceof HTMLInputElement ? `[${el.type}]` : ''} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
			}
		}
		return [...new Set(found)];
	});
}

/** The first offer, request and exchange the lists link to, so detail pages are checked with real demo data. */
async function withDetails(page: Page, paths: string[]): Promise<string[]> {
	if (!paths.includes('/offers')) return paths;
	const details: string[] = [];
	for (const [list, pattern] of [['/offers', /^\/offers\/[^/]+$/], ['/requests', /^\/requests\/[^/]+$/], ['/exchanges', /^\/exchanges\/[^/]+$/]] as const) {
		await ready(page, list);
		const hrefs = await page.locator('main a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const href = hrefs.find((h) => pattern.test(h) && !h.endsWith('/new'));
		expect(href, `a detail link on ${list}`).toBeTruthy();
		details.push(href!);
	}
	return [...paths, ...details];
}

async function ready(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await expect(page.locator('main h1').first()).toBeVisible();
	await expect(page.getByTestId('sync-status').first()).toBeVisible();
}

for (const [user, paths] of Object.entries(pages)) {
	test(`every page at 200 % browser zoom, as ${user}: no sideways scrolling, heading and menu on screen`, async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
		const page = await context.newPage();
		await loginAs(page, user);
		for (const path of await withDetails(page, paths)) {
			await ready(page, path);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
			await expect(page.getByRole('navigation').first(), `${path}: the menu is there`).toBeVisible();
			const h1 = await page.locator('main h1').first().boundingBox();
			expect(h1!.x, `${path}: the heading starts on screen`).toBeGreaterThanOrEqual(0);
			expect(h1!.x + h1!.width, `${path}: the heading ends on screen`).toBeLessThanOrEqual(640);
		}
		await context.close();
	});

	test(`every page with text at 200 %, as ${user}: the layout grows with the text`, async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
		const page = await context.newPage();
		await loginAs(page, user);
		for (const path of await withDetails(page, paths)) {
			await ready(page, path);
			const before = await page.locator('main h1').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
			await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
			const after = await page.locator('main h1').first().evaluate((h) => parseFloat(getComputedStyle(h).fontSize));
			expect(after / before, `${path}: the heading's text doubles`).toBeGreaterThan(1.9);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, `${path} scrolls sideways with large text`).toBeLessThanOrEqual(0);
			// Text cut off inside a box that kept its old size: an element whose content is wider than itself, with overflow hidden.
			const clipped = await page.evaluate(() =>
				[...document.querySelectorAll('main *, header *')]
					.filter((el) => {
						const style = getComputedStyle(el);
						return (style.overflowX === 'hidden' || style.overflow === 'hidden') && el.scrollWidth > el.clientWidth + 1 && style.textOverflow !== 'ellipsis' && !el.matches('.visually-hidden, .visually-hidden *');
					})
					.map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`)
			);
			expect(clipped, `${path}: text clipped`).toEqual([]);
		}
		await context.close();
	});

	test(`every control is at least 44 × 44 px on a phone, as ${user}`, async ({ browser }) => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
		const page = await context.newPage();
		await loginAs(page, user);
		const small: string[] = [];
		for (const path of await withDetails(page, paths)) {
			await ready(page, path);
			small.push(...(await smallTargets(page)).map((s) => `${path}: ${s}`));
		}
		expect(small).toEqual([]);
		await context.close();
	});
}
