import { expect, test, type Page } from '@playwright/test';
import { balanceOf, totalOfBalances } from '../../src/lib/domain/ledger';
import { PERSON_PREFIX } from '../../src/lib/domain/directory';
import { isoInDays, serverDocIds, serverState } from './bank';
import { acceptAnswerPastTheLimit, loginAs, screenshot } from './helpers';

async function balance(page: Page): Promise<number> {
	await page.goto('/');
	return Number(await page.getByTestId('balance').getAttribute('data-days'));
}

test('Eidskog offers, Tolga proposes with a date, Eidskog accepts, Tolga confirms 1.5 days', async ({ browser }) => {
	const eidskog = await (await browser.newContext()).newPage();
	const tolga = await (await browser.newContext()).newPage();
	await loginAs(eidskog, 'eidskog');
	await loginAs(tolga, 'tolga');
	const eidskogBefore = await balance(eidskog);
	const tolgaBefore = await balance(tolga);

	await eidskog.goto('/offers/new');
	await eidskog.getByRole('checkbox', { name: 'Katalogisering' }).check();
	await eidskog.getByLabel('Beskrivelse').fill('Erfaren katalogisator, to dager når det passer dere.');
	await eidskog.getByLabel('Antall dager').fill('2');
	await eidskog.getByRole('button', { name: 'Lagre' }).click();
	await expect(eidskog.getByTestId('offer-detail')).toContainText('Udatert – dato avtales');
	const offerId = eidskog.url().split('/').pop()!;

	await tolga.goto(`/offers/${offerId}`);
	await expect(tolga.getByTestId('offer-detail')).toContainText('Eidskog bibliotek');
	await tolga.getByLabel('Fra').fill(isoInDays(7));
	await tolga.getByLabel('Til').fill(isoInDays(8));
	await tolga.getByLabel('Antall dager').fill('2');
	await tolga.getByRole('button', { name: 'Send forespørsel' }).click();
	await expect(tolga.getByTestId('exchange-status')).toHaveText('Foreslått');
	const exchangeId = tolga.url().split('/').pop()!;

	await eidskog.goto('/');
	await expect(eidskog.getByTestId('agenda')).toContainText('1 forslag å svare på');
	await eidskog.goto(`/exchanges/${exchangeId}`);
	await eidskog.getByTestId('accept-exchange').click();
	await expect(eidskog.getByTestId('exchange-status')).toHaveText('Avtalt');

	// Tolga's page updates itself when the acceptance arrives: no reload.
	await expect(tolga.getByTestId('exchange-status')).toHaveText('Avtalt');
	await tolga.getByLabel('Dager jobbet').fill('1,5');
	await tolga.getByRole('button', { name: 'Bekreft utført bytte' }).first().click();
	await expect(tolga.getByTestId('exchange-status')).toHaveText('Utført');
	await expect(tolga.getByTestId('days-worked')).toContainText('1,5 dager');
	await screenshot(tolga, 'exchange-completed-1024');

	await expect.poll(() => balance(tolga)).toBe(tolgaBefore - 1.5);
	await expect.poll(() => balance(eidskog)).toBe(eidskogBefore + 1.5);
	// Both statements list the exchange with exactly ±1.5 days.
	await tolga.goto('/ledger/tolga');
	await expect(tolga.getByTestId('ledger').locator('tbody tr').first()).toHaveAttribute('data-delta', '-1.5');
	await eidskog.goto('/ledger/eidskog');
	await expect(eidskog.getByTestId('ledger').locator('tbody tr').first()).toHaveAttribute('data-delta', '1.5');
	const state = await serverState(tolga);
	expect(balanceOf(state, 'tolga')).toBe(tolgaBefore - 1.5);
	expect(balanceOf(state, 'eidskog')).toBe(eidskogBefore + 1.5);
	expect(totalOfBalances(state)).toBe(0);

	// Both write what they learned; the reports appear on the exchange and in the feed.
	await eidskog.goto(`/exchanges/${exchangeId}`);
	await eidskog.getByLabel('Hva ble gjort?').fill('Katalogiserte lokalsamlingen.');
	await eidskog.getByRole('button', { name: 'Del rapporten' }).click();
	await tolga.goto('/reports');
	await expect(tolga.getByTestId('report-feed')).toContainText('Katalogiserte lokalsamlingen.');
});

test('accepting an answer that would take the host past its credit limit is refused with the reason, and nothing is written', async ({ browser }) => {
	const host = await (await browser.newContext()).newPage();
	const helper = await (await browser.newContext()).newPage();
	await loginAs(host, 'alvdal');
	await loginAs(helper, 'hamar');
	await host.goto('/');
	const hostBalance = Number(await host.getByTestId('balance').getAttribute('data-days'));
	const { available, asked } = await acceptAnswerPastTheLimit(host, helper, 'Stor kassering før ombygging.');
	expect(asked).toBeGreaterThan(available);
	await expect(host.getByTestId('answers')).toContainText('Alvdal bibliotek ville gått under grensen på 5 dager');
	await expect(host.getByTestId('answer')).toHaveAttribute('data-status', 'proposed');
	await host.goto('/');
	await expect(host.getByTestId('balance')).toHaveAttribute('data-days', String(hostBalance));
});

test('every form rejects bad input with a message by the field and keeps what was typed', async ({ page }) => {
	await loginAs(page, 'stange');
	const saved = async () => {
		const state = await serverState(page);
		const people = await serverDocIds(page, PERSON_PREFIX);
		return { offers: [...state.offers.values()].filter((o) => o.library === 'stange').length, requests: [...state.requests.values()].filter((r) => r.library === 'stange').length, people: people.length };
	};
	const before = await saved();

	await page.goto('/offers/new');
	await page.getByLabel('Beskrivelse').fill('   ');
	await page.getByLabel('Antall dager').fill('0,3');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByText('Velg minst én oppgave.')).toBeVisible();
	await expect(page.getByText('Må fylles ut.')).toBeVisible();
	await expect(page.getByText('Oppgi dager i halve eller hele dager, fra 0,5 til 20.')).toBeVisible();
	await expect(page.getByLabel('Antall dager')).toHaveValue('0,3');
	await expect(page).toHaveURL(/\/offers\/new$/);

	await page.goto('/requests/new');
	await page.getByRole('checkbox', { name: 'Plasting' }).check();
	await page.getByLabel('Beskrivelse').fill('Plasting av nye bøker');
	await page.getByLabel('Antall dager').fill('to');
	await page.getByLabel('Fleksibel – vi avtaler dato').uncheck();
	await page.getByLabel('Fra').fill('2026-05-10');
	await page.getByLabel('Til').fill('2026-05-01');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByText('Oppgi et tall.')).toBeVisible();
	await expect(page.getByText('Sluttdato kan ikke være før startdato.')).toBeVisible();
	await expect(page.getByLabel('Beskrivelse')).toHaveValue('Plasting av nye bøker');

	await page.goto('/people/new');
	await page.getByLabel('Navn').fill('Kari Test');
	await page.getByLabel('E-post').fill('ikke-en-adresse');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByText('Ugyldig e-postadresse.')).toBeVisible();
	await expect(page.getByLabel('Navn')).toHaveValue('Kari Test');

	await page.goto('/libraries/stange/edit');
	await page.getByLabel('E-post').fill('post@');
	await page.getByRole('button', { name: 'Lagre' }).click();
	await expect(page.getByText('Ugyldig e-postadresse.')).toBeVisible();

	// Nothing reached the server, and the board, once loaded, lists only the offers it had.
	expect(await saved()).toEqual(before);
	await page.goto('/offers');
	await expect(page.getByTestId('offer-list')).toBeVisible();
	await expect(page.getByTestId('my-offers').locator(':scope > li')).toHaveCount(before.offers);
});
