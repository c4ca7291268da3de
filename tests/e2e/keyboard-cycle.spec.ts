import { expect, test, type Locator, type Page } from '@playwright/test';
import { isoInDays } from './bank';
import { DEMO_PASSWORD } from '../../couchdb/demo/seed';

/**
 * The exchange cycle of exchange-cycle.spec.ts with the keyboard alone: every control is
 * reached with Tab and worked with Enter, Space or typing, and shows a focus ring when reached.
 * Addresses are opened with page.goto, as a keyboard user types them in the address bar.
 */
const MAX_TABS = 150;

async function tabTo(page: Page, target: Locator): Promise<void> {
	const element = await target.elementHandle();
	expect(element, 'the control to reach exists').toBeTruthy();
	for (let presses = 0; presses < MAX_TABS; presses++) {
		if (await element!.evaluate((el) => el === document.activeElement)) {
			const ring = await element!.evaluate((el) => {
				const style = getComputedStyle(el);
				return { visible: el.matches(':focus-visible'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
			});
			expect(ring.visible, 'focus is shown as keyboard focus').toBe(true);
			expect(ring.outline).not.toBe('none');
			expect(ring.width).toBeGreaterThanOrEqual(2);
			return;
		}
		await page.keyboard.press('Tab');
	}
	throw new Error(`not reached with ${MAX_TABS} presses of Tab`);
}

async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
	await tabTo(page, field);
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(text);
}

/**
 * A date field takes its segment order from the browser's own locale, which headless Chromium
 * may not take from nb-NO: type day-month-year, and if that landed wrong, go back to the first
 * segment with the arrow keys and type month-day-year.
 */
async function typeDate(page: Page, field: Locator, iso: string): Promise<void> {
	const [year, month, day] = iso.split('-');
	await tabTo(page, field);
	await page.keyboard.type(`${day}${month}${year}`);
	if ((await field.inputValue()) === iso) return;
	for (let segment = 0; segment < 3; segment++) await page.keyboard.press('ArrowLeft');
	await page.keyboard.type(`${month}${day}${year}`);
	await expect(field).toHaveValue(iso);
}

async function keyboardLogin(page: Page, user: string): Promise<void> {
	await page.goto('/login');
	await typeInto(page, page.getByLabel('Brukernavn'), user);
	await typeInto(page, page.getByLabel('Passord'), DEMO_PASSWORD);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('library-name')).toBeVisible();
	await expect(page.getByTestId('sync-status')).toContainText('Oppdatert');
}

test('Eidskog offers, Tolga proposes, Eidskog accepts, Tolga confirms 1.5 days: keyboard only, focus visible at every step', async ({ browser }) => {
	const eidskog = await (await browser.newContext()).newPage();
	const tolga = await (await browser.newContext()).newPage();
	await keyboardLogin(eidskog, 'eidskog');
	await keyboardLogin(tolga, 'tolga');

	await tabTo(eidskog, eidskog.getByRole('navigation').getByRole('link', { name: 'Tilbud' }));
	await eidskog.keyboard.press('Enter');
	await expect(eidskog).toHaveURL(/\/offers$/);
	await tabTo(eidskog, eidskog.locator('main a[href="/offers/new"]').first());
	await eidskog.keyboard.press('Enter');
	await expect(eidskog).toHaveURL(/\/offers\/new$/);
	await tabTo(eidskog, eidskog.getByRole('checkbox', { name: 'Katalogisering' }));
	await eidskog.keyboard.press('Space');
	await expect(eidskog.getByRole('checkbox', { name: 'Katalogisering' })).toBeChecked();
	await typeInto(eidskog, eidskog.getByLabel('Beskrivelse'), 'Katalogisator, to dager, bare med tastaturet.');
	await typeInto(eidskog, eidskog.getByLabel('Antall dager'), '2');
	await tabTo(eidskog, eidskog.getByRole('button', { name: 'Lagre' }));
	await eidskog.keyboard.press('Enter');
	await expect(eidskog.getByTestId('offer-detail')).toBeVisible();
	const offerId = eidskog.url().split('/').pop()!;

	await tolga.goto(`/offers/${offerId}`);
	await expect(tolga.getByTestId('offer-detail')).toContainText('Eidskog bibliotek');
	await typeDate(tolga, tolga.getByLabel('Fra'), isoInDays(7));
	await typeDate(tolga, tolga.getByLabel('Til'), isoInDays(8));
	await typeInto(tolga, tolga.getByLabel('Antall dager'), '2');
	await tabTo(tolga, tolga.getByRole('button', { name: 'Send forespørsel' }));
	await tolga.keyboard.press('Enter');
	await expect(tolga.getByTestId('exchange-status')).toHaveText('Foreslått');
	const exchangeId = tolga.url().split('/').pop()!;

	await eidskog.goto(`/exchanges/${exchangeId}`);
	await tabTo(eidskog, eidskog.getByTestId('accept-exchange'));
	await eidskog.keyboard.press('Enter');
	await expect(eidskog.getByTestId('exchange-status')).toHaveText('Avtalt');

	await expect(tolga.getByTestId('exchange-status')).toHaveText('Avtalt');
	await typeInto(tolga, tolga.getByLabel('Dager jobbet'), '1,5');
	await tabTo(tolga, tolga.getByRole('button', { name: 'Bekreft utført bytte' }).first());
	await tolga.keyboard.press('Enter');
	await expect(tolga.getByTestId('exchange-status')).toHaveText('Utført');
	await expect(tolga.getByTestId('days-worked')).toContainText('1,5 dager');
});

test('the confirmation dialog takes focus, Escape says no and hands focus back to the button that opened it', async ({ page }) => {
	await keyboardLogin(page, 'tolga');
	await page.goto('/offers/new');
	await tabTo(page, page.getByRole('checkbox', { name: 'Katalogisering' }));
	await page.keyboard.press('Space');
	await typeInto(page, page.getByLabel('Beskrivelse'), 'Et tilbud som skal trekkes.');
	await typeInto(page, page.getByLabel('Antall dager'), '1');
	await tabTo(page, page.getByRole('button', { name: 'Lagre' }));
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('offer-detail')).toBeVisible();

	const withdraw = page.getByRole('button', { name: 'Trekk tilbake' });
	const dialog = page.getByRole('dialog');
	await tabTo(page, withdraw);
	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await expect(dialog).toHaveAccessibleName(/.+/);
	await expect(dialog.getByRole('button', { name: 'Nei, avbryt' })).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(withdraw).toBeFocused();
	await expect(page.getByTestId('offer-detail')).toBeVisible();
	await expect(withdraw).toBeVisible();

	// Yes goes through: the offer is withdrawn.
	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Tab');
	await expect(dialog.getByRole('button', { name: 'Ja, fortsett' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(withdraw).toBeHidden();
});
