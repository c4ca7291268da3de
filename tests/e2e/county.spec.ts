import { expect, test } from '@playwright/test';
import { countyReport } from '../../src/lib/domain/county-report';
import { localToday } from '../../src/lib/domain/agenda';
import { balanceOf } from '../../src/lib/domain/ledger';
import { serverState } from './bank';
import { loginAs } from './helpers';

test('the county dashboard shows exactly what a fold of the same documents gives', async ({ page }) => {
	await loginAs(page, 'fylket');
	await page.goto('/county');
	await page.getByTestId('county-year').selectOption('all');
	const state = await serverState(page);
	const libraries = await page.evaluate(async () => {
		const r = await fetch('/db/byttebank/_all_docs?include_docs=true&startkey=%22library%3A%22&endkey=%22library%3A%EF%BF%B0%22', { credentials: 'same-origin' });
		return ((await r.json()) as { rows: Array<{ doc: { slug: string; active: boolean; county?: boolean } }> }).rows.map((row) => row.doc);
	});
	const report = countyReport({
		exchanges: [...state.exchanges.values()],
		balances: state.balances,
		libraries: libraries.filter((l) => l.active && !l.county).map((l) => l.slug),
		policy: state.policy,
		today: localToday()
	});
	await expect(page.getByTestId('days-exchanged')).toHaveText(new Intl.NumberFormat('nb').format(report.daysExchanged));
	await expect(page.getByTestId('exchanges-completed')).toHaveText(String(report.exchangesCompleted));
	await expect(page.getByTestId('county-open-offers')).toHaveText(String([...state.offers.values()].filter((o) => o.status === 'open').length));
	for (const row of report.perLibrary) {
		const cells = page.locator(`[data-testid="per-library"] tr[data-library="${row.library}"]`);
		await expect(cells).toHaveAttribute('data-given', String(row.given));
		await expect(cells).toHaveAttribute('data-received', String(row.received));
		await expect(cells).toHaveAttribute('data-balance', String(row.balance));
	}
	for (const skill of report.perSkill) {
		await expect(page.locator(`[data-testid="per-skill"] [data-skill="${skill.skill}"]`)).toHaveAttribute('data-days', String(skill.days));
	}
	await expect(page.getByTestId('below-zero').locator('li')).toHaveCount(report.belowZero.length);
	await expect(page.getByTestId('synced-at')).toContainText('synkronisert');
	await page.goto('/county/travel');
	await expect(page.getByTestId('travel-claims').locator('tbody tr')).toHaveCount(report.travel.filter((c) => c.completedAt.startsWith(String(new Date().getFullYear()))).length);
});

test('the county reverses a completed exchange: both balances are restored and both entries stay', async ({ page }) => {
	await loginAs(page, 'fylket');
	const before = await serverState(page);
	const exchange = [...before.exchanges.values()].find((e) => e.status === 'completed')!;
	await page.goto(`/exchanges/${exchange.id}`);
	await page.getByTestId('reverse-reason').fill('Registrert på feil bibliotek.');
	await page.getByTestId('reverse').click();
	await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Ja, fortsett' }).click();
	await expect(page.getByTestId('exchange-status')).toHaveText('Korrigert av fylket');
	await expect.poll(async () => (await serverState(page)).exchanges.get(exchange.id)?.status).toBe('reversed');
	const after = await serverState(page);
	expect(balanceOf(after, exchange.provider)).toBe(balanceOf(before, exchange.provider) - exchange.daysWorked!);
	expect(balanceOf(after, exchange.host)).toBe(balanceOf(before, exchange.host) + exchange.daysWorked!);
	expect([...after.entries.values()].filter((e) => e.exchange === exchange.id).map((e) => e.kind).sort()).toEqual(['credit', 'debit', 'reversal', 'reversal']);
});

test('deactivating a library hides its open offers from everyone', async ({ browser }) => {
	const countyPage = await (await browser.newContext()).newPage();
	const librarian = await (await browser.newContext()).newPage();
	await loginAs(countyPage, 'fylket');
	await loginAs(librarian, 'loten');
	const state = await serverState(countyPage);
	const owner = [...state.offers.values()].find((o) => o.status === 'open' && o.library !== 'loten')!.library;
	await countyPage.goto('/county/admin');
	const row = countyPage.locator(`[data-testid="admin-libraries"] li[data-library="${owner}"]`);
	const name = (await row.locator('a').textContent())!;
	await librarian.goto('/offers');
	await expect(librarian.getByTestId('offer-list')).toContainText(name);

	await row.getByRole('button', { name: 'Deaktiver' }).click();
	await expect(row).toHaveAttribute('data-active', 'false');
	// The librarian's open page updates itself when the change arrives.
	await expect(librarian.getByTestId('offer-list')).not.toContainText(name);
});
