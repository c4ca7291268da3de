/**
 * The first copy of the county into an empty replica, in a few large reads instead of
 * replication's many small ones (CHT's initial replication works this way). Replication from
 * nothing fetched 500 documents a time with a `_revs_diff` and a `_bulk_get` for each batch
 * and a checkpoint after it: 215 requests and 19× the time of one raw copy on a 20k county.
 *
 * The copy reads the server's `_changes` from where it stopped, in pages of `pageSize`, with
 * `include_docs` and `style=all_docs`: every document once, tombstones too, and the revision
 * of every leaf, so a directory conflict still reaches the projector to be resolved
 * (store/directory-conflicts.ts) and a transaction's forged branch is still counted tampered.
 * The few documents with more than one leaf or a later generation (directory edits) have
 * their leaves fetched with their history in one `_bulk_get` per page. Each page is written
 * with `bulkDocs(docs, {new_edits: false})`, as replication writes, while the next page is on
 * its way.
 *
 * Why `_changes` and not `_all_docs`: `_all_docs` lists neither tombstones nor deleted leaves,
 * and gives no sequence. The feed's own `last_seq` after the last page is where live
 * replication must go on from: everything before it is in the copy, anything written during
 * or after the copy comes after it (on a CouchDB cluster too, where seqs are opaque strings
 * that are only ever passed back). The server's `update_seq`, read first, is kept with the
 * progress so a stalled copy can be told from a finished one when looking at a replica.
 *
 * Handover: one ordinary pull replication with `since` set to that sequence. PouchDB then
 * writes its own checkpoint (on both sides, under the id the live pull uses, since neither has
 * a filter) and catches up on what was written during the copy; the live replication that
 * follows starts from that checkpoint.
 *
 * Interrupted (network drop, tab closed): progress is a `_local` document in the replica,
 * written before the first page and after each page is stored. A page stored but not yet
 * recorded is read and written again, which `new_edits: false` makes harmless. Until the
 * handover has finished, the replica says it is not complete and the next start goes on from
 * the last recorded page.
 */
import type { Replica } from '$lib/store/replica';

export type Seq = number | string;

export const PROGRESS_DOC_ID = '_local/initial-sync';
/**
 * Documents per read. 20k documents in five reads; a page of 5000 is about 2 MB of JSON
 * (0.3 MB gzipped), small enough for a cheap tablet's heap and a slow line's patience.
 */
export const PAGE_SIZE = 5000;

type Doc = { _id: string; _rev: string; _deleted?: boolean } & Record<string, unknown>;

interface Progress {
	_id: typeof PROGRESS_DOC_ID;
	_rev?: string;
	/** copying: pages are being stored; copied: all stored, handover pending; complete. */
	phase: 'copying' | 'copied' | 'complete';
	/** The feed's position after the last page stored. */
	cursor: Seq;
	/** The server's update_seq when the copy began. */
	serverSeqAtStart: Seq;
	pages: number;
	docs: number;
}

interface ChangesPage {
	results: Array<{ id: string; seq: Seq; changes: Array<{ rev: string }>; doc?: Doc; deleted?: boolean }>;
	last_seq: Seq;
	pending?: number;
}

/**
 * Whether a page ends the copy: an empty one, or a short one with nothing said to be pending.
 * A cluster's `pending` is not to be trusted alone: a CI run on the three-node cluster ended a
 * copy of 434 documents after its first page, so the rest came slowly by the handover. A full
 * page is never taken as the last; an empty page after it costs one short request.
 */
export function isLastPage(page: { results: unknown[]; pending?: number }, pageSize: number): boolean {
	return page.results.length === 0 || (page.results.length < pageSize && (page.pending ?? 0) === 0);
}

interface BulkGetAnswer {
	results: Array<{ id: string; docs: Array<{ ok?: Doc; error?: unknown }> }>;
}

export interface InitialSyncOptions {
	/** The fetch to use (the session's, with its cookie and server clock). */
	request?: typeof fetch;
	signal?: AbortSignal;
	pageSize?: number;
	/** Called once the copy is about to store pages (and not when the replica needs none). */
	onStart?(): void;
	/** Called after each page is stored (progress display, tests). */
	onPage?(docs: number): void;
}

/** An HTTP failure that replication.ts can judge like a PouchDB one (status, name). */
export class CopyError extends Error {
	constructor(
		readonly status: number,
		message: string
	) {
		super(message);
		this.name = status === 401 ? 'unauthorized' : status === 403 ? 'forbidden' : 'copy_failed';
	}
}

async function readProgress(replica: Replica): Promise<Progress | undefined> {
	try {
		return (await replica.get(PROGRESS_DOC_ID)) as unknown as Progress;
	} catch (error) {
		if ((error as { status?: number }).status === 404) return undefined;
		throw error;
	}
}

async function saveProgress(replica: Replica, progress: Progress): Promise<Progress> {
	const { rev } = await replica.put(progress as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>);
	return { ...progress, _rev: rev };
}

/**
 * Whether this replica still needs (the rest of) a first copy. A replica that holds documents
 * but no progress was filled by replication before this module existed, and goes on that way.
 */
export async function needsInitialSync(replica: Replica): Promise<boolean> {
	const progress = await readProgress(replica);
	if (progress) return progress.phase !== 'complete';
	return (await replica.info()).update_seq === 0;
}

async function getJson<T>(request: typeof fetch, url: string, init: RequestInit, signal?: AbortSignal): Promise<T> {
	const response = await request(url, { ...init, signal, credentials: 'same-origin', headers: { accept: 'application/json', ...(init.body ? { 'content-type': 'application/json' } : {}) } });
	if (!response.ok) throw new CopyError(response.status, `${init.method ?? 'GET'} ${new URL(url, 'http://x').pathname}: HTTP ${response.status}`);
	return (await response.json()) as T;
}

function changesUrl(dbUrl: string, since: Seq, limit: number): string {
	// seq_interval spares a CouchDB cluster computing an opaque seq for every row; only
	// last_seq is used. Servers that do not know it (express-pouchdb) ignore it.
	const query = new URLSearchParams({ style: 'all_docs', include_docs: 'true', limit: String(limit), seq_interval: String(limit), since: String(since) });
	return `${dbUrl}/_changes?${query}`;
}

function generationOf(rev: string): number {
	return Number.parseInt(rev, 10);
}

/**
 * The documents of one page as replication would write them. A first-generation winner is
 * taken as the feed gives it: its history is itself. Every other leaf (a later generation,
 * a conflicting or deleted branch) is fetched in one `_bulk_get` with its revision history:
 * without it, a document edited during the copy would arrive once as 1-a and once as 2-b
 * with nothing joining them, and the replica would hold a conflict the server does not have.
 */
async function docsOf(page: ChangesPage, dbUrl: string, request: typeof fetch, signal?: AbortSignal): Promise<Doc[]> {
	const docs: Doc[] = [];
	const withHistory: Array<{ id: string; rev: string }> = [];
	for (const row of page.results) {
		const winner = row.doc;
		if (winner && generationOf(winner._rev) === 1) docs.push(winner);
		for (const { rev } of row.changes) if (rev !== winner?._rev || generationOf(rev) > 1) withHistory.push({ id: row.id, rev });
	}
	if (withHistory.length) {
		const answer = await getJson<BulkGetAnswer>(request, `${dbUrl}/_bulk_get?revs=true`, { method: 'POST', body: JSON.stringify({ docs: withHistory }) }, signal);
		for (const result of answer.results) {
			for (const leaf of result.docs) {
				// A leaf the server cannot give now was replaced meanwhile (and compacted away):
				// the rest of the feed, or the handover after it, brings what replaced it.
				if (leaf.ok) docs.push(leaf.ok);
			}
		}
	}
	return docs;
}

/**
 * Copies (the rest of) the county into the replica. Returns the sequence live replication
 * must continue from, or undefined when the replica needs no copy.
 */
export async function copyCounty(replica: Replica, dbUrl: string, options: InitialSyncOptions = {}): Promise<Seq | undefined> {
	const request = options.request ?? fetch;
	const pageSize = options.pageSize ?? PAGE_SIZE;
	const { signal } = options;
	let progress = await readProgress(replica);
	if (progress?.phase === 'complete') return undefined;
	if (progress?.phase === 'copied') return progress.cursor;
	if (!progress) {
		if ((await replica.info()).update_seq !== 0) return undefined;
		const info = await getJson<{ update_seq: Seq }>(request, dbUrl, {}, signal);
		// Recorded before any document is stored, so an interrupted copy never looks finished.
		progress = await saveProgress(replica, { _id: PROGRESS_DOC_ID, phase: 'copying', cursor: 0, serverSeqAtStart: info.update_seq, pages: 0, docs: 0 });
	}
	const fetchPage = (since: Seq) => getJson<ChangesPage>(request, changesUrl(dbUrl, since, pageSize), {}, signal);
	options.onStart?.();
	let next = fetchPage(progress.cursor);
	for (;;) {
		const page = await next;
		const last = isLastPage(page, pageSize);
		// The next read crosses the network while this one is written to IndexedDB.
		if (!last) {
			next = fetchPage(page.last_seq);
			next.catch(() => {}); // judged when awaited; an abort must not surface as unhandled
		}
		const docs = await docsOf(page, dbUrl, request, signal);
		if (docs.length) await replica.bulkDocs(docs, { new_edits: false });
		signal?.throwIfAborted();
		progress = await saveProgress(replica, { ...progress, phase: last ? 'copied' : 'copying', cursor: page.last_seq, pages: progress.pages + 1, docs: progress.docs + page.results.length });
		options.onPage?.(progress.docs);
		if (last) return page.last_seq;
	}
}

/**
 * Hands the copied replica over to live replication: one pull from `since` (PouchDB writes the
 * checkpoint its live pull reads), then the copy is marked complete. Cancelled or failed, the
 * copy stays "copied" and the next start hands over again.
 */
export async function handOver(replica: Replica, remote: Replica, since: Seq, batchSize: number, signal?: AbortSignal): Promise<PouchDB.Replication.ReplicationResultComplete<object>> {
	const pull = replica.replicate.from(remote, { since, batch_size: batchSize } as PouchDB.Replication.ReplicateOptions);
	const cancel = () => pull.cancel();
	signal?.addEventListener('abort', cancel);
	let result: PouchDB.Replication.ReplicationResultComplete<object>;
	try {
		result = await pull;
	} finally {
		signal?.removeEventListener('abort', cancel);
	}
	signal?.throwIfAborted();
	const progress = await readProgress(replica);
	if (progress) await saveProgress(replica, { ...progress, phase: 'complete' });
	return result;
}
