/**
 * Memory over a working day: the county librarian visits every page of the app 20 times on a
 * large county, moving through the app as people do (in-app navigation, no reloads, so
 * whatever a page leaves behind stays). The page heap after the first round and after the
 * twentieth, each after a full collection, and their growth (budget: 10 %).
 *
 * `BENCH_HEAP_DOCS` sets the county size (20k; `-- --scale` makes it 100k); `BENCH_DEBUG=1`
 * prints the heap after every round.
 */
import type { Page } from '@playwright/test';
import { buildDemoCounty, DEMO_COUNTY_USER, DEMO_PASSWORD } from '../../couchdb/demo/seed';
import { generateHistory } from '../../src/lib/domain/test-history';
import type { Transaction } from '../../src/lib/domain/transactions';
import { BOKMAL, benchServer, launch, login, waitUntilSynced } from './browser';
import { round, type Benchmark, type Figure } from './runner';

const ROUNDS = 20;
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
		const demo = buildDemoCounty('byttebank');
		const directory = demo.documents.filter((d) => !d._id.startsWith('tx:'));
		const history = generateHistory(COUNTY_DOCS - directory.length, 7);
		const server = await benchServer({ ...demo, documents: [...directory, ...history] as typeof demo.documents });
		const browser = await launch();
		const figures: Figure[] = [];
		try {
			const page = await (await browser.newContext(BOKMAL)).newPage();
			await login(page, server.url, DEMO_COUNTY_USER, DEMO_PASSWORD);
			await waitUntilSynced(page, 900_000);
			const cdp = await page.context().newCDPSession(page);
			const heap = async () => {
				await cdp.send('HeapProfiler.collectGarbage');
				return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
			};
			const pages = pagesOf(history);
			for (const path of pages) await visit(page, path);
			const afterFirst = await heap();
			for (let round = 1; round < ROUNDS; round++) {
				for (const path of pages) await visit(page, path);
				if (process.env.BENCH_DEBUG) console.error(`round ${round + 1}: ${mib(await heap())} MiB`);
			}
			const afterLast = await heap();
			const label = `${COUNTY_DOCS / 1000}k county, ${pages.length} pages`;
			figures.push({ name: `page heap after visiting every page once (${label})`, value: mib(afterFirst), unit: 'MiB' });
			figures.push({ name: `page heap after ${ROUNDS} rounds`, value: mib(afterLast), unit: 'MiB' });
			figures.push({ name: `page heap growth over ${ROUNDS} rounds (budget 10 %)`, value: round(((afterLast - afterFirst) / afterFirst) * 100, 1), unit: '%' });
		} finally {
			await browser.close();
			await server.dispose();
		}
		return figures;
	}
};
