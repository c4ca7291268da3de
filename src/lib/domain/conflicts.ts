/**
 * Revision conflicts, decided the same way on every replica from the leaf revisions alone
 * (the revisions CouchDB keeps at the tips of a document's revision tree, live or deleted).
 *
 * Directory documents (library:<slug>, person:<id>) are mutable, so two devices of one library
 * editing offline produce a conflict. The rule:
 *
 * 1. Erasure wins. A deleted leaf that is not a "superseded" tombstone (below) is an erasure:
 *    someone deleted the document. Every live leaf is then ended, so an edit made offline
 *    cannot bring a person's erased details back. (CouchDB alone would do the opposite: a live
 *    leaf always beats a deleted one, and it does not even list the deleted leaf in _conflicts.)
 * 2. Otherwise the live leaf with the highest `updated` wins (a transaction id, compared as a
 *    string: the hybrid clock order); on a tie the higher `_rev` string. Every other live leaf
 *    is ended.
 *
 * A losing leaf is ended with a tombstone whose revision is derived from the loser's alone
 * (supersededRev): `<n+1>-superseded<hash>`. Because it is derived, two devices that resolve
 * the same conflict at the same time write the very same revision, and replication merges them
 * into one. Because it is marked, every replica can tell "this branch lost" from "this
 * document was erased", which the rule above needs: a person tombstone may carry no other
 * field (the server's validate_doc_update refuses it), so the mark lives in the revision id.
 * Resolution only ever ends live leaves that lose to another live leaf (or to an erasure): it
 * never writes a new live revision, so it cannot create a new conflict, and a replica that sees
 * only some of the leaves never ends one that the full set would keep. Hence no ping-pong.
 *
 * Transactions are write-once and never legitimately conflict; see chooseTransactionRevision.
 */

/** What the rules read from a leaf revision. */
export interface Leaf {
	_rev: string;
	_deleted?: boolean;
	updated?: unknown;
}

/** The marker in the revision id of a tombstone that ends a losing branch. */
export const SUPERSEDED_MARK = 'superseded';

export interface Revision {
	generation: number;
	hash: string;
}

export function parseRev(rev: string): Revision {
	const dash = rev.indexOf('-');
	const generation = Number(rev.slice(0, dash));
	if (dash < 1 || !Number.isSafeInteger(generation) || generation < 1 || dash === rev.length - 1) {
		throw new Error(`Invalid revision: ${rev}`);
	}
	return { generation, hash: rev.slice(dash + 1) };
}

/** The revision of the tombstone that ends the branch whose leaf is `rev`. */
export function supersededRev(rev: string): string {
	const { generation, hash } = parseRev(rev);
	return `${generation + 1}-${SUPERSEDED_MARK}${hash}`;
}

export function isSupersededRev(rev: string): boolean {
	return parseRev(rev).hash.startsWith(SUPERSEDED_MARK);
}

/**
 * The tombstone that ends a losing branch, to be written with `new_edits: false` so that its
 * revision is exactly supersededRev(rev), child of `rev`. It carries no other field.
 */
export function supersededTombstone(id: string, rev: string) {
	const { generation, hash } = parseRev(rev);
	return {
		_id: id,
		_rev: supersededRev(rev),
		_deleted: true as const,
		_revisions: { start: generation + 1, ids: [SUPERSEDED_MARK + hash, hash] }
	};
}

function updatedOf(leaf: Leaf): string {
	return typeof leaf.updated === 'string' ? leaf.updated : '';
}

/** Orders live directory revisions: a positive result means `a` beats `b`. */
export function compareDirectoryRevisions(a: Leaf, b: Leaf): number {
	const ua = updatedOf(a);
	const ub = updatedOf(b);
	if (ua !== ub) return ua > ub ? 1 : -1;
	return a._rev > b._rev ? 1 : a._rev < b._rev ? -1 : 0;
}

export function isErasure(leaf: Leaf): boolean {
	return leaf._deleted === true && !isSupersededRev(leaf._rev);
}

export interface DirectoryResolution<T extends Leaf> {
	/** The live revision every replica shows; null when the document is erased or gone. */
	winner: T | null;
	/** The erasure that decided it, if one did. */
	erasedBy: T | null;
	/** Live revisions to end with a superseded tombstone, in revision order. */
	remove: string[];
}

/** Applies the directory rule to a document's leaf revisions, given in any order. */
export function resolveDirectory<T extends Leaf>(leaves: readonly T[]): DirectoryResolution<T> {
	const live = leaves.filter((leaf) => !leaf._deleted);
	const revsOf = (list: readonly T[]) => list.map((leaf) => leaf._rev).sort();
	let erasedBy: T | null = null;
	for (const leaf of leaves) {
		if (isErasure(leaf) && (!erasedBy || leaf._rev > erasedBy._rev)) erasedBy = leaf;
	}
	if (erasedBy) return { winner: null, erasedBy, remove: revsOf(live) };
	let winner: T | null = null;
	for (const leaf of live) if (!winner || compareDirectoryRevisions(leaf, winner) > 0) winner = leaf;
	return { winner, erasedBy: null, remove: revsOf(live.filter((leaf) => leaf !== winner)) };
}

/** Lower generation first, then the lower hash: the order in which a transaction is read. */
export function compareRevisionsAscending(a: string, b: string): number {
	const ra = parseRev(a);
	const rb = parseRev(b);
	if (ra.generation !== rb.generation) return ra.generation - rb.generation;
	return ra.hash < rb.hash ? -1 : ra.hash > rb.hash ? 1 : 0;
}

/**
 * The revision of a transaction document that every replica folds.
 *
 * A transaction is written once, as generation 1, and the server refuses to update or delete
 * it. A document with several live leaves (or a generation above 1) therefore means someone
 * replicated a forged branch. There is no honest revision to prefer, since a forger chooses
 * its revision ids too, so the rule only has to be deterministic and hard to abuse:
 * - only live leaves count (a forged tombstone cannot remove a transaction);
 * - only leaves that pass `usable` count: validation, which includes the content hash in the
 *   id, so a branch with other content than the id commits to is never chosen (and both
 *   servers refuse it in the first place);
 * - among those, the lowest generation, then the lowest hash. Every usable leaf has the same
 *   content, so this only picks which identical copy is read.
 * CouchDB's own winner (highest revision) is not used: it changes whenever a forger appends
 * a deeper branch. The projector counts such documents as tampered.
 */
export function chooseTransactionRevision<T extends Leaf>(
	leaves: readonly T[],
	usable: (leaf: T) => boolean = () => true
): T | undefined {
	let chosen: T | undefined;
	for (const leaf of leaves) {
		if (leaf._deleted || !usable(leaf)) continue;
		if (!chosen || compareRevisionsAscending(leaf._rev, chosen._rev) < 0) chosen = leaf;
	}
	return chosen;
}
