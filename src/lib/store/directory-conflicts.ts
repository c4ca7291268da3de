/**
 * Applies the directory conflict rule (domain/conflicts.ts) to one document in a replica:
 * reads every leaf revision, ends the losing live ones with their superseded tombstones, and
 * returns the revision every replica shows.
 *
 * Why only tombstones, and never "write the winner's content on top of CouchDB's winner":
 * once every other live leaf is ended, the rule's winner is the only live leaf, so it is
 * CouchDB's winner too. Writing a copy would add a live revision; two devices doing it at once
 * (or one whose revision ids are not computed like ours) would make a new conflict to resolve.
 * Tombstones with derived revision ids cannot: two devices that resolve the same conflict write
 * byte-identical revisions, which replication merges into one. Writing them with
 * `new_edits: false` is what replication itself does; it never fails with a conflict, so the
 * operation is idempotent and safe to race with an edit (the edit then becomes a leaf of its
 * own, with a newer `updated`, and wins the next round).
 */
import { resolveDirectory, supersededTombstone } from '$lib/domain/conflicts';
import type { Replica } from './replica';

export type StoredDoc = { _id: string; _rev: string; _deleted?: boolean } & Record<string, unknown>;

export interface DirectoryOutcome {
	/** The revision to show; null when the document is erased or gone. */
	winner: StoredDoc | null;
	/** The live revisions this call ended. */
	removed: string[];
	/** True when an erasure decided the outcome. */
	erased: boolean;
}

/** Every leaf revision of a document, live and deleted; none when it does not exist. */
export async function leavesOf(db: Replica, id: string): Promise<StoredDoc[]> {
	try {
		const revisions = await db.get(id, { open_revs: 'all' });
		return revisions.flatMap((revision) => ('ok' in revision ? [revision.ok as unknown as StoredDoc] : []));
	} catch (error) {
		if ((error as { status?: number }).status === 404) return [];
		throw error;
	}
}

/** Resolves a directory document's conflicts in `db`; a no-op when it has none. */
export async function resolveDirectoryConflict(db: Replica, id: string): Promise<DirectoryOutcome> {
	const { winner, erasedBy, remove } = resolveDirectory(await leavesOf(db, id));
	if (remove.length) {
		await db.bulkDocs(
			remove.map((rev) => supersededTombstone(id, rev)),
			{ new_edits: false }
		);
	}
	return { winner, removed: remove, erased: erasedBy !== null };
}
