/**
 * The notifier killed and restarted mid-feed (issue 13): the worker runs as its own process
 * (couchdb/notifier/cli.ts) and is SIGKILLed ten times while it works through a county's feed,
 * each time in the middle of handing a message to the SMTP server, and restarted on the same
 * data folder, on a clock that stepped back. Every message an uninterrupted worker sends for the
 * same feed arrives exactly once: none lost, none twice, none dropped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seqNumber } from '../../couchdb/notifier/changes-feed';
import { startMailCatcher, type CaughtMail, type MailCatcher } from '../../couchdb/notifier/mail-catcher';
import type { NotifierMemory } from '../../couchdb/notifier/notifier-store';
import { startNotifierService } from '../../couchdb/notifier/notifier-service';
import { idOf, TransactionWriter } from '../../src/lib/domain/test-transactions';
import type { Transaction } from '../../src/lib/domain/transactions';
import { startTestServer, type TestServer } from './embedded-server';
import { provisionNotifierCounty, putAsAdmin, until, updateSeq } from './notifier-county';

const KILLS = 10;
const PAGE_SIZE = 3;
const COUNTY = 'notify_restarts';
const APP_URL = 'https://byttebank.test';
/** Noon in Oslo on 1 March 2026: inside the sending window, the day before a visit in the story. */
const CLOCK_START = '2026-03-01T11:00:00Z';
const CLI = join(__dirname, '../../couchdb/notifier/cli.ts');

/** When the story's devices start writing: the week before CLOCK_START, so no proposal has lapsed yet. */
const STORY_START = Date.parse('2026-02-24T08:00:00Z');

/** A county's week: urgent requests, proposals answered and not, a visit tomorrow, one to confirm, a collision. */
function story(): Transaction[] {
	const out: Transaction[] = [];
	const devices = new Map<string, TransactionWriter>();
	const as = (library: string) => {
		if (!devices.has(library)) devices.set(library, new TransactionWriter(`${library}device01`.slice(0, 16), STORY_START));
		return devices.get(library)!;
	};
	const write = <T extends Transaction>(tx: T): T => (out.push(tx), tx);
	const week = { from: '2026-03-09', to: '2026-03-13' };
	for (const [library, skill] of [['tolga', 'cataloguing'], ['os', 'cataloguing'], ['stange', 'events'], ['tolga', 'events'], ['hamar', 'cataloguing']] as const) {
		write(as(library).write('request.posted', library, { skills: [skill], description: `Akutt ${skill} hos ${library}`, days: 1, dates: [week], urgency: 'urgent' }));
	}
	const offer = (library: string, description: string) => write(as(library).write('offer.posted', library, { skills: ['cataloguing'], description, days: 4, dates: [] }));
	const propose = (library: string, of: Transaction, dates: { from: string; to: string }) => write(as(library).write('exchange.proposed', library, { offer: idOf(of), days: 1, dates }));
	const tolgaOffer = offer('tolga', 'Tove katalogiserer');
	const hamarOffer = offer('hamar', 'Hanne rydder i katalogen');
	const stangeOffer = offer('stange', 'Siri kommer og katalogiserer');
	const accepted = propose('os', tolgaOffer, { from: '2026-03-02', to: '2026-03-02' });
	write(as('tolga').write('exchange.accepted', 'tolga', { exchange: idOf(accepted) }));
	const declined = propose('tolga', hamarOffer, week);
	write(as('hamar').write('exchange.declined', 'hamar', { exchange: idOf(declined), reason: 'Hanne er på kurs' }));
	propose('hamar', stangeOffer, week);
	const past = propose('os', hamarOffer, { from: '2026-02-10', to: '2026-02-11' });
	write(as('hamar').write('exchange.accepted', 'hamar', { exchange: idOf(past) }));
	const request = write(as('os').write('request.posted', 'os', { skills: ['events'], description: 'Forfatterkveld', days: 1, dates: [week], urgency: 'planned' }));
	const fromTolga = write(as('tolga').write('request.answered', 'tolga', { request: idOf(request), days: 1 }));
	const fromHamar = write(as('hamar').write('request.answered', 'hamar', { request: idOf(request), days: 1 }));
	write(new TransactionWriter('osdesk000001', STORY_START + 3_600_000).write('exchange.accepted', 'os', { exchange: idOf(fromTolga) }));
	write(new TransactionWriter('ostablet0001', STORY_START + 3_600_000).write('exchange.accepted', 'os', { exchange: idOf(fromHamar) }));
	return out;
}

/** The story's clock: CLOCK_START when the test began, going on in real time. */
const storyClock = (startedAt: number, behindMs = 0) => new Date(Date.parse(CLOCK_START) + (Date.now() - startedAt) - behindMs).toISOString();
/**
 * Each restarted worker's clock starts ten minutes behind the one that died (a clock stepped
 * back by NTP, or a replacement machine): a worker that trusted it would hold its queued
 * messages as "not yet due" while the feed moved past them, and drop them as stale.
 */
const STEPPED_BACK_MS = 10 * 60_000;

function workerEnv(server: TestServer, dataDir: string, smtpUrl: string, clock: string): NodeJS.ProcessEnv {
	return {
		...process.env,
		NOTIFIER_FEED_URL: `${server.dbUrl}/${COUNTY}`,
		COUCHDB_ADMIN: server.admin.name,
		COUCHDB_PASSWORD: server.admin.password,
		SMTP_URL: smtpUrl,
		DATA_DIR: dataDir,
		APP_URL,
		NOTIFY_PORT: '0',
		NOTIFY_NOW: clock,
		NOTIFY_PAGE_SIZE: String(PAGE_SIZE),
		NOTIFY_TICK_MS: '200',
		NOTIFY_RETRY_MS: '50'
	};
}

function spawnWorker(env: NodeJS.ProcessEnv, output: string[]): ChildProcess {
	const child = spawn(process.execPath, ['--import', 'tsx', CLI], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
	return child;
}

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((done) => {
		child.once('exit', () => done());
		child.kill(signal);
	});
}

const memoryIn = (dataDir: string): NotifierMemory | undefined => {
	const file = join(dataDir, 'notifier', 'state.json');
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as NotifierMemory) : undefined;
};

/** What became of each notice (delivered, taken as history, dropped), without when. */
const outcomes = (dataDir: string) => Object.fromEntries(Object.entries(memoryIn(dataDir)!.sent).map(([key, record]) => [key, record.how]));

const identity = (mail: CaughtMail) => `${mail.messageId} ${mail.to.join(',')}`;

describe('the notifier killed and restarted mid-feed', () => {
	let server: TestServer;
	const folders: string[] = [];
	const output: string[] = [];
	const folder = () => {
		const dir = mkdtempSync(join(tmpdir(), 'byttebank-notifier-restarts-'));
		folders.push(dir);
		return dir;
	};

	beforeAll(async () => {
		server = await startTestServer();
		await provisionNotifierCounty(server, COUNTY);
	});
	afterAll(async () => {
		await server?.stop();
		for (const dir of folders) rmSync(dir, { recursive: true, force: true });
	});

	it(`delivers every message exactly once across ${KILLS} kills`, async () => {
		const crashed = folder();
		const reference = folder();
		const crashedInbox: MailCatcher[] = [];
		let kills = 0;
		let attempts = 0;
		const seqAtKills: Array<string | number> = [];
		let current: ChildProcess | undefined;
		let done = false;
		let starts = 0;

		// SMTP server for the worker that is killed: every second message it is handed, the worker
		// dies before the server answers, so that message is not accepted and must be sent again.
		const inbox = await startMailCatcher({
			beforeAccept: async () => {
				attempts += 1;
				if (kills >= KILLS || attempts % 2 !== 0 || !current) return;
				kills += 1;
				seqAtKills.push(memoryIn(crashed)!.seq!);
				await stop(current, 'SIGKILL');
				throw new Error('the worker died before the answer');
			}
		});
		crashedInbox.push(inbox);
		const referenceInbox = await startMailCatcher();
		const startedAt = Date.now();
		const env = (behindMs = 0) => workerEnv(server, crashed, inbox.smtpUrl, storyClock(startedAt, behindMs));
		/** The uninterrupted worker, in this process, on the same clock and settings as the crashing one. */
		const startReference = () =>
			startNotifierService({
				config: { enabled: true, smtpUrl: referenceInbox.smtpUrl, mailFrom: 'Byttebank <byttebank@test.example>', appUrl: APP_URL, port: 0, host: '127.0.0.1', catcherPort: 0, timeZone: 'Europe/Oslo', window: { from: 8, to: 20 }, clockStart: Date.parse(storyClock(startedAt)) },
				source: { dbUrl: `${server.dbUrl}/${COUNTY}`, auth: server.admin },
				dataDir: reference,
				appUrl: APP_URL,
				pageSize: PAGE_SIZE,
				tickMs: 200,
				log: () => undefined
			});

		try {
			// Both workers start once on the directory alone: nothing to tell, the same position.
			const first = spawnWorker(env(), output);
			await until('the first start saved', () => memoryIn(crashed)?.seq != null);
			await stop(first, 'SIGTERM');
			const referenceFirst = await startReference();
			await referenceFirst.close();
			expect(memoryIn(reference)!.seq).toEqual(memoryIn(crashed)!.seq);

			for (const tx of story()) await putAsAdmin(server, COUNTY, tx);
			await putAsAdmin(server, COUNTY, { _id: 'person:broken', type: 'person' } as { _id: string });
			const finalSeq = seqNumber(await updateSeq(server, COUNTY));
			const finished = (dir: string) => {
				const memory = memoryIn(dir);
				return !!memory && seqNumber(memory.seq) >= finalSeq && memory.outbox.length === 0;
			};

			// The uninterrupted run: what should arrive.
			const uninterrupted = await startReference();
			await until('the uninterrupted run finished', () => finished(reference));
			await uninterrupted.close();

			// The run that is killed: restarted on the same folder each time it dies.
			const launch = () => {
				starts += 1;
				const child = spawnWorker(env(starts > 1 ? STEPPED_BACK_MS : 0), output);
				current = child;
				child.once('exit', () => {
					if (!done) launch();
				});
			};
			launch();
			await until('the killed run finished', () => kills === KILLS && finished(crashed), 120_000);
			done = true;
			await stop(current!, 'SIGTERM');

			const expected = referenceInbox.messages.map(identity).sort();
			const received = inbox.messages.map(identity).sort();
			console.log(`notifier restarts: ${kills} kills, ${starts} starts, ${attempts} hand-overs to SMTP, ${received.length} messages received, ${expected.length} expected`);
			expect(kills).toBe(KILLS);
			expect(new Set(received).size).toBe(received.length);
			expect(received).toEqual(expected);
			// Not one notice was dropped as stale or suppressed where the uninterrupted run sent it.
			expect(outcomes(crashed)).toEqual(outcomes(reference));
			// Every kill came before the feed was read to its end.
			expect(seqAtKills.every((seq) => seqNumber(seq) < finalSeq)).toBe(true);
			// The story tells every kind of notice, so the comparison covers every rule.
			const kinds = new Set(referenceInbox.messages.map((m) => m.headers['x-byttebank-notice']));
			expect([...kinds].sort()).toEqual(['collision', 'confirm-days', 'proposal-accepted', 'proposal-declined', 'proposal-to-answer', 'proposal-unanswered', 'urgent-request', 'visit-tomorrow']);
		} catch (error) {
			console.log(output.join(''));
			throw error;
		} finally {
			done = true;
			if (current) await stop(current, 'SIGKILL');
			for (const catcher of [...crashedInbox, referenceInbox]) await catcher.close();
		}
	}, 180_000);
});
