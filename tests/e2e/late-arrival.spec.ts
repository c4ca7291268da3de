/**
 * Issue 10's stories in the browser: a library that answers offline comes back after the host
 * chose and confirmed another, and a host whose two devices each accepted a different answer.
 * Every page involved must tell the same, honest outcome.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { balanceOf, totalOfBalances } from '../../src/lib/domain/ledger';
import { serverState } from './bank';
import { loginAs, screenshot, waitForServiceWorker } from './helpers';

async function balance(page: Page): Promise<number> {
	await page.goto('/');
	return Number(await page.getByTestId('balance').getAttribute('data-days'));
}

async function open(browser: Browser, user: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAs(page, user);
	return { context, page };
}

async function postUrgentRequest(host: Page, description: string): Promise<string> {
	await host.goto('/requests/new');
	await host.getByRole('checkbox', { name: 'Skrankevakt' }).check();
	await host.getByLabel('Beskrivelse').fill(description);
	await host.getByLabel('Antall dager').fill('1');
	await host.getByLabel('Akutt vikarbehov').check();
	await host.getByRole('button', { name: 'Lagre' }).click();
	await expect(host.getByTestId('request-detail')).toBeVisible();
	return host.url().split('/').pop()!;
}

async function answer(page: Page, requestId: string): Promise<string> {
	await page.goto(`/requests/${requestId}`);
	await page.getByTestId('answer-request').click();
	await expect(page.getByTestId('exchange-status')).toHaveText('Foreslått');
	return page.url().split('/').pop()!;
}

const answerFrom = (page: Page, library: string) => page.getByTestId('answer').filter({ hasText: library });

test('an answer sent offline arrives after the host chose and confirmed another: the confirmed day stays, and every page says so', async ({ browser }) => {
	const grue = await open(browser, 'grue');
	const hamar = await open(browser, 'hamar');
	const tolga = await open(browser, 'tolga');
	const before = { grue: await balance(grue.page), hamar: await balance(hamar.page), tolga: await balance(tolga.page) };
	const requestId = await postUrgentRequest(grue.page, 'Sykdom i morgen: trenger skrankevakt én dag.');

	// Tolga's tablet is offline; it answers first. Hamar, online, answers a little later.
	await tolga.page.goto(`/requests/${requestId}`);
	await waitForServiceWorker(tolga.page);
	// The request has reached Tolga's tablet before the line goes.
	await expect(tolga.page.getByTestId('answer-request')).toBeVisible();
	await tolga.context.setOffline(true);
	const tolgaAnswer = await answer(tolga.page, requestId);
	const hamarAnswer = await answer(hamar.page, requestId);

	// Grue sees only Hamar, accepts, and confirms the day once it is worked.
	await grue.page.goto(`/requests/${requestId}`);
	await answerFrom(grue.page, 'Hamar bibliotek').getByTestId('accept-answer').click();
	await expect(grue.page.getByTestId('filled-by')).toHaveText('Avtalt med Hamar bibliotek.');
	await grue.page.goto(`/exchanges/${hamarAnswer}`);
	await grue.page.getByLabel('Dager jobbet').fill('1');
	await grue.page.getByRole('button', { name: 'Bekreft utført bytte' }).click();
	await expect(grue.page.getByTestId('exchange-status')).toHaveText('Utført');

	// Tolga comes back online.
	await tolga.context.setOffline(false);
	await expect(tolga.page.getByTestId('sync-status')).toContainText('Oppdatert');
	await expect.poll(async () => (await serverState(grue.page)).exchanges.has(tolgaAnswer)).toBe(true);

	// The ledger: Hamar earned the day, Grue paid it, Tolga is where it was.
	await expect.poll(() => balance(hamar.page)).toBe(before.hamar + 1);
	await expect.poll(() => balance(grue.page)).toBe(before.grue - 1);
	expect(await balance(tolga.page)).toBe(before.tolga);
	const server = await serverState(grue.page);
	expect(server.exchanges.get(hamarAnswer)).toMatchObject({ status: 'completed', daysWorked: 1, collisions: [] });
	expect(server.exchanges.get(tolgaAnswer)).toMatchObject({ status: 'proposed' });
	expect(balanceOf(server, 'hamar')).toBe(before.hamar + 1);
	expect(totalOfBalances(server)).toBe(0);

	// Every page tells the same story.
	await expect(grue.page.getByTestId('agenda-collision')).toHaveCount(0);
	await grue.page.goto(`/requests/${requestId}`);
	await expect(grue.page.getByTestId('filled-by')).toHaveText('Avtalt med Hamar bibliotek.');
	await expect(answerFrom(grue.page, 'Tolga bibliotek')).toHaveAttribute('data-status', 'proposed');
	await tolga.page.goto(`/exchanges/${tolgaAnswer}`);
	await expect(tolga.page.getByTestId('exchange-status')).toHaveText('Foreslått');
	await expect(tolga.page.getByTestId('chosen-other')).toHaveText('Grue bibliotek har valgt et annet bibliotek.');
	await tolga.page.goto(`/requests/${requestId}`);
	await expect(tolga.page.getByTestId('my-answer')).toHaveText('Grue bibliotek har valgt et annet bibliotek.');
	await tolga.page.setViewportSize({ width: 360, height: 740 });
	await screenshot(tolga.page, 'late-answer-360');
	await hamar.page.goto('/ledger/hamar');
	await expect(hamar.page.getByTestId('ledger').locator('tbody tr').first()).toHaveAttribute('data-delta', '1');
	await grue.page.goto('/ledger/grue');
	await expect(grue.page.getByTestId('ledger').locator('tbody tr').first()).toHaveAttribute('data-delta', '-1');

	// Grue thanks Tolga: a visible answer with a reason, not a silent rejection.
	await grue.page.goto(`/requests/${requestId}`);
	await answerFrom(grue.page, 'Tolga bibliotek').getByTestId('thank-answer').click();
	await tolga.page.goto(`/exchanges/${tolgaAnswer}`);
	await expect(tolga.page.getByTestId('exchange-status')).toHaveText('Avslått');
	await expect(tolga.page.getByTestId('exchange-detail')).toContainText('Takk! Vi har fått hjelp fra et annet bibliotek.');
});

test('two devices of the host accept different answers: all three libraries see the collision, and the host keeps one', async ({ browser }) => {
	const desk = await open(browser, 'nord-odal');
	const tablet = await open(browser, 'nord-odal');
	const hamar = await open(browser, 'hamar');
	const tolga = await open(browser, 'tolga');
	const requestId = await postUrgentRequest(desk.page, 'Ferieavvikling: skranken må dekkes en dag.');
	const hamarAnswer = await answer(hamar.page, requestId);
	const tolgaAnswer = await answer(tolga.page, requestId);

	// The tablet sees both answers, goes offline at the branch and accepts Tolga; the desk accepts Hamar.
	await tablet.page.goto(`/requests/${requestId}`);
	await expect(answerFrom(tablet.page, 'Tolga bibliotek')).toBeVisible();
	await waitForServiceWorker(tablet.page);
	await tablet.context.setOffline(true);
	await answerFrom(tablet.page, 'Tolga bibliotek').getByTestId('accept-answer').click();
	await desk.page.goto(`/requests/${requestId}`);
	await answerFrom(desk.page, 'Hamar bibliotek').getByTestId('accept-answer').click();
	await tablet.context.setOffline(false);

	// Both agreements stand, and every party sees the collision on its overview.
	await expect.poll(async () => (await serverState(desk.page)).exchanges.get(hamarAnswer)?.collisions).toEqual(['request-double']);
	for (const [page, count] of [[desk.page, 2], [hamar.page, 1], [tolga.page, 1]] as const) {
		await page.goto('/');
		await expect(page.getByTestId('agenda-collision')).toHaveCount(count);
	}
	await desk.page.setViewportSize({ width: 1024, height: 768 });
	await screenshot(desk.page, 'collision-overview-1024');

	// The host resolves it from its overview: keep Hamar, release Tolga with a reason.
	await desk.page.getByTestId('agenda-collision').first().getByRole('link').click();
	await expect(desk.page.getByTestId('collision')).toBeVisible();
	await desk.page.getByTestId('release-reason').fill('Hamar var allerede på vei. Takk likevel!');
	await desk.page.getByTestId('colliding-agreement').filter({ hasText: 'Hamar bibliotek' }).getByTestId('keep-agreement').click();

	await tolga.page.goto(`/exchanges/${tolgaAnswer}`);
	await expect(tolga.page.getByTestId('exchange-status')).toHaveText('Frigitt');
	await expect(tolga.page.getByTestId('released-by')).toContainText('Hamar var allerede på vei. Takk likevel!');
	await hamar.page.goto(`/exchanges/${hamarAnswer}`);
	await expect(hamar.page.getByTestId('exchange-status')).toHaveText('Avtalt');
	await expect(hamar.page.getByTestId('collision')).toHaveCount(0);
	for (const page of [desk.page, hamar.page, tolga.page]) {
		await page.goto('/');
		// Wait for the overview to be drawn, or the absence below would be seen before it loads.
		await expect(page.getByTestId('balance')).toBeVisible();
		await expect(page.getByTestId('agenda-collision')).toHaveCount(0);
	}
	const server = await serverState(desk.page);
	expect(server.exchanges.get(tolgaAnswer)).toMatchObject({ status: 'released', ending: { by: 'nord-odal', kept: hamarAnswer } });
});
