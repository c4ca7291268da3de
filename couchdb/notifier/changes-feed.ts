/**
 * Reads the county database's `_changes` over plain HTTP, page by page: the same requests work
 * against the embedded server and Apache CouchDB (one node or a cluster), with a server admin
 * or a dedicated member account.
 */
import type { ChangedDoc } from './county-mirror';

export interface FeedSource {
	/** The county database's URL, e.g. `http://127.0.0.1:5984/byttebank`. */
	dbUrl: string;
	auth: { name: string; password: string };
}

export interface ChangesPage {
	docs: ChangedDoc[];
	/** The sequence of each document in `docs`, in the same order. */
	seqs: Array<string | number>;
	lastSeq: string | number;
	/** Changes still to read after this page (0 when caught up). */
	pending: number;
}

interface ChangesBody {
	results: Array<{ id: string; seq: string | number; deleted?: boolean; doc?: ChangedDoc }>;
	last_seq: string | number;
	pending?: number;
}

/**
 * How much longer than asked a long poll may stay open before it is given up as quiet: a
 * server that ignores `timeout` (express-pouchdb) or a cluster feed stuck after a node stopped
 * (src/lib/sync/quiet-long-poll.ts) would otherwise hold the notifier for ever.
 */
export const QUIET_GRACE_MS = 30_000;

/**
 * `wait` > 0 holds the request open until something changes (longpoll), up to that many ms; a
 * poll still open `graceMs` after that ends as an empty page at the same position.
 */
export async function readChanges(source: FeedSource, since: string | number, limit: number, wait = 0, signal?: AbortSignal, graceMs = QUIET_GRACE_MS): Promise<ChangesPage> {
	const query = new URLSearchParams({ since: String(since), include_docs: 'true', limit: String(limit) });
	const quiet = wait > 0 ? AbortSignal.timeout(wait + graceMs) : undefined;
	if (wait > 0) {
		query.set('feed', 'longpoll');
		query.set('timeout', String(wait));
	}
	const authorization = `Basic ${Buffer.from(`${source.auth.name}:${source.auth.password}`).toString('base64')}`;
	const signals = [signal, quiet].filter((s): s is AbortSignal => s !== undefined);
	let body: ChangesBody;
	try {
		const response = await fetch(`${source.dbUrl.replace(/\/$/, '')}/_changes?${query}`, { headers: { authorization, accept: 'application/json' }, signal: AbortSignal.any(signals) });
		if (!response.ok) throw new Error(`_changes: HTTP ${response.status} ${await response.text()}`);
		body = (await response.json()) as ChangesBody;
	} catch (error) {
		if (quiet?.aborted && !signal?.aborted) return { docs: [], seqs: [], lastSeq: since, pending: 0 };
		throw error;
	}
	const docs = body.results.map((r) => r.doc ?? { _id: r.id, _deleted: r.deleted });
	// Older servers omit `pending`: a full page means there may be more.
	const pending = body.pending ?? (body.results.length >= limit ? 1 : 0);
	return { docs, seqs: body.results.map((r) => r.seq), lastSeq: body.last_seq, pending };
}

/**
 * The ordering number of a sequence: embedded sequences are numbers, CouchDB's are strings
 * that start with one (`"42-g1AAAA…"`). Only used to tell which replayed documents lie up to a
 * saved position; the saved position itself is always passed back to the server verbatim.
 */
export function seqNumber(seq: string | number | null): number {
	if (seq === null) return -1;
	if (typeof seq === 'number') return seq;
	const n = parseInt(seq, 10);
	return Number.isNaN(n) ? -1 : n;
}
