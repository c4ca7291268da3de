/**
 * Memory over a working day: the county librarian visits every page of the app 20 times on a
 * large county, moving through the app as people do (in-app navigation, no reloads, so
 * whatever a page leaves behind stays). The page heap after the first round and after the
 * twentieth, each after a full collection, and their growth (budget: 10 %).
 *
 * Each reading comes after a quiet spell longer than Dexie's query cache would keep a query no
 * page reads any more (3 s; the read model runs without that cache, store/read-model.ts says
 * why): a librarian reading a page gives it that time, so what is measured is what the app
 * keeps, not how fast the bench clicks. The heap right after the last round is printed beside it.
 *
 * `BENCH_HEAP_DOCS` sets the county size (20k; `-- --scale` makes it 100k); `BENCH_DEBUG=1`
 * prints the heap after every round.
 */
import type { Page } from '@playwright/test';
import { DEMO_COUNTY_USER, DEMO_PASSWORD } from '../../couchdb/demo/seed';
import type { Transaction } from '../../src/lib/domain/transactions';
import { BOKMAL, benchServer, launch, login, waitUntilSynced } from './browser';
import { generatedCountyOfSize, transactionsOf } from '../generated-county';
import { round, type Benchmark, type Figure } from './runner';

const ROUNDS = 20;
/** Longer than Dexie's cache would keep an unsubscribed query (enqueForDeletion: 3000 ms). */
const QUIET_MS = 5000;
const mib = (bytes: number) => round(bytes / 2 ** 20, 1);
const SCALE = process.argv.includes('--scale');
const COUNTY_DOCS = Number(process.env.BENCH_HEAP_DOCS ?? (SCALE ? 100_000 : 20_000));

/** Every page the county librarian can open, with one of each detail page. */
function pagesOf(history: Transaction[]): string[] {
	const first = (kind: Transaction['kind']) => history.find((tx) => tx.kind === kind)!._id.slice(3);
	return [
		'/', '/offers', '/offers/new', `/offers/${first('offer.posted')}`,
		'/requests', '/requests/new', `/requests/${first('request.posted')}`,
		'/exchanges', `/exchanges/${first('exchange.proposed')}`,
		'/libraries', '/libraries/hamar', '/ledger/hamar', '/reports', '/settings',
		'/county', '/county/travel', '/county/admin'
	];
}

/** Navigates inside the app, as a click on one of its links does. */
async function visit(page: Page, path: string): Promise<void> {
	await page.evaluate((href) => {
		const link = document.createElement('a');
		link.href = href;
		document.body.append(link);
		link.click();
		link.remove();
	}, path);
	await page.waitForURL((url) => url.pathname === path);
	await page.locator('main h1').first().waitFor();
}

export const pageHeapBenchmark: Benchmark = {
	name: 'page-heap',
	async run() {
		const county = generatedCountyOfSize(COUNTY_DOCS);
		const history = transactionsOf(county);
		const server = await benchServer(county);
		const browser = await launch();
		const figures: Figure[] = [];
		try {
			const page = await (await browser.newContext(BOKMAL)).newPage();
			await login(page, server.url, DEMO_COUNTY_USER, DEMO_PASSWORD);
			await waitUntilSynced(page, 900_000);
			const cdp = await page.context().newCDPSession(page);
			const heap = async (quietMs = QUIET_MS) => {
				await page.waitForTimeout(quietMs);
				await cdp.send('HeapProfiler.collectGarbage');
				return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
			};
			const pages = pagesOf(history);
			for (const path of pages) await visit(page, path);
			const afterFirst = await heap();
			for (let round = 1; round < ROUNDS; round++) {
				for (const path of pages) await visit(page, path);
				if (process.env.BENCH_DEBUG) console.error(`round ${round + 1}: ${mib(await heap(0))} MiB`);
			}
			const busy = await heap(0);
			const afterLast = await heap();
			const label = `${COUNTY_DOCS / 1000}k county, ${pages.length} pages`;
			figures.push({ name: `page heap after visiting every page once (${label})`, value: mib(afterFirst), unit: 'MiB' });
			figures.push({ name: `page heap right after the last of ${ROUNDS} rounds (no pause)`, value: mib(busy), unit: 'MiB' });
			figures.push({ name: `page heap after ${ROUNDS} rounds`, value: mib(afterLast), unit: 'MiB' });
			const growth = ((afterLast - afterFirst) / afterFirst) * 100;
			figures.push({ name: `page heap growth over ${ROUNDS} rounds`, value: round(growth, 1), unit: '%', against: 'budget ≤ 10 %', ok: growth <= 10 });
		} finally {
			await browser.close();
			await server.dispose();
		}
		return figures;
	}
};
