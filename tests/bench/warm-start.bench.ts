/**
 * Offline warm start in a real browser at 4× CPU slowdown (a cheap tablet): reload → balance on
 * screen, from the saved fold, against today's way on the same data (the saved fold cleared
 * first, so the start re-reads every document and refolds), and their ratio. The demo county
 * always; generated 20k and 100k-transaction counties with `-- --scale` (their first sync alone
 * takes minutes; BENCH_SCALES=20000 picks sizes), with the full statement page and the heap. Also the JS a first visit
 * to /login downloads, gzipped.
 *
 * Times are taken in the page: performance.now() when the element first appears, which counts
 * from the start of the reload's navigation.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { buildDemoCounty, DEMO_PASSWORD } from '../../couchdb/demo/seed';
import type { ProvisionPlan } from '../../couchdb/provision';
import { savedFold } from '../e2e/saved-fold';
import { generatedCounty } from '../generated-county';
import { BOKMAL, benchServer, launch, login, waitUntilSynced } from './browser';
import { round, type Benchmark, type Figure } from './runner';

const THROTTLE = 4;
const USER = 'hamar';
const VIEW_DB = `byttebank-view-${USER}`;

declare global {
	interface Window {
		__seen?: Record<string, number>;
	}
}

/**
 * Notes when each watched element first appears, from the very start of every page load. A
 * string, not a function: tsx's name-keeping helpers (`__name`) do not exist in the page.
 */
const watchElements = (selectors: Record<string, string>) => `
	window.__seen = {};
	const selectors = ${JSON.stringify(selectors)};
	const check = () => {
		for (const [name, selector] of Object.entries(selectors)) {
			if (window.__seen[name] === undefined && document.querySelector(selector)) window.__seen[name] = performance.now();
		}
	};
	new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
`;
const WATCHED = { booted: 'main', header: 'header', balance: '[data-testid="balance"]', statement: '.statement li, .statement .muted', agenda: '[data-testid="agenda"] ul', ledger: '[data-testid="ledger"] tbody tr', caughtUp: 'main[data-caught-up="true"]' };

/**
 * Waits until the fold the page shows is saved (the rows' mark and the saved fold's agree).
 * Polled from here: `waitForFunction` takes the promise an async check returns for a truthy
 * answer, so it returned at once and every "warm" start measured before 2026-12-07 had no
 * saved fold to start from (the fold is saved after 2 s of quiet, and the bench reloaded sooner).
 */
async function waitForSavedFold(page: Page, timeout = 600_000): Promise<void> {
	const deadline = Date.now() + timeout;
	while ((await savedFold(page, VIEW_DB)) === null) {
		if (Date.now() > deadline) throw new Error(`no saved fold after ${timeout} ms`);
		await page.waitForTimeout(500);
	}
}

/** Today's way: with no saved fold and no marked rows, a start reads and folds everything. */
async function forgetSavedFold(page: Page): Promise<void> {
	await page.evaluate(
		(name) =>
			new Promise<void>((done, fail) => {
				const open = indexedDB.open(name);
				open.onerror = () => fail(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const clearing = db.transaction('snapshots', 'readwrite');
					clearing.objectStore('snapshots').clear();
					clearing.oncomplete = () => (db.close(), done());
					clearing.onerror = () => fail(clearing.error);
				};
			}),
		VIEW_DB
	);
}

async function waitForServiceWorker(page: Page): Promise<void> {
	const controlled = () => page.evaluate(async () => (await navigator.serviceWorker.ready, Boolean(navigator.serviceWorker.controller)));
	for (let i = 0; i < 20 && !(await controlled()); i++) {
		await page.waitForTimeout(250);
		if (i === 10) await page.reload();
	}
}

/** Reloads and returns when each watched element first appeared (ms after navigation start). */
async function reloadAndTime(page: Page, waitFor: keyof typeof WATCHED, timeout: number): Promise<Record<string, number>> {
	await page.reload({ waitUntil: 'commit' });
	await page.waitForFunction((name) => window.__seen?.[name] !== undefined, waitFor, { polling: 50, timeout }).catch(async (error: unknown) => {
		if (process.env.BENCH_DEBUG) console.error(await page.evaluate(() => ({ seen: window.__seen, body: document.body.innerText.slice(0, 500), url: location.href })));
		throw error;
	});
	return page.evaluate(() => ({ ...window.__seen! }));
}

async function heapMiB(cdp: CDPSession): Promise<number> {
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
	return round(usedSize / 2 ** 20, 1);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function measureCounty(label: string, plan: ProvisionPlan, runs: number, coldRuns: number, withLedger: boolean): Promise<Figure[]> {
	const server = await benchServer(plan);
	const browser = await launch();
	const figures: Figure[] = [];
	let context: BrowserContext | undefined;
	try {
		context = await browser.newContext(BOKMAL);
		await context.addInitScript(watchElements(WATCHED));
		const page = await context.newPage();
		page.setDefaultTimeout(600_000);
		if (process.env.BENCH_DEBUG) page.on('console', (m) => console.error(`[page] ${m.type()}: ${m.text()}`));
		await login(page, server.url, USER, DEMO_PASSWORD);
		const syncing = performance.now();
		await waitUntilSynced(page, 1_200_000);
		process.stderr.write(`  ${label}: first sync ${Math.round((performance.now() - syncing) / 1000)} s\n`);
		await waitForServiceWorker(page);
		await waitForSavedFold(page);
		await context.setOffline(true);
		const cdp = await context.newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });

		const warm: number[] = [];
		const warmStatement: number[] = [];
		const warmAgenda: number[] = [];
		let heapWarm = 0;
		for (let i = 0; i < runs; i++) {
			const seen = await reloadAndTime(page, 'balance', 120_000);
			warm.push(seen.balance!);
			warmStatement.push(seen.statement ?? seen.balance!);
			await page.waitForFunction(() => window.__seen?.agenda !== undefined, undefined, { polling: 50, timeout: 120_000 });
			warmAgenda.push((await page.evaluate(() => window.__seen!.agenda))!);
			await page.waitForFunction(() => window.__seen?.caughtUp !== undefined, undefined, { polling: 100, timeout: 600_000 });
			if (process.env.BENCH_DEBUG) console.error('warm', await page.evaluate(() => window.__seen));
			heapWarm = await heapMiB(cdp);
		}
		const cold: number[] = [];
		let heapCold = 0;
		for (let i = 0; i < coldRuns; i++) {
			await forgetSavedFold(page);
			const seen = await reloadAndTime(page, 'balance', 600_000);
			cold.push(seen.balance!);
			if (process.env.BENCH_DEBUG) console.error('cold', seen);
			heapCold = await heapMiB(cdp);
			await waitForSavedFold(page);
		}
		const warmMs = median(warm);
		const coldMs = median(cold);
		const statementMs = median(warmStatement);
		// Issue 12: ≤ 400 ms and ≥ 5× on the demo county; ≤ 600 ms on the generated ones.
		const limitMs = withLedger ? 600 : 400;
		figures.push({ name: `warm start offline, ${label}, ${THROTTLE}× CPU: reload → balance (median of ${runs})`, value: Math.round(warmMs), unit: 'ms', against: `budget ≤ ${limitMs} ms`, ok: warmMs <= limitMs });
		figures.push({ name: `warm start, ${label}: reload → overview statement`, value: Math.round(statementMs), unit: 'ms', against: `budget ≤ ${limitMs} ms`, ok: statementMs <= limitMs });
		const agendaMs = median(warmAgenda);
		figures.push({ name: `warm start, ${label}: reload → overview agenda (drawn after the balance)`, value: Math.round(agendaMs), unit: 'ms', against: `budget ≤ ${limitMs} ms`, ok: agendaMs <= limitMs });
		figures.push({ name: `today's way (refold every document), ${label}: reload → balance (median of ${coldRuns})`, value: Math.round(coldMs), unit: 'ms' });
		figures.push({ name: `warm start speed-up, ${label} (today's way ÷ warm)`, value: round(coldMs / warmMs, 1), unit: '×', ...(withLedger ? {} : { against: 'budget ≥ 5×', ok: coldMs / warmMs >= 5 }) });
		if (withLedger) {
			// Within the app (a fresh navigation may move the page to another renderer process).
			await page.getByTestId('full-statement').click();
			await page.getByTestId('ledger').waitFor();
			const ledger: number[] = [];
			for (let i = 0; i < runs; i++) ledger.push((await reloadAndTime(page, 'ledger', 120_000)).ledger!);
			figures.push({ name: `warm start, ${label}: reload → full statement page`, value: Math.round(median(ledger)), unit: 'ms' });
		}
		figures.push({ name: `page heap after a warm start, ${label} (caught up, after GC)`, value: heapWarm, unit: 'MiB', ...(withLedger ? { against: 'budget ≤ 150 MiB', ok: heapWarm <= 150 } : {}) });
		figures.push({ name: `page heap after today's start, ${label} (after GC)`, value: heapCold, unit: 'MiB' });
		// Printed as they come: a later county may take many minutes.
		for (const figure of figures) process.stderr.write(`  ${figure.name}: ${figure.value} ${figure.unit}\n`);
	} finally {
		await context?.close();
		await browser.close();
		await server.dispose();
	}
	return figures;
}

/** Bytes of JavaScript a first visit to /login downloads, asking for `encoding`, as they come over the wire. */
async function loginJs(plan: ProvisionPlan, encoding: 'gzip' | 'br'): Promise<Figure[]> {
	const server = await benchServer(plan);
	const browser = await launch();
	try {
		const context = await browser.newContext({ ...BOKMAL, serviceWorkers: 'block' });
		const page = await context.newPage();
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setExtraHTTPHeaders', { headers: { 'Accept-Encoding': encoding } });
		const scripts = new Map<string, { url: string; compressed: boolean }>();
		let bytes = 0;
		let compressed = 0;
		cdp.on('Network.responseReceived', (e: { requestId: string; type: string; response: { url: string; headers: Record<string, string> } }) => {
			const contentEncoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1];
			if (e.type === 'Script' || e.response.url.endsWith('.js')) scripts.set(e.requestId, { url: e.response.url, compressed: contentEncoding === encoding });
		});
		cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
			const script = scripts.get(e.requestId);
			if (!script) return;
			bytes += e.encodedDataLength;
			if (script.compressed) compressed++;
		});
		await page.goto(`${server.url}/login`, { waitUntil: 'networkidle' });
		await page.getByLabel('Brukernavn').waitFor();
		return [
			{ name: `JS on the wire for the login page (Accept-Encoding: ${encoding})`, value: round(bytes / 1000, 1), unit: 'kB', against: 'budget ≤ 120 kB (headers included)', ok: bytes <= 120_000 },
			...(encoding === 'gzip' ? [{ name: 'JS files for the login page', value: scripts.size, unit: 'files' }] : []),
			{ name: `of which served as ${encoding}`, value: compressed, unit: 'files' }
		];
	} finally {
		await browser.close();
		await server.dispose();
	}
}

export const warmStartBenchmark: Benchmark = {
	name: 'warm-start',
	async run() {
		const demo = buildDemoCounty('byttebank');
		const figures = [...(await loginJs(demo, 'gzip')), ...(await loginJs(demo, 'br')), ...(await measureCounty(`demo county (${demo.documents.length} docs)`, demo, 5, 5, false))];
		if (process.argv.includes('--scale')) {
			const sizes = (process.env.BENCH_SCALES ?? '20000,100000').split(',').map(Number);
			for (const size of sizes) figures.push(...(await measureCounty(`${size / 1000}k transactions`, generatedCounty(size), 3, 1, true)));
		}
		return figures;
	}
};
