import { expect, test, type Page } from '@playwright/test';
import { loginAs } from './helpers';

/** What the overview must say in each language, and how it writes a balance in days. */
const overview = {
	sv: { nav: 'Översikt', settings: 'Inställningar', agenda: 'Väntar på er', statement: 'Kontoutdrag', balance: /^[+−]?\d+(,\d+)? dagar?$/ },
	en: { nav: 'Overview', settings: 'Settings', agenda: 'Waiting for you', statement: 'Statement', balance: /^[+−]?\d+(\.\d+)? days?$/ }
} as const;

async function expectOverviewIn(page: Page, locale: keyof typeof overview): Promise<void> {
	const words = overview[locale];
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	const nav = page.getByRole('navigation');
	await expect(nav.getByRole('link', { name: words.nav })).toHaveAttribute('aria-current', 'page');
	await expect(nav.getByRole('link', { name: words.settings })).toBeVisible();
	await expect(page.getByRole('heading', { name: words.agenda })).toBeVisible();
	await expect(page.getByRole('heading', { name: words.statement })).toBeVisible();
	await expect(page.getByTestId('balance')).toHaveText(words.balance);
}

test('a librarian switches to Swedish, then English, in settings; the overview follows and each choice survives a reload', async ({ page }) => {
	await loginAs(page, 'ringsaker');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nb');

	await page.getByRole('navigation').getByRole('link', { name: 'Innstillinger' }).click();
	await page.getByLabel('Språk', { exact: true }).selectOption('sv');
	// The page redraws in place: no reload, and the picker now speaks Swedish too.
	await expect(page.getByRole('heading', { level: 1, name: 'Inställningar' })).toBeVisible();
	await expect(page.getByText('Välj språk för den här enheten.')).toBeVisible();
	await page.getByRole('navigation').getByRole('link', { name: 'Översikt' }).click();
	await expectOverviewIn(page, 'sv');
	await page.reload();
	await expectOverviewIn(page, 'sv');

	await page.getByRole('navigation').getByRole('link', { name: 'Inställningar' }).click();
	await page.getByLabel('Språk', { exact: true }).selectOption('en');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');
	await page.getByRole('navigation').getByRole('link', { name: 'Overview' }).click();
	await expectOverviewIn(page, 'en');
	await page.reload();
	await expectOverviewIn(page, 'en');
});

test('the login page speaks the chosen language before anyone logs in, and the choice stays on the device', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByLabel('Brukernavn')).toBeVisible();
	await page.getByLabel('Språk', { exact: true }).selectOption('nn');
	await expect(page.getByLabel('Brukarnamn')).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
	await page.reload();
	await expect(page.getByLabel('Brukarnamn')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Ny her? Be om tilgang' })).toBeVisible();
});

test.describe('a Swedish browser', () => {
	test.use({ locale: 'sv-SE' });

	test('is greeted in Swedish without choosing anything', async ({ page }) => {
		await page.goto('/login');
		await expect(page.locator('html')).toHaveAttribute('lang', 'sv');
		await expect(page.getByLabel('Användarnamn')).toBeVisible();
		await expect(page.getByLabel('Lösenord')).toBeVisible();
		await expect(page.getByLabel('Språk', { exact: true })).toHaveValue('sv');
	});
});

/** A sentence only each catalogue holds: finding it in a script means that catalogue was shipped. */
const marker = { nb: 'Venter på dere', nn: 'Ventar på dykk', sv: 'Väntar på er', en: 'Waiting for you' } as const;

async function catalogueScriptsLoaded(page: Page, visit: () => Promise<void>): Promise<string[]> {
	const bodies: Promise<string>[] = [];
	const listener = (response: import('@playwright/test').Response) => {
		if (response.url().endsWith('.js')) bodies.push(response.text().catch(() => ''));
	};
	page.on('response', listener);
	await visit();
	page.off('response', listener);
	const scripts = await Promise.all(bodies);
	expect(scripts.length).toBeGreaterThan(3);
	return (Object.keys(marker) as Array<keyof typeof marker>).filter((locale) => scripts.some((s) => s.includes(marker[locale])));
}

test('a page ships only its own language: Bokmål pages load no Nynorsk, Swedish or English, and an English page no Bokmål', async ({ page }) => {
	expect(await catalogueScriptsLoaded(page, () => loginAs(page, 'ringsaker'))).toEqual(['nb']);
	await page.getByRole('navigation').getByRole('link', { name: 'Innstillinger' }).click();
	await page.getByLabel('Språk', { exact: true }).selectOption('en');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	const loaded = await catalogueScriptsLoaded(page, async () => {
		await page.reload();
		await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	});
	expect(loaded).toEqual(['en']);
});

const pages = {
	ringsaker: ['/', '/offers', '/requests', '/exchanges', '/libraries', '/libraries/ringsaker', '/reports', '/offers/new', '/people/new', '/settings'],
	fylket: ['/county', '/county/admin', '/county/travel']
} as const;

// Longer Swedish and English words must not push a page sideways on the narrowest phone
// (320 px, the width WCAG's reflow criterion names; also what 200 % zoom leaves a 640 px window).
for (const locale of ['nb', 'nn', 'sv', 'en'] as const) {
	for (const [user, paths] of Object.entries(pages)) {
		test(`every page fits 320 px without sideways scrolling in ${locale}, as ${user}`, async ({ page }) => {
			await page.setViewportSize({ width: 320, height: 640 });
			await loginAs(page, user);
			await page.evaluate((chosen) => localStorage.setItem('byttebank.locale', chosen), locale);
			for (const path of paths) {
				await page.goto(path);
				await expect(page.locator('html')).toHaveAttribute('lang', locale);
				await expect(page.locator('main h1')).toBeVisible();
				const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
				expect(overflow, `${locale} ${path}`).toBeLessThanOrEqual(0);
			}
		});
	}
}
