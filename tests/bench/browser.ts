/** A real browser and a real embedded server for the sync benchmarks, counting bytes on the wire. */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { provision, type ProvisionPlan } from '../../couchdb/provision';
import type { EmbeddedServer } from '../../couchdb/embedded/server';

export interface BenchServer extends Omit<EmbeddedServer, 'close'> {
	dispose(): Promise<void>;
}

/**
 * The embedded server in a child process (tests/bench/server-process.ts says why), provisioned
 * from here over HTTP. `dispose` ends the process and removes its data.
 */
export async function benchServer(plan: ProvisionPlan): Promise<BenchServer> {
	const dataDir = mkdtempSync(join(tmpdir(), 'byttebank-bench-'));
	const child = fork(fileURLToPath(new URL('./server-process.ts', import.meta.url)), [dataDir], {
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const exited = new Promise<void>((done) => child.once('exit', () => done()));
	const server = await new Promise<Omit<EmbeddedServer, 'close'>>((done, fail) => {
		child.once('message', (message) => done(message as Omit<EmbeddedServer, 'close'>));
		child.once('exit', (code) => fail(new Error(`the bench server exited (code ${code}) before it listened`)));
	});
	await provision({ url: server.dbUrl, admin: server.admin }, plan);
	return {
		...server,
		dispose: async () => {
			child.kill('SIGTERM');
			await exited;
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** The app greets a browser in its own language; the benchmarks find their way by Bokmål labels. */
export const BOKMAL = { locale: 'nb-NO' } as const;

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	});
}

/** Counts requests and bytes to the database (request bodies up, encoded responses down). */
export class WireMeter {
	requests = 0;
	up = 0;
	down = 0;
	#db = new Map<string, string>();
	/** Bytes per request path, for finding out where the bytes go. */
	perPath = new Map<string, number>();

	constructor(private readonly cdp: CDPSession) {}

	static async attach(page: Page): Promise<WireMeter> {
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Network.enable');
		const meter = new WireMeter(cdp);
		cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string; postData?: string; postDataEntries?: Array<{ bytes?: string }> } }) => {
			if (!new URL(e.request.url).pathname.startsWith('/db/')) return;
			const path = new URL(e.request.url).pathname.replace(/\/db\/[^/]+\//, '/db/*/');
			meter.#db.set(e.requestId, path);
			meter.requests++;
			// The body as sent: gzipped bodies (gzip-request-body.ts) are bytes, given base64 in the entries.
			const entries = e.request.postDataEntries;
			const up = entries ? entries.reduce((sum, entry) => sum + Buffer.from(entry.bytes ?? '', 'base64').length, 0) : Buffer.byteLength(e.request.postData ?? '');
			meter.up += up;
			meter.perPath.set(path, (meter.perPath.get(path) ?? 0) + up);
		});
		cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
			const path = meter.#db.get(e.requestId);
			if (path === undefined) return;
			meter.down += e.encodedDataLength;
			meter.perPath.set(path, (meter.perPath.get(path) ?? 0) + e.encodedDataLength);
		});
		return meter;
	}

	reset(): void {
		this.requests = 0;
		this.up = 0;
		this.down = 0;
		this.perPath.clear();
	}

	/** Emulates a slow link (Chrome DevTools network conditions). */
	async throttle(kbps: number, rttMs: number): Promise<void> {
		const bytesPerSecond = (kbps * 1000) / 8;
		await this.cdp.send('Network.emulateNetworkConditions', { offline: false, latency: rttMs, downloadThroughput: bytesPerSecond, uploadThroughput: bytesPerSecond });
	}
}

/** The page's JavaScript heap after a full garbage collection, in MiB. */
export async function heapMiB(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
	await cdp.detach();
	return usedSize / 1024 / 1024;
}

export async function login(page: Page, baseUrl: string, user: string, password: string): Promise<void> {
	await page.goto(`${baseUrl}/login`);
	await page.getByLabel('Brukernavn').fill(user);
	await page.getByLabel('Passord').fill(password);
	await page.getByRole('button', { name: 'Logg inn' }).click();
}

export async function waitUntilSynced(page: Page, timeout = 300_000): Promise<void> {
	await page.getByTestId('sync-status').filter({ hasText: 'Oppdatert' }).waitFor({ timeout });
	await page.getByTestId('library-name').waitFor({ timeout });
}
