/**
 * Live two-way replication between the local replica and the county database, with retry and
 * back-off; an empty replica is first filled by the initial copy (initial-sync.ts). It reports what happens through callbacks and never decides what the UI shows.
 * A batch the server will not take in one request (413) or that times out is retried in
 * smaller batches, down to a handful of documents.
 */
import { deviceOf } from '$lib/domain/ids';
import { SyncState } from './sync-state';
import type { Replica } from '$lib/store/replica';
import { copyCounty, handOver, PAGE_SIZE, type Seq } from './initial-sync';
import { gzipRequestBodies } from './gzip-request-body';
import { endQuietLongPolls } from './quiet-long-poll';
import { rememberRemoteId } from './remote-id';

export interface ReplicationEvents {
	state(state: SyncState): void;
	synced(at: number): void;
	pushed(docIds: string[]): void;
	denied(docId: string, reason: string): void;
	/** The batch was too big or too slow: start again with this many documents per batch. */
	shrink(batchSize: number): void;
	/** The first copy began storing the county (true), or stopped, done or not (false). */
	copying?(active: boolean): void;
}

export const DEFAULT_BATCH_SIZE = 100;
/**
 * Pulls take five times the push batch: a first sync is mostly round trips and one IndexedDB
 * transaction per batch, and 500 documents (about 175 kB) still cross slow 3G in seconds.
 * Measured on a 20k-document county: 44 s to usable with 100, 22 s with 500.
 */
export const PULL_BATCH_FACTOR = 5;
export const MIN_BATCH_SIZE = 5;
const MAX_BACKOFF_MS = 60_000;

/** Doubles the wait after each failure, up to a minute, with jitter so tablets do not stampede. */
export function backOff(delay: number): number {
	if (delay === 0) return 1_000;
	return Math.min(MAX_BACKOFF_MS, delay * 2) * (0.75 + Math.random() * 0.5);
}

function statusOf(error: unknown): number | undefined {
	return typeof error === 'object' && error !== null ? (error as { status?: number }).status : undefined;
}

/**
 * No answer at all from the server: the fetch itself failed. `navigator.onLine` cannot be
 * trusted for this (a branch's wifi with no line behind it reports online, and so does
 * Chromium 150 after a reload under emulated offline), so the failure is what tells.
 */
export function unreachable(error: unknown): boolean {
	if (typeof error !== 'object' || error === null || statusOf(error)) return false;
	const e = error as { name?: unknown; message?: unknown };
	return e.name === 'TypeError' || /fetch|network|ECONNREFUSED|ECONNRESET/i.test(String(e.message ?? ''));
}

/** Too large a request, or a gateway/server time-out: smaller batches may get through. */
export function needsSmallerBatches(error: unknown): boolean {
	const status = statusOf(error);
	const name = typeof error === 'object' && error !== null ? String((error as { name?: string }).name ?? '') : '';
	return status === 413 || status === 408 || status === 504 || /timeout/i.test(name);
}

/**
 * What this device pushes: only what it wrote (its transaction ids and directory stamps name
 * its device) and tombstones. Without this, every document pulled from the county was
 * offered back on each reconnect: 10 new transactions cost 0.9 MB of revs_diff on a 20k county.
 */
export function writtenHere(deviceId: string) {
	return (doc: { _id: string; _deleted?: boolean; updated?: unknown }): boolean => {
		if (doc._deleted) return true;
		if (doc._id.startsWith('tx:')) return deviceOf(doc._id.slice(3)) === deviceId;
		return typeof doc.updated === 'string' && deviceOf(doc.updated) === deviceId;
	};
}

/** What a failure means for the user, or a restart with smaller batches. */
function judge(error: unknown, batchSize: number, events: ReplicationEvents): void {
	if (needsSmallerBatches(error) && batchSize > MIN_BATCH_SIZE) return events.shrink(Math.max(MIN_BATCH_SIZE, Math.floor(batchSize / 2)));
	const status = statusOf(error);
	events.state(status === 401 ? SyncState.Unauthorized : unreachable(error) ? SyncState.Offline : SyncState.Error);
}

export interface ReplicationOptions {
	/** Names this device in the ids it writes: what it pushes (writtenHere). */
	deviceId: string;
	batchSize?: number;
	/** The fetch to use: the session's, which also reads the server's clock from each answer. */
	request?: typeof fetch;
	/** How many of this user's writes wait to be sent (the outbox), read after a first copy. */
	unsent?: () => Promise<number>;
	/** How long one long poll of the live pull may stay open (quiet-long-poll.ts). */
	longPollMaxMs?: number;
}

/**
 * Brings the replica up to date with the county and keeps it there: an empty (or half-copied)
 * replica first gets the county in a few large reads (initial-sync.ts), then live replication
 * takes over from where the copy ended.
 */
export function startReplication(replica: Replica, remoteUrl: string, events: ReplicationEvents, options: ReplicationOptions): () => void {
	const { deviceId, batchSize = DEFAULT_BATCH_SIZE, request = fetch, unsent } = options;
	events.state(SyncState.Connecting);
	const remote = new (replica.constructor as new (name: string, options: object) => Replica)(remoteUrl, {
		// Named, so a PouchDB with another default adapter (tests in Node) still talks HTTP.
		adapter: 'http',
		skip_setup: true,
		fetch: endQuietLongPolls(gzipRequestBodies((url, opts) => request(url, { ...opts, credentials: 'same-origin' })), options.longPollMaxMs)
	});
	rememberRemoteId(replica, remote, remoteUrl, request);
	const abort = new AbortController();
	let stopLive: (() => void) | undefined;
	let retry: ReturnType<typeof setTimeout> | undefined;
	let delay = 0;
	const begin = async () => {
		let pushFrom: Seq | undefined;
		try {
			// A smaller batch after a 413 or time-out shrinks the copy's pages alike.
			const pageSize = Math.max(MIN_BATCH_SIZE, Math.round((PAGE_SIZE * batchSize) / DEFAULT_BATCH_SIZE));
			let since: Seq | undefined;
			try {
				since = await copyCounty(replica, remoteUrl, { request, signal: abort.signal, pageSize, onStart: () => events.copying?.(true), onPage: () => events.state(SyncState.Active) });
			} finally {
				events.copying?.(false);
			}
			if (since !== undefined) {
				await handOver(replica, remote, since, batchSize * PULL_BATCH_FACTOR, abort.signal);
				pushFrom = await nothingToPushBefore(replica, unsent);
			}
		} catch (error) {
			if (abort.signal.aborted) return;
			judge(error, batchSize, events);
			// An expired session waits for the user to log in again (BankSession.resume).
			if (statusOf(error) === 401 || statusOf(error) === 403) return;
			delay = backOff(delay);
			retry = setTimeout(() => void begin(), delay);
			return;
		}
		if (!abort.signal.aborted) stopLive = liveReplication(replica, remote, events, deviceId, batchSize, pushFrom);
	};
	void begin();
	return () => {
		abort.abort();
		clearTimeout(retry);
		stopLive?.();
		void remote.close();
	};
}

/**
 * Where the push may start after a first copy: the replica's sequence now, if nothing of this
 * user's waits to be sent; otherwise nowhere but the beginning. Without it the push side read
 * the whole copied county through the device filter before it first paused (about 1.8 s of a
 * 20k county's first sync), to find nothing. The sequence is read before the outbox: every
 * write puts its outbox entry before the document (bank-writer.ts), so a write the sequence
 * already covers is still in the outbox when it is counted, and one after it is pushed anyway.
 */
async function nothingToPushBefore(replica: Replica, unsent?: () => Promise<number>): Promise<Seq | undefined> {
	if (!unsent) return undefined;
	const { update_seq } = await replica.info();
	return (await unsent()) === 0 ? update_seq : undefined;
}

function liveReplication(replica: Replica, remote: Replica, events: ReplicationEvents, deviceId: string, batchSize: number, pushFrom?: Seq): () => void {
	const sync = replica.sync(remote, {
		live: true,
		retry: true,
		back_off_function: backOff,
		batch_size: batchSize,
		batches_limit: batchSize < DEFAULT_BATCH_SIZE ? 1 : 10,
		// `since` once, after a first copy: PouchDB records it as the push's checkpoint at once.
		push: { filter: writtenHere(deviceId), ...(pushFrom === undefined ? {} : { since: pushFrom }) },
		pull: { batch_size: batchSize * PULL_BATCH_FACTOR }
	} as PouchDB.Replication.SyncOptions);
	const failed = (error: unknown) => judge(error, batchSize, events);
	// The two-way sync's own 'paused' event drops the error (PouchDB 9), so an unreachable
	// server would look "up to date". Each direction is watched instead: up to date means
	// both directions paused without an error.
	const direction: Record<'push' | 'pull', { active: boolean; error: unknown }> = {
		push: { active: true, error: undefined },
		pull: { active: true, error: undefined }
	};
	const settle = () => {
		if (direction.push.active || direction.pull.active) return;
		const error = direction.push.error ?? direction.pull.error;
		if (error) return failed(error);
		events.synced(Date.now());
		events.state(SyncState.UpToDate);
	};
	for (const name of ['push', 'pull'] as const) {
		const replication = (sync as unknown as Record<'push' | 'pull', { on(event: string, listener: (arg?: unknown) => void): void }>)[name];
		replication.on('active', () => {
			direction[name] = { active: true, error: undefined };
		});
		replication.on('paused', (error?: unknown) => {
			direction[name] = { active: false, error };
			settle();
		});
	}
	sync
		.on('active', () => events.state(SyncState.Active))
		.on('change', (info: { direction: string; change: { docs: Array<{ _id: string }> } }) => {
			if (info.direction === 'push') events.pushed(info.change.docs.map((d) => d._id));
		})
		.on('denied', (error: unknown) => {
			const e = error as { id?: string; reason?: string; message?: string };
			events.denied(e.id ?? '?', e.reason ?? e.message ?? 'forbidden');
		})
		.on('error', failed);
	return () => sync.cancel();
}
