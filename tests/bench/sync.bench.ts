/**
 * Sync over real HTTP into a real browser:
 *  - initial replication of a generated 20k-document county to a fresh device, against a raw
 *    bulk copy of the same documents (one _all_docs request) as the upper limit;
 *  - one change device → server → device with live sync (median of several);
 *  - 10 new transactions over an emulated slow 3G link (400 kbps, 400 ms RTT).
 */
import { buildDemoCounty, DEMO_PASSWORD } from '../../couchdb/demo/seed';
import { generateHistory } from '../../src/lib/domain/test-history';
import { benchServer, launch, login, waitUntilSynced, WireMeter } from './browser';
import { round, type Benchmark, type Figure } from './runner';

const COUNTY_DOCS = Number(process.env.BENCH_DOCS ?? 20_000);

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)]!;
}

export const syncBenchmark: Benchmark = {
	name: 'sync',
	async run() {
		const demo = buildDemoCounty('byttebank');
		const directory = demo.documents.filter((d) => !d._id.startsWith('tx:'));
		const history = generateHistory(COUNTY_DOCS - directory.length, 7);
		const server = await benchServer({ ...demo, documents: [...directory, ...history] as typeof demo.documents });
		const browser = await launch();
		const figures: Figure[] = [];
		try {
			// 1. A fresh device replicates the whole county.
			const fresh = await (await browser.newContext()).newPage();
			const meter = await WireMeter.attach(fresh);
			const start = performance.now();
			await login(fresh, server.url, 'hamar', DEMO_PASSWORD);
			await waitUntilSynced(fresh);
			const seconds = (performance.now() - start) / 1000;
			figures.push({ name: `initial sync, ${COUNTY_DOCS / 1000}k docs: time to usable`, value: round(seconds, 1), unit: 's' });
			figures.push({ name: 'initial sync: requests', value: meter.requests, unit: 'requests' });
			figures.push({ name: 'initial sync: bytes down', value: round(meter.down / 1e6, 2), unit: 'MB' });

			const raw = await fresh.evaluate(async () => {
				const begin = performance.now();
				const response = await fetch('/db/byttebank/_all_docs?include_docs=true', { credentials: 'same-origin' });
				const text = await response.text();
				return { ms: performance.now() - begin, bytes: text.length };
			});
			figures.push({ name: 'raw bulk copy (_all_docs): time', value: round(raw.ms / 1000, 2), unit: 's' });
			figures.push({ name: 'raw bulk copy: bytes', value: round(raw.bytes / 1e6, 2), unit: 'MB' });
			figures.push({ name: 'initial sync ÷ raw copy (time)', value: round(seconds / (raw.ms / 1000), 1), unit: '×' });

			// 2. One change from one device reaches another through the server.
			const writer = fresh;
			const reader = await (await browser.newContext()).newPage();
			await login(reader, server.url, 'elverum', DEMO_PASSWORD);
			await waitUntilSynced(reader);
			const latencies: number[] = [];
			for (let i = 0; i < 7; i++) {
				await writer.goto(`${server.url}/offers/new`);
				await writer.getByRole('checkbox', { name: 'Plasting' }).check();
				await writer.getByLabel('Beskrivelse').fill(`Målt tilbud ${i}`);
				const before = Number(await reader.getByTestId('open-offers').textContent());
				const begin = performance.now();
				await writer.getByRole('button', { name: 'Lagre' }).click();
				await reader.waitForFunction((n) => Number(document.querySelector('[data-testid="open-offers"]')?.textContent) > n, before, { polling: 10, timeout: 60_000 });
				latencies.push(performance.now() - begin);
			}
			figures.push({ name: 'live sync: one change device → server → device (median of 7)', value: Math.round(median(latencies)), unit: 'ms' });

			// 3. Ten transactions over slow 3G.
			const slowContext = await browser.newContext();
			const slow = await slowContext.newPage();
			await login(slow, server.url, 'tolga', DEMO_PASSWORD);
			await waitUntilSynced(slow);
			await slowContext.setOffline(true);
			for (let i = 0; i < 10; i++) {
				await slow.goto(`${server.url}/offers/new`);
				await slow.getByRole('checkbox', { name: 'Kassering' }).check();
				await slow.getByLabel('Beskrivelse').fill(`Tilbud over treg linje nummer ${i}`);
				await slow.getByRole('button', { name: 'Lagre' }).click();
				await slow.getByTestId('offer-detail').waitFor();
			}
			const slowMeter = await WireMeter.attach(slow);
			await slowMeter.throttle(400, 400);
			const slowStart = performance.now();
			await slowContext.setOffline(false);
			await slow.getByTestId('sync-pending').waitFor({ state: 'detached', timeout: 120_000 });
			const slowSeconds = (performance.now() - slowStart) / 1000;
			// Read before the check below: its _all_docs of every transaction goes through the
			// same page, and once counted it made this figure grow with the county (915 kB at 20k).
			const slowBytes = slowMeter.up + slowMeter.down;
			const slowRequests = slowMeter.requests;
			if (process.env.BENCH_DEBUG) console.error([...slowMeter.perPath].sort((a, b) => b[1] - a[1]).slice(0, 8));
			const ownJson = await slow.evaluate(async () => {
				const r = await fetch('/db/byttebank/_all_docs?include_docs=true&startkey=%22tx%3A%22&endkey=%22tx%3A%EF%BF%B0%22', { credentials: 'same-origin' });
				const rows = ((await r.json()) as { rows: Array<{ doc: { by: { library: string }; description?: string } }> }).rows;
				return rows.filter((row) => row.doc.description?.startsWith('Tilbud over treg linje')).reduce((sum, row) => sum + JSON.stringify(row.doc).length, 0);
			});
			figures.push({ name: '10 transactions over slow 3G: time to reach server', value: round(slowSeconds, 1), unit: 's' });
			figures.push({ name: '10 transactions over slow 3G: bytes on the wire', value: round(slowBytes / 1000, 1), unit: 'kB' });
			figures.push({ name: '10 transactions: their own JSON size', value: round(ownJson / 1000, 1), unit: 'kB' });
			figures.push({ name: '10 transactions over slow 3G: requests', value: slowRequests, unit: 'requests' });
		} finally {
			await browser.close();
			await server.dispose();
		}
		return figures;
	}
};
