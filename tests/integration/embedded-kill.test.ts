/**
 * The embedded server killed mid-replication (issue 11, part 6): a child process on LevelDB,
 * SIGKILLed 20 times while two devices (in-memory PouchDB, as the app's replicas) write
 * transactions and sync through it, restarted each time on the same data folder. Afterwards
 * nothing is lost, nothing is duplicated and both devices fold the same state.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import PouchDB from 'pouchdb-core';
import HttpAdapter from 'pouchdb-adapter-http';
import MemoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { afterAll, describe, expect, it } from 'vitest';
import { provision } from '../../couchdb/provision';
import { fold } from '../../src/lib/domain/fold';
import { StampSource } from '../../src/lib/domain/ids';
import { makeTransaction, type Transaction } from '../../src/lib/domain/transactions';
import { snapshot } from '../../src/lib/domain/test-snapshot';

const Pouch = PouchDB.plugin(HttpAdapter).plugin(MemoryAdapter).plugin(replication);
const KILLS = 20;
const WRITES_PER_ROUND = 3;
const COUNTY_DB = 'byttebank';
const START = Date.UTC(2026, 2, 2, 8);

interface Running {
	child: ChildProcess;
	dbUrl: string;
	admin: { name: string; password: string };
}

function startServer(dataDir: string, port: number): Promise<Running> {
	const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'embedded-kill-server.ts'), dataDir, String(port)], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	return new Promise((done, fail) => {
		const lines = createInterface({ input: child.stdout! });
		lines.once('line', (line) => {
			const started = JSON.parse(line) as Omit<Running, 'child'>;
			done({ ...started, child });
		});
		child.once('exit', (code) => fail(new Error(`the server exited (${code}) before it started`)));
	});
}

function kill(running: Running): Promise<void> {
	return new Promise((done) => {
		running.child.once('exit', () => done());
		running.child.kill('SIGKILL');
	});
}

interface Device {
	name: string;
	library: string;
	password: string;
	db: PouchDB.Database;
	ids: StampSource;
	written: string[];
}

async function leavesOf(db: PouchDB.Database) {
	const feed = await db.changes({ since: 0, style: 'all_docs', include_docs: true, conflicts: true });
	return feed.results.map((change) => ({ id: change.id, leaves: change.changes.length, conflicts: (change.doc as { _conflicts?: string[] })._conflicts }));
}

async function transactionsOf(db: PouchDB.Database): Promise<Transaction[]> {
	const all = await db.allDocs({ include_docs: true, startkey: 'tx:', endkey: 'tx:\uffff' });
	return all.rows.map((row) => row.doc as unknown as Transaction);
}

/**
 * pouchdb-replication 9.0.0 asks the source for `info()` after each batch only to report
 * progress, and never handles that promise (lib/index.js, finishBatch): a server killed at that
 * moment becomes an unhandled rejection in the test process, although the replication itself
 * fails and reports it properly. Progress is all that call feeds, so its failure is dropped here.
 */
function progressInfoMended(remote: PouchDB.Database): PouchDB.Database {
	const info = remote.info.bind(remote);
	remote.info = (() => info().catch(() => ({ update_seq: 0, db_name: COUNTY_DB }))) as typeof remote.info;
	return remote;
}

describe('the embedded server killed mid-replication', () => {
	const dataDir = mkdtempSync(join(tmpdir(), 'byttebank-kill-'));
	let running: Running | undefined;
	afterAll(async () => {
		if (running && running.child.exitCode === null) await kill(running);
		rmSync(dataDir, { recursive: true, force: true });
	});

	it(`loses and duplicates nothing over ${KILLS} SIGKILLs, and both devices converge`, { timeout: 120_000 }, async () => {
		const began = Date.now();
		running = await startServer(dataDir, 0);
		const port = Number(new URL(running.dbUrl).port);
		const devices: Device[] = [
			{ name: 'hamar', library: 'hamar', password: 'pw-hamar', db: new Pouch(`kill-hamar-${process.pid}`, { adapter: 'memory' }), ids: new StampSource('hamartablet1'), written: [] },
			{ name: 'tolga', library: 'tolga', password: 'pw-tolga', db: new Pouch(`kill-tolga-${process.pid}`, { adapter: 'memory' }), ids: new StampSource('tolgadesk001'), written: [] }
		];
		await provision(
			{ url: running.dbUrl, admin: running.admin },
			{ countyDb: COUNTY_DB, users: devices.map((d) => ({ name: d.name, password: d.password, roles: ['librarian', `library:${d.library}`] })), documents: [] }
		);
		const remoteOf = (d: Device) => progressInfoMended(new Pouch(`${running!.dbUrl}/${COUNTY_DB}`, { adapter: 'http', skip_setup: true, auth: { username: d.name, password: d.password } }));
		let lastError: unknown;
		const sync = (d: Device) => {
			const remote = remoteOf(d);
			return d.db.sync(remote, { batch_size: 2 }).then(
				() => true,
				(error: unknown) => {
					lastError = error;
					return false;
				}
			);
		};

		const adminView = () => new Pouch(`${running!.dbUrl}/${COUNTY_DB}`, { adapter: 'http', skip_setup: true, auth: { username: running!.admin.name, password: running!.admin.password } });
		let now = START;
		let interrupted = 0;
		let partial = 0;
		let heldBefore = 0;
		for (let round = 0; round < KILLS; round++) {
			for (const d of devices) {
				for (let i = 0; i < WRITES_PER_ROUND; i++) {
					now += 60_000;
					const tx = makeTransaction(d.ids.next(now), {
						kind: 'offer.posted',
						by: { library: d.library },
						skills: ['cataloguing'],
						description: `Runde ${round}, nr. ${i}`,
						days: 1 + (i % 3),
						dates: []
					} as Omit<Transaction, '_id' | 'type'>);
					await d.db.put(tx);
					d.written.push(tx._id);
				}
			}
			// Both devices replicate; the server dies somewhere in the middle (a few ms in, varied by round).
			const syncs = devices.map(sync);
			await new Promise((done) => setTimeout(done, 5 + ((round * 37) % 150)));
			await kill(running);
			const finished = await Promise.all(syncs);
			interrupted += finished.filter((ok) => !ok).length;
			running = await startServer(dataDir, port);
			const held = (await adminView().allDocs({ startkey: 'tx:', endkey: 'tx:\uffff' })).rows.length;
			const total = devices.reduce((sum, d) => sum + d.written.length, 0);
			if (held > heldBefore && held < total) partial++;
			heldBefore = held;
		}
		// Some kills must have fallen in the middle of a transfer, not only before or after one.
		expect(partial, 'rounds where the server held some but not all of what was written').toBeGreaterThan(0);

		// Once the server stays up, everything gets through.
		for (let pass = 0; pass < 2; pass++) for (const d of devices) expect(await sync(d), `final sync of ${d.name}: ${JSON.stringify(lastError)} ${String(lastError)}`).toBe(true);

		const admin = adminView();
		const written = devices.flatMap((d) => d.written);
		const replicas = [admin, ...devices.map((d) => d.db)];
		for (const db of replicas) {
			const ids = new Set((await transactionsOf(db)).map((tx) => tx._id));
			expect(written.filter((id) => !ids.has(id)), 'lost documents').toEqual([]);
			expect(ids.size).toBe(written.length);
			const docs = (await leavesOf(db)).filter((doc) => doc.id.startsWith('tx:'));
			expect(docs.filter((doc) => doc.leaves !== 1 || doc.conflicts), 'documents with more than one leaf').toEqual([]);
		}
		const [first, second] = await Promise.all(devices.map(async (d) => snapshot(fold(await transactionsOf(d.db)))));
		expect(second).toEqual(first);
		expect(snapshot(fold(await transactionsOf(admin)))).toEqual(first);

		console.log(`embedded kill: ${KILLS} SIGKILLs, ${interrupted} of ${KILLS * devices.length} syncs interrupted, ${partial} kills in the middle of a transfer, ${written.length} transactions written, 0 lost, 0 duplicated, ${Math.round((Date.now() - began) / 1000)} s`);
		await Promise.all(devices.map((d) => d.db.destroy()));
	});
});
