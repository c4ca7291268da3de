import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../../couchdb/demo/seed';
import { agendaFor, AGENDA_REQUESTS_NAMED } from '../../src/lib/domain/agenda';
import type { LibraryDoc, PersonDoc } from '../../src/lib/domain/directory';
import { fold } from '../../src/lib/domain/fold';
import { matchPeople } from '../../src/lib/domain/matching';
import { openOfferGroups } from '../../src/lib/domain/offer-groups';
import { benchServer, login, waitUntilSynced, type BenchServer } from '../bench/browser';
import { generatedCounty, transactionsOf } from '../generated-county';

// A county of a few years, as a library with a long history sees it: Hamar's statement has 176 lines, more than one page of 100, and
// more past exchanges than one page of 50.
const county = generatedCounty(5000);
const folded = fold(transactionsOf(county));
const hamarLines = [...folded.entries.values()].filter((e) => e.library === 'hamar').length;
const directory = county.documents as unknown as Array<{ _id: string }>;
const people = directory.filter((d) => d._id.startsWith('person:')) as PersonDoc[];
const libraries = directory.filter((d) => d._id.startsWith('library:')) as LibraryDoc[];
const hamarAgenda = agendaFor({
	library: 'hamar',
	today: '2026-12-07',
	exchanges: [],
	requests: [...folded.requests.values()],
	offerGroups: openOfferGroups(folded.offers.values()),
	people: matchPeople(people),
	libraries: new Map(libraries.map((l) => [l.slug, { slug: l.slug, lat: l.lat, lon: l.lon, balance: 0, active: l.active }]))
});
const hamarPast = [...folded.exchanges.values()].filter((e) => (e.provider === 'hamar' || e.host === 'hamar') && e.status !== 'proposed' && e.status !== 'accepted').length;

let server: BenchServer;
test.beforeAll(async () => {
	server = await benchServer(county);
});
test.afterAll(async () => {
	await server?.dispose();
});

test('a long statement opens on its newest hundred lines and shows the older ones when asked', async ({ page }) => {
	test.setTimeout(120_000);
	expect(hamarLines).toBeGreaterThan(100);
	expect(hamarLines).toBeLessThanOrEqual(200);
	await login(page, server.url, 'hamar', DEMO_PASSWORD);
	await waitUntilSynced(page, 90_000);
	await page.getByTestId('full-statement').click();

	const rows = page.getByTestId('ledger').locator('tbody tr');
	await expect(rows).toHaveCount(100);
	await expect(page.getByTestId('ledger-shown')).toHaveText(`Viser de 100 nyeste av ${hamarLines} linjer.`);
	// Newest first, and the newest line's balance is the library's balance.
	const balance = await page.getByTestId('ledger-balance').locator('strong').textContent();
	await expect(rows.first().locator('td').nth(3)).toHaveText(balance!);
	const firstHundred = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent));
	for (const width of [360, 1024]) {
		await page.setViewportSize({ width, height: 800 });
		await page.getByTestId('ledger-older').scrollIntoViewIfNeeded();
		await page.screenshot({ path: `tests/e2e/screenshots/long-statement-${width}.png` });
	}

	await page.getByTestId('ledger-older').click();
	await expect(rows).toHaveCount(hamarLines);
	expect((await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent))).slice(0, 100)).toEqual(firstHundred);
	await expect(page.getByTestId('ledger-older')).toHaveCount(0);
	await expect(page.getByTestId('ledger-shown')).toHaveCount(0);
});

test('the exchanges page lists the fifty latest past exchanges and shows older ones when asked', async ({ page }) => {
	test.setTimeout(120_000);
	expect(hamarPast).toBeGreaterThan(50);
	await login(page, server.url, 'hamar', DEMO_PASSWORD);
	await waitUntilSynced(page, 90_000);
	await page.goto(`${server.url}/exchanges`);
	const history = page.getByTestId('exchanges-history');
	await expect(history.getByRole('heading', { level: 2 })).toHaveText(`Tidligere (${hamarPast})`);
	const lines = history.locator('a.line');
	await expect(lines).toHaveCount(50);
	await expect(history.getByTestId('exchanges-shown')).toHaveText(`Viser de 50 siste av ${hamarPast}.`);
	await page.setViewportSize({ width: 360, height: 800 });
	await history.getByTestId('exchanges-older').scrollIntoViewIfNeeded();
	await page.screenshot({ path: 'tests/e2e/screenshots/long-history-exchanges-360.png' });
	await history.getByTestId('exchanges-older').click();
	await expect(lines).toHaveCount(Math.min(100, hamarPast));
});

test('the overview names the five most pressing requests with suggestions and counts the rest, instead of listing them all', async ({ page }) => {
	test.setTimeout(120_000);
	const more = hamarAgenda.requestsWithMatchesCount - AGENDA_REQUESTS_NAMED;
	expect(more).toBeGreaterThan(1);
	await login(page, server.url, 'hamar', DEMO_PASSWORD);
	await waitUntilSynced(page, 90_000);
	const agenda = page.getByTestId('agenda');
	await expect(agenda.getByTestId('agenda-matches')).toHaveCount(AGENDA_REQUESTS_NAMED);
	await expect(agenda.getByTestId('agenda-matches').first()).toHaveText(`Forespørselen «${hamarAgenda.requestsWithMatches[0]!.request.description.slice(0, 40)}» har ${hamarAgenda.requestsWithMatches[0]!.matches} forslag`);
	await expect(agenda.getByTestId('agenda-more-matches')).toHaveText(`${more} forespørsler til har forslag`);
	for (const width of [360, 1024]) {
		await page.setViewportSize({ width, height: 900 });
		// This county's many collisions come first; the shot is of the requests below them.
		await agenda.getByTestId('agenda-more-matches').scrollIntoViewIfNeeded();
		await page.screenshot({ path: `tests/e2e/screenshots/long-history-agenda-${width}.png` });
	}
	await agenda.getByTestId('agenda-more-matches').getByRole('link').click();
	await expect(page).toHaveURL(/\/requests$/);
});
