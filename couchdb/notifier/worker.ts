/**
 * The notifier worker, after CHT's sentinel: it follows the county database's `_changes`,
 * folds what it reads with the app's own domain code, decides what to tell whom (the pure rules
 * in src/lib/domain/notifications) and delivers it by e-mail.
 *
 * What makes a restart safe:
 * - After each page it decides, queues the new notices and saves the feed position in one write
 *   (notifier-store.ts). A restart folds silently up to the saved position and reads on from
 *   there: nothing decided is lost, nothing already queued or sent is queued again, and the
 *   pages after it are the ones an uninterrupted run would have read.
 * - Each delivery is recorded as soon as the SMTP server has accepted it. The one gap no SMTP
 *   client can close is a crash between the server's "250 OK" and that write: then the message
 *   is sent again, with the same Message-ID.
 * - On the very first start, what is already true is history, not news: it is recorded as sent
 *   (`baseline`) without a message, so turning the worker on does not mail a year of events.
 * A scheduler asks the rules again every minute, for the reminders that fall due with time,
 * and retries what is waiting for the SMTP server.
 */
import { allNotices } from '../../src/lib/domain/notifications/all-notices';
import type { Notice, NoticeContext } from '../../src/lib/domain/notifications/notice';
import { deliveryOf } from '../../src/lib/domain/notifications/preferences';
import { DEFAULT_WINDOW, earliestSend, type SendingWindow } from '../../src/lib/domain/notifications/sending-window';
import { digestHasNews } from '../../src/lib/domain/notifications/weekly-digest';
import type { PendingMember } from '../../src/lib/domain/membership';
import { readApplicants } from './applicants-reader';
import { readChanges, seqNumber, type FeedSource } from './changes-feed';
import { composeMail } from './compose';
import { CountyMirror } from './county-mirror';
import { forgetSettled } from './forget-settled';
import type { Mailer } from './mailer';
import { NotifierStore, type OutboxItem } from './notifier-store';
import type { PushDevice } from './push-devices';
import { pushToDevices } from './push-channel';
import type { VapidKeys } from './vapid-keys';
import { steadyTime } from './steady-clock';
import { unsubscribeUrl } from './unsubscribe-token';

export interface NotifierOptions {
	source: FeedSource;
	stateFile: string;
	/** The secret that signs unsubscribe links (unsubscribe-token.ts). */
	secret: string;
	mailer: Mailer;
	/** The app's origin, for links in messages. */
	appUrl: string;
	/** Where this worker's unsubscribe page is reached from outside. */
	publicUrl: string;
	timeZone: string;
	window?: SendingWindow;
	now?: () => number;
	pageSize?: number;
	/** How often the scheduler asks the rules again and retries waiting messages. */
	tickMs?: number;
	/** Retry delays double from `baseMs` up to `maxMs`. */
	retry?: { baseMs: number; maxMs: number };
	longpollMs?: number;
	log?: (line: string) => void;
	/** Web Push: the notifier's VAPID keys and contact; without them nothing is pushed. */
	vapid?: VapidKeys & { subject: string };
}

const DEFAULTS = { pageSize: 100, tickMs: 60_000, retry: { baseMs: 30_000, maxMs: 30 * 60_000 }, longpollMs: 25_000 };

export class Notifier {
	readonly mirror: CountyMirror;
	readonly store: NotifierStore;
	readonly #options: NotifierOptions & typeof DEFAULTS;
	readonly #clock: () => number;
	readonly #log: (line: string) => void;
	#currentKeys = new Set<string>();
	#applicants: PendingMember[] = [];
	#applicantsUnreadable = false;
	#queue: Promise<unknown> = Promise.resolve();
	#stopped = false;
	#abort = new AbortController();
	#timer: NodeJS.Timeout | undefined;
	#loop: Promise<void> | undefined;

	constructor(options: NotifierOptions) {
		this.#options = {
			...options,
			pageSize: options.pageSize ?? DEFAULTS.pageSize,
			tickMs: options.tickMs ?? DEFAULTS.tickMs,
			retry: options.retry ?? DEFAULTS.retry,
			longpollMs: options.longpollMs ?? DEFAULTS.longpollMs
		};
		this.#clock = options.now ?? Date.now;
		this.#log = options.log ?? ((line) => console.log(line));
		this.mirror = new CountyMirror(this.#log);
		this.store = new NotifierStore(options.stateFile);
	}

	/** Catches up with the feed, then follows it and runs the scheduler until stopped. */
	async start(): Promise<void> {
		await this.#catchUp();
		this.#timer = setInterval(() => void this.#exclusive(() => this.#decideAndDeliver()).catch((e) => this.#log(`notifier: ${String(e)}`)), this.#options.tickMs);
		this.#loop = this.#follow();
	}

	async stop(): Promise<void> {
		this.#stopped = true;
		clearInterval(this.#timer);
		this.#abort.abort();
		await this.#loop;
		await this.#queue.catch(() => undefined);
	}

	/** The one-click unsubscribe: the address is never written to again, and its waiting messages are dropped. */
	unsubscribe(address: string): Promise<void> {
		return this.#exclusive(async () => {
			const a = address.toLowerCase();
			this.store.memory.unsubscribed[a] = { at: this.#now() };
			this.#settleAll((item) => item.notice.to.address.toLowerCase() === a, 'suppressed');
			this.#dropHeld(a);
			this.store.save();
		});
	}

	/** A device that asked for push messages; subscribing again (new libraries, new keys) replaces it. */
	/** Takes a device's subscription; false for one its push service said is gone. */
	addDevice(device: PushDevice): Promise<boolean> {
		return this.#exclusive(async () => {
			if (this.store.memory.gonePush?.[device.endpoint] !== undefined) return false;
			(this.store.memory.push ??= {})[device.endpoint] = device;
			this.store.save();
			return true;
		});
	}

	/** Forgets a device, if the asking user's libraries are the ones it subscribed with. */
	removeDevice(endpoint: string, libraries: readonly string[]): Promise<boolean> {
		return this.#exclusive(async () => {
			const device = this.store.memory.push?.[endpoint];
			if (!device || !device.libraries.every((l) => libraries.includes(l))) return false;
			delete this.store.memory.push![endpoint];
			this.store.save();
			return true;
		});
	}

	/** The clock, kept from stepping back behind a time already acted on (steady-clock.ts). */
	#now(): number {
		const memory = this.store.memory;
		memory.clock = steadyTime(this.#clock(), memory.clock);
		return memory.clock;
	}

	/** Runs one step at a time: the feed, the scheduler and unsubscribes never interleave their writes. */
	#exclusive<T>(step: () => Promise<T>): Promise<T> {
		const next = this.#queue.then(step, step);
		this.#queue = next.catch(() => undefined);
		return next;
	}

	/**
	 * Folds what the feed held up to the saved position, without deciding anything, then decides
	 * once at that position: exactly the state the last run saved its decisions for, so the pages
	 * that follow are the same pages, with the same decisions, as a run that never stopped.
	 */
	async #catchUp(): Promise<void> {
		const memory = this.store.memory;
		const firstStart = memory.seq === null;
		const savedAt = seqNumber(memory.seq);
		let cursor: string | number = 0;
		for (;;) {
			const page = await readChanges(this.#options.source, cursor, this.#options.pageSize);
			const upToSaved = firstStart ? page.docs : page.docs.filter((_, i) => seqNumber(page.seqs[i]!) <= savedAt);
			this.mirror.apply(upToSaved);
			cursor = page.lastSeq;
			const beyond = upToSaved.length < page.docs.length;
			if (beyond || page.pending === 0 || page.docs.length === 0) break;
		}
		await this.#exclusive(async () => {
			await this.#readApplicants();
			if (firstStart) {
				const at = this.#now();
				for (const notice of allNotices(this.#context())) memory.sent[notice.key] = { at, how: 'baseline' };
				memory.seq = cursor;
				this.store.save();
				this.#log(`notifier: first start, ${Object.keys(memory.sent).length} notices already true taken as history`);
			} else {
				await this.#step(memory.seq!);
			}
		});
	}

	async #follow(): Promise<void> {
		let cursor = this.store.memory.seq ?? 0;
		let failures = 0;
		while (!this.#stopped) {
			try {
				const page = await readChanges(this.#options.source, cursor, this.#options.pageSize, this.#options.longpollMs, this.#abort.signal);
				failures = 0;
				if (page.docs.length === 0 && page.lastSeq === cursor) continue;
				cursor = page.lastSeq;
				const reached = cursor;
				// Folded inside the step, so the scheduler never decides on a state past the saved
				// position: a restart would replay only up to it and take those notices for stale.
				await this.#exclusive(() => {
					this.mirror.apply(page.docs);
					return this.#step(reached);
				});
			} catch (error) {
				if (this.#stopped) return;
				// The database restarting or unreachable: wait and read again from the same position.
				failures += 1;
				this.#log(`notifier: reading changes failed (${(error as Error).message}); retrying`);
				await new Promise((done) => setTimeout(done, Math.min(30_000, 500 * 2 ** failures)));
			}
		}
	}

	/** Decides on what the feed brought up to `seq`, saves that position with the queue, delivers. */
	async #step(seq: string | number): Promise<void> {
		this.#decide();
		this.store.memory.seq = seq;
		this.store.save();
		await this.#deliver();
	}

	async #decideAndDeliver(): Promise<void> {
		await this.#readApplicants();
		this.#decide();
		this.store.save();
		await this.#deliver();
	}

	#context(): NoticeContext {
		return { state: this.mirror.state, directory: this.mirror.directory, now: this.#now(), timeZone: this.#options.timeZone, applicants: this.#applicants };
	}

	/**
	 * Who waits for approval (outside the feed, in `_users`): read at start and on each scheduler
	 * tick, not per feed page, since no page of the county's feed changes it. The last list read
	 * stands while it cannot be read.
	 */
	async #readApplicants(): Promise<void> {
		try {
			this.#applicants = await readApplicants(this.#options.source);
			this.#applicantsUnreadable = false;
		} catch (error) {
			if (!this.#applicantsUnreadable) this.#log(`notifier: cannot read who waits for approval (${(error as Error).message}); new colleagues are not told of until it can`);
			this.#applicantsUnreadable = true;
		}
	}

	#decide(): void {
		const now = this.#now();
		const notices = allNotices(this.#context());
		this.#currentKeys = new Set(notices.map((n) => n.key));
		const memory = this.store.memory;
		this.#releaseHeld(now);
		forgetSettled(memory, this.#currentKeys, now);
		for (const notice of notices) {
			if (this.store.knows(notice.key)) continue;
			if (this.store.isBlocked(notice.to.address)) {
				memory.sent[notice.key] = { at: now, how: 'suppressed' };
				continue;
			}
			// Decided once, when the notice first becomes true: a later change of mind applies to what comes next.
			const choice = deliveryOf(notice, this.mirror.directory);
			if (choice === 'never') {
				memory.sent[notice.key] = { at: now, how: 'declined' };
				continue;
			}
			if (choice === 'digest') {
				memory.sent[notice.key] = { at: now, how: 'held' };
				(memory.held ??= []).push(notice);
				continue;
			}
			memory.outbox.push({ notice, notBefore: earliestSend(notice.urgency, now, this.#options.timeZone, this.#options.window ?? DEFAULT_WINDOW), attempts: 0 });
		}
	}

	/**
	 * What was held for a person who no longer gathers anything in the digest goes out now, as
	 * they now ask (and is dropped if they were erased): otherwise it would wait for a digest
	 * that, with a shared library address, never comes to them.
	 */
	#releaseHeld(now: number): void {
		const memory = this.store.memory;
		if (!memory.held?.length) return;
		const people = new Map(this.mirror.directory.people.map((p) => [p._id, p]));
		const stays = (n: Notice) => Object.values(people.get(n.to.person ?? '')?.notify ?? {}).includes('digest');
		for (const notice of memory.held.filter((n) => !stays(n))) {
			if (people.has(notice.to.person ?? '')) memory.outbox.push({ notice, notBefore: earliestSend(notice.urgency, now, this.#options.timeZone, this.#options.window ?? DEFAULT_WINDOW), attempts: 0 });
		}
		memory.held = memory.held.filter(stays);
	}

	#settleAll(which: (item: OutboxItem) => boolean, how: 'suppressed' | 'stale'): void {
		const memory = this.store.memory;
		const at = this.#now();
		for (const item of memory.outbox.filter(which)) memory.sent[item.notice.key] = { at, how };
		memory.outbox = memory.outbox.filter((item) => !which(item));
	}

	/** The notices held for an address's digest: taken by the digest that tells them, or dropped with the address. */
	#heldFor(address: string): Notice[] {
		return (this.store.memory.held ?? []).filter((n) => n.to.address.toLowerCase() === address);
	}

	#dropHeld(address: string): void {
		const memory = this.store.memory;
		if (memory.held) memory.held = memory.held.filter((n) => n.to.address.toLowerCase() !== address);
	}

	async #deliver(): Promise<void> {
		const memory = this.store.memory;
		const due = memory.outbox.filter((item) => item.notBefore <= this.#now()).sort((a, b) => a.notBefore - b.notBefore || (a.notice.key < b.notice.key ? -1 : 1));
		for (const item of due) {
			if (this.#stopped) return;
			const { notice } = item;
			const address = notice.to.address.toLowerCase();
			if (!memory.outbox.includes(item)) continue; // settled with another message to a bounced address
			// A reminder that waited for the morning and is no longer true (answered overnight) is dropped.
			if (notice.urgency === 'normal' && !this.#currentKeys.has(notice.key)) {
				this.#settleAll((i) => i === item, 'stale');
				this.store.save();
				continue;
			}
			const held = notice.kind === 'weekly-digest' ? this.#heldFor(address) : [];
			// What was held and is no longer true (answered since) is taken without being told.
			const stillTrue = held.filter((n) => this.#currentKeys.has(n.key));
			// A quiet week with nothing held is not worth an e-mail.
			if (notice.digest && !digestHasNews(notice.digest) && stillTrue.length === 0) {
				memory.outbox = memory.outbox.filter((i) => i !== item);
				if (held.length > 0) memory.held = (memory.held ?? []).filter((n) => !held.includes(n));
				memory.sent[notice.key] = { at: this.#now(), how: 'nothing' };
				this.store.save();
				continue;
			}
			const libraryName = this.mirror.directory.libraries.get(notice.to.library)?.name ?? notice.to.library;
			const mail = composeMail(
				notice,
				libraryName,
				{
					appUrl: this.#options.appUrl,
					unsubscribeUrl: unsubscribeUrl(this.#options.publicUrl, this.#options.secret, address),
					domain: new URL(this.#options.appUrl).hostname || 'byttebank.local'
				},
				stillTrue
			);
			const result = await this.#options.mailer.send(mail);
			if (result.ok) {
				memory.outbox = memory.outbox.filter((i) => i !== item);
				memory.sent[notice.key] = { at: this.#now(), how: 'delivered' };
				// Taken in the same write as the digest's record: a crash sends both again or neither.
				if (held.length > 0) memory.held = (memory.held ?? []).filter((n) => !held.includes(n));
				this.store.save();
				if (this.#options.vapid) await pushToDevices(memory, notice, mail, { vapid: this.#options.vapid, now: () => this.#now(), log: this.#log, save: () => this.store.save() });
				continue;
			}
			if (result.permanent) {
				this.#log(`notifier: ${address} bounced (${result.reason}); it will not be tried again`);
				memory.bounced[address] = { at: this.#now(), reason: result.reason };
				this.#settleAll((i) => i.notice.to.address.toLowerCase() === address, 'suppressed');
				this.#dropHeld(address);
				this.store.save();
				continue;
			}
			// The server is down or asks to try later: everything due waits, nothing is dropped.
			item.attempts += 1;
			item.lastError = result.reason;
			const delay = Math.min(this.#options.retry.maxMs, this.#options.retry.baseMs * 2 ** (item.attempts - 1));
			item.notBefore = this.#now() + delay;
			this.store.save();
			this.#log(`notifier: sending failed (${result.reason}); ${memory.outbox.length} waiting, next try in ${Math.round(delay / 1000)} s`);
			return;
		}
	}
}
