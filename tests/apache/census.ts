/**
 * What a replica or a CouchDB node holds after an outage test, and how that compares with what
 * the devices wrote: lost (written, not held), unknown (held, never written), duplicated (more
 * than one leaf revision, or a revision past the first: each transaction is written once),
 * altered (content no longer what its id commits to), and the fold of it all.
 */
import { expect } from 'vitest';
import { couch, type CouchTarget } from '../../couchdb/http';
import { contentHash } from '../../src/lib/domain/content-hash';
import { fold } from '../../src/lib/domain/fold';
import { snapshot } from '../../src/lib/domain/test-snapshot';
import type { Transaction } from '../../src/lib/domain/transactions';
import type { Replica } from '../../src/lib/store/replica';

export interface Held {
	/** Every leaf revision, deleted ones included. */
	leaves: string[];
	doc: Record<string, unknown> & { _id: string; _rev: string };
}

export type Holdings = Map<string, Held>;

export async function heldByReplica(db: Replica): Promise<Holdings> {
	const feed = await db.changes({ since: 0, include_docs: true, style: 'all_docs' });
	const held: Holdings = new Map();
	for (const change of feed.results) {
		if (!change.id.startsWith('tx:')) continue;
		held.set(change.id, { leaves: change.changes.map((c) => c.rev).sort(), doc: change.doc as unknown as Held['doc'] });
	}
	return held;
}

/** Read from the node itself: `_all_docs` with every document, its conflicts and deleted conflicts. */
export async function heldByNode(node: CouchTarget, db: string): Promise<Holdings> {
	const { body } = await couch<{ rows: Array<{ id: string; doc: Held['doc'] & { _conflicts?: string[]; _deleted_conflicts?: string[] } }> }>(
		node,
		'GET',
		`/${db}/_all_docs?include_docs=true&conflicts=true&deleted_conflicts=true&startkey=%22tx%3A%22&endkey=%22tx%3A%EF%BF%BF%22`
	);
	const held: Holdings = new Map();
	for (const { id, doc } of body.rows) {
		const { _conflicts = [], _deleted_conflicts = [], ...content } = doc;
		held.set(id, { leaves: [doc._rev, ..._conflicts, ..._deleted_conflicts].sort(), doc: content as Held['doc'] });
	}
	return held;
}

export interface Census {
	held: number;
	lost: string[];
	unknown: string[];
	duplicated: string[];
	altered: string[];
	/** The fold of everything held, as plain data. */
	state: ReturnType<typeof snapshot>;
}

export function census(held: Holdings, written: ReadonlySet<string>): Census {
	const transactions = [...held.values()].map((h) => h.doc as unknown as Transaction);
	return {
		held: held.size,
		lost: [...written].filter((id) => !held.has(id)),
		unknown: [...held.keys()].filter((id) => !written.has(id)),
		duplicated: [...held].filter(([, h]) => h.leaves.length !== 1 || !h.doc._rev.startsWith('1-')).map(([id]) => id),
		altered: [...held].filter(([id, h]) => !id.endsWith(`-${contentHash(h.doc)}`)).map(([id]) => id),
		state: snapshot(fold(transactions))
	};
}

/** Every place holds exactly what was written, once, unaltered, and folds to the same state. */
export function expectNothingLost(counts: Array<Census & { where: string }>, written: ReadonlySet<string>): void {
	for (const c of counts) {
		expect(c.lost, `lost on ${c.where}`).toEqual([]);
		expect(c.unknown, `unknown on ${c.where}`).toEqual([]);
		expect(c.duplicated, `duplicated on ${c.where}`).toEqual([]);
		expect(c.altered, `altered on ${c.where}`).toEqual([]);
		expect(c.held, c.where).toBe(written.size);
		expect(c.state, `fold on ${c.where}`).toEqual(counts[0]!.state);
	}
}
