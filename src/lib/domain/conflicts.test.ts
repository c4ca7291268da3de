import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	chooseTransactionRevision,
	isErasure,
	isSupersededRev,
	parseRev,
	resolveDirectory,
	supersededRev,
	supersededTombstone,
	type Leaf
} from './conflicts';
import { formatStamp } from './ids';

const at = (minute: number, device = 'hamardevice1') => formatStamp({ ms: Date.UTC(2026, 3, 1) + minute * 60_000, counter: 0 }, device);

const edit = (rev: string, updated: string, name = 'Kari') => ({ _rev: rev, updated, name });
const erased = (rev: string) => ({ _rev: rev, _deleted: true as const });
const ended = (loser: string) => ({ _rev: supersededRev(loser), _deleted: true as const });

describe('directory conflicts', () => {
	it('converges on the edit with the highest updated', () => {
		const older = edit('2-ffff', at(1), 'Kari N.');
		const newer = edit('2-0000', at(2), 'Kari Nordby');
		const result = resolveDirectory([older, newer]);
		expect(result.winner).toBe(newer);
		expect(result.remove).toEqual(['2-ffff']);
		expect(result.erasedBy).toBeNull();
	});

	it('compares updated as a string, so the hybrid clock decides, not the revision depth', () => {
		const deep = edit('9-aaaa', at(1));
		const shallow = edit('3-bbbb', at(1, 'hamardevice2'));
		expect(resolveDirectory([deep, shallow]).winner).toBe(shallow);
	});

	it('breaks a tie on updated by the higher _rev string', () => {
		const a = edit('3-abc', at(5));
		const b = edit('3-abd', at(5));
		expect(resolveDirectory([a, b]).winner).toBe(b);
		expect(resolveDirectory([b, a]).remove).toEqual(['3-abc']);
	});

	it('lets a revision without updated lose to every stamped one', () => {
		const stamped = edit('2-0000', at(0));
		const unstamped = { _rev: '2-ffff', name: 'Kari' };
		expect(resolveDirectory([unstamped, stamped]).winner).toBe(stamped);
	});

	it('lets an erasure win over a concurrent edit, however new the edit is', () => {
		const tombstone = erased('3-1111');
		const result = resolveDirectory([edit('3-9999', at(99)), tombstone, edit('2-5555', at(50))]);
		expect(result.winner).toBeNull();
		expect(result.erasedBy).toBe(tombstone);
		expect(result.remove).toEqual(['2-5555', '3-9999']);
	});

	it('does not mistake the tombstone of a branch that lost for an erasure', () => {
		const winner = edit('2-0000', at(2));
		const result = resolveDirectory([winner, ended('2-ffff')]);
		expect(result.winner).toBe(winner);
		expect(result.remove).toEqual([]);
		expect(isErasure(ended('2-ffff'))).toBe(false);
		expect(isErasure(erased('3-ffff'))).toBe(true);
	});

	it('has nothing to do for a single live revision, an erased document or no revisions', () => {
		const only = edit('4-abcd', at(1));
		expect(resolveDirectory([only])).toEqual({ winner: only, erasedBy: null, remove: [] });
		expect(resolveDirectory([erased('5-abcd'), ended('4-ffff')])).toMatchObject({ winner: null, remove: [] });
		expect(resolveDirectory([])).toEqual({ winner: null, erasedBy: null, remove: [] });
	});

	it('ends a losing branch with a tombstone derived from the loser alone', () => {
		expect(supersededRev('2-cc63')).toBe('3-supersededcc63');
		expect(isSupersededRev('3-supersededcc63')).toBe(true);
		expect(isSupersededRev('3-cc63')).toBe(false);
		expect(supersededTombstone('person:hamar-kari', '2-cc63')).toEqual({
			_id: 'person:hamar-kari',
			_rev: '3-supersededcc63',
			_deleted: true,
			_revisions: { start: 3, ids: ['supersededcc63', 'cc63'] }
		});
	});

	it('refuses what is not a revision', () => {
		for (const bad of ['', 'abc', '-abc', '0-abc', '1-', 'x-abc']) expect(() => parseRev(bad)).toThrow();
	});
});

describe('transaction conflicts (forged branches)', () => {
	it('reads the lowest generation, then the lowest hash, among live revisions', () => {
		const leaves = [{ _rev: '1-bbbb' }, { _rev: '1-aaaa' }, { _rev: '2-0000' }, { _rev: '1-0000', _deleted: true }];
		expect(chooseTransactionRevision(leaves)?._rev).toBe('1-aaaa');
		// Generations compare as numbers: "10-…" sorts before "2-…" as a string.
		expect(chooseTransactionRevision([{ _rev: '10-0' }, { _rev: '2-f' }])?._rev).toBe('2-f');
	});

	it('skips revisions that are not usable, and finds none when no live one is', () => {
		const leaves = [{ _rev: '1-aaaa', valid: false }, { _rev: '1-bbbb', valid: true }];
		expect(chooseTransactionRevision(leaves, (leaf) => leaf.valid)?._rev).toBe('1-bbbb');
		expect(chooseTransactionRevision([{ _rev: '1-a', _deleted: true }])).toBeUndefined();
	});
});

// ---- properties -------------------------------------------------------------------------

const hash = fc.constantFrom('0a', '3f', '77', 'a1', 'c4', 'ff');
const liveLeaf = fc.record({
	_rev: fc.tuple(fc.integer({ min: 1, max: 12 }), hash).map(([g, h]) => `${g}-${h}`),
	updated: fc.oneof(fc.integer({ min: 0, max: 5 }).map((m) => at(m)), fc.constant(undefined))
});
const deletedLeaf = fc.record({
	_rev: fc.tuple(fc.integer({ min: 1, max: 12 }), hash, fc.boolean()).map(([g, h, superseded]) => (superseded ? supersededRev(`${g}-${h}`) : `${g + 1}-${h}`)),
	_deleted: fc.constant(true as const)
});
/** A leaf ended by a superseded tombstone is no longer a leaf: the tombstone replaced it. */
function leavesOf(revisions: Leaf[]): Leaf[] {
	const revs = new Set(revisions.map((leaf) => leaf._rev));
	return revisions.filter((leaf) => leaf._deleted || !revs.has(supersededRev(leaf._rev)));
}
/** Leaf revisions of one document: unique revisions, live and deleted, erasures included. */
const leafSet = fc
	.uniqueArray(fc.oneof({ arbitrary: liveLeaf, weight: 3 }, { arbitrary: deletedLeaf, weight: 1 }), {
		selector: (leaf: Leaf) => leaf._rev,
		maxLength: 8
	})
	.map(leavesOf);
const noErasures = (leaves: Leaf[]) => leaves.filter((leaf) => !isErasure(leaf));

/** What the document's leaves are once the resolution is written. */
function applied(leaves: Leaf[]): Leaf[] {
	const { remove } = resolveDirectory(leaves);
	return [...leaves.filter((leaf) => !remove.includes(leaf._rev)), ...remove.map(ended)];
}

describe('directory conflicts (properties)', () => {
	it('picks the same winner and the same losers for any order of the same revisions', () => {
		fc.assert(
			fc.property(leafSet, fc.nat(), (leaves, seed) => {
				const shuffled = fc.sample(fc.shuffledSubarray(leaves, { minLength: leaves.length, maxLength: leaves.length }), { seed, numRuns: 1 })[0]!;
				const a = resolveDirectory(leaves);
				const b = resolveDirectory(shuffled);
				expect(b.winner?._rev).toBe(a.winner?._rev);
				expect(b.erasedBy?._rev).toBe(a.erasedBy?._rev);
				expect(b.remove).toEqual(a.remove);
			})
		);
	});

	it('keeps exactly one live revision, the highest, unless the document was erased', () => {
		fc.assert(
			fc.property(leafSet, (leaves) => {
				const { winner, remove, erasedBy } = resolveDirectory(leaves);
				const live = leaves.filter((leaf) => !leaf._deleted);
				if (erasedBy) {
					expect(remove).toHaveLength(live.length);
					return;
				}
				expect(remove).toHaveLength(Math.max(0, live.length - 1));
				if (winner) expect(remove).not.toContain(winner._rev);
				for (const leaf of live) expect(String(leaf.updated ?? '') <= String(winner?.updated ?? '')).toBe(true);
			})
		);
	});

	it('has nothing left to do once its resolution is written (idempotent)', () => {
		fc.assert(
			fc.property(leafSet, (leaves) => {
				const before = resolveDirectory(leaves);
				const after = resolveDirectory(applied(leaves));
				expect(after.remove).toEqual([]);
				expect(after.winner?._rev).toBe(before.winner?._rev);
			})
		);
	});

	it('never lets a replica that sees only some revisions end one that the full set keeps', () => {
		fc.assert(
			fc.property(leafSet.map(noErasures), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (all, seen) => {
				const subset = all.filter((_, i) => seen[i]);
				const everything = resolveDirectory(all);
				for (const rev of resolveDirectory(subset).remove) expect(everything.remove).toContain(rev);
			})
		);
	});

	it('converges when two replicas resolve different parts of the conflict and then merge', () => {
		fc.assert(
			fc.property(leafSet, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (all, seenByA) => {
				const a = applied(all.filter((_, i) => seenByA[i]));
				const b = applied(all.filter((_, i) => !seenByA[i]));
				// Replication merges the trees; identical tombstones are one revision.
				const merged = new Map<string, Leaf>();
				for (const leaf of [...all, ...a, ...b]) merged.set(leaf._rev, leaf);
				const once = applied(leavesOf([...merged.values()]));
				expect(resolveDirectory(once).remove).toEqual([]);
				expect(resolveDirectory(once).winner?._rev).toBe(resolveDirectory(all).winner?._rev);
			})
		);
	});
});

describe('transaction conflicts (properties)', () => {
	it('reads the same revision for any order of the same leaves', () => {
		fc.assert(
			fc.property(leafSet, (leaves) => {
				const reversed = [...leaves].reverse();
				expect(chooseTransactionRevision(reversed)?._rev).toBe(chooseTransactionRevision(leaves)?._rev);
			})
		);
	});
});
