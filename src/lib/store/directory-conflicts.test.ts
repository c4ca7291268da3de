import PouchDB from 'pouchdb-core';
import MemoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import { afterEach, describe, expect, it } from 'vitest';
import { isSupersededRev } from '$lib/domain/conflicts';
import { formatStamp } from '$lib/domain/ids';
import { leavesOf, resolveDirectoryConflict } from './directory-conflicts';
import type { Replica } from './replica';

const MemoryPouch = PouchDB.plugin(MemoryAdapter).plugin(replication).defaults({ adapter: 'memory' });
const open: Replica[] = [];
let dbCount = 0;
function replica(): Replica {
	const db = new MemoryPouch<Record<string, unknown>>(`directory-conflicts-${process.pid}-${++dbCount}`) as Replica;
	open.push(db);
	return db;
}
afterEach(async () => {
	await Promise.all(open.splice(0).map((db) => db.destroy()));
});

const ID = 'person:hamar-kari';
const stamp = (minute: number, device: string) => formatStamp({ ms: Date.UTC(2026, 3, 1) + minute * 60_000, counter: 0 }, device);
const kari = (name: string, updated: string) => ({ _id: ID, type: 'person', library: 'hamar', name, skills: [], languages: [], updated });

async function edit(db: Replica, name: string, updated: string): Promise<void> {
	const current = await db.get(ID);
	await db.put({ ...current, name, updated });
}
async function syncBoth(a: Replica, b: Replica): Promise<void> {
	await a.replicate.to(b);
	await b.replicate.to(a);
}
/** The leaf revisions, sorted, with their content: what must be equal on converged replicas. */
async function tips(db: Replica) {
	return (await leavesOf(db, ID)).sort((x, y) => (x._rev < y._rev ? -1 : 1));
}
const live = async (db: Replica) => (await tips(db)).filter((leaf) => !leaf._deleted);

/** Two tablets at Hamar that share the person, then edit her offline, and sync. */
async function conflicted(): Promise<[Replica, Replica]> {
	const a = replica();
	const b = replica();
	await a.put(kari('Kari', stamp(0, 'hamartablet1')));
	await syncBoth(a, b);
	await edit(a, 'Kari N.', stamp(10, 'hamartablet1'));
	await edit(b, 'Kari Nordby', stamp(20, 'hamartablet2'));
	await syncBoth(a, b);
	return [a, b];
}

describe('resolving a directory conflict in a replica', () => {
	it('converges on the edit with the highest updated and leaves one live revision', async () => {
		const [a] = await conflicted();
		expect((await a.get(ID, { conflicts: true }))._conflicts).toHaveLength(1);
		const outcome = await resolveDirectoryConflict(a, ID);
		expect(outcome.winner?.name).toBe('Kari Nordby');
		expect(outcome.removed).toHaveLength(1);
		const doc = await a.get(ID, { conflicts: true });
		expect(doc).toMatchObject({ name: 'Kari Nordby' });
		expect(doc._conflicts).toBeUndefined();
		expect((await tips(a)).filter((leaf) => leaf._deleted).every((leaf) => isSupersededRev(leaf._rev))).toBe(true);
	});

	it('writes nothing when resolving again (idempotent)', async () => {
		const [a] = await conflicted();
		await resolveDirectoryConflict(a, ID);
		const seq = (await a.info()).update_seq;
		const again = await resolveDirectoryConflict(a, ID);
		expect(again.removed).toEqual([]);
		expect(again.winner?.name).toBe('Kari Nordby');
		expect((await a.info()).update_seq).toBe(seq);
	});

	it('lets two devices that resolve the same conflict at once converge after sync, with no new conflict', async () => {
		const [a, b] = await conflicted();
		await Promise.all([resolveDirectoryConflict(a, ID), resolveDirectoryConflict(b, ID)]);
		await syncBoth(a, b);
		expect(await tips(a)).toEqual(await tips(b));
		expect(await live(a)).toHaveLength(1);
		// Nothing left to do on either side: no ping-pong.
		expect((await resolveDirectoryConflict(a, ID)).removed).toEqual([]);
		expect((await resolveDirectoryConflict(b, ID)).removed).toEqual([]);
		const seqs = [(await a.info()).update_seq, (await b.info()).update_seq];
		await syncBoth(a, b);
		expect([(await a.info()).update_seq, (await b.info()).update_seq]).toEqual(seqs);
	});

	it('converges when three devices each saw a different part of the conflict', async () => {
		const [a, b] = await conflicted();
		const c = replica();
		await b.replicate.to(c);
		await edit(c, 'Kari Nordby (Hamar)', stamp(30, 'hamarphone01'));
		await resolveDirectoryConflict(a, ID); // sees the edits of a and b
		await c.replicate.to(b);
		await resolveDirectoryConflict(b, ID); // sees all three edits
		for (const [x, y] of [[a, b], [b, c], [a, c], [a, b]] as const) await syncBoth(x, y);
		await Promise.all([a, b, c].map((db) => resolveDirectoryConflict(db, ID)));
		for (const [x, y] of [[a, b], [b, c], [a, c]] as const) await syncBoth(x, y);
		const expected = await tips(a);
		expect(await tips(b)).toEqual(expected);
		expect(await tips(c)).toEqual(expected);
		expect((await live(a)).map((leaf) => leaf.name)).toEqual(['Kari Nordby (Hamar)']);
	});

	it('keeps an edit that races the resolution: it becomes the newest leaf and wins the next round', async () => {
		const [a, b] = await conflicted();
		await edit(b, 'Kari Nordby, bibliotekar', stamp(40, 'hamartablet2')); // on top of b's winner
		await resolveDirectoryConflict(a, ID);
		await syncBoth(a, b);
		await resolveDirectoryConflict(a, ID);
		await resolveDirectoryConflict(b, ID);
		await syncBoth(a, b);
		expect((await live(a)).map((leaf) => leaf.name)).toEqual(['Kari Nordby, bibliotekar']);
		expect(await tips(b)).toEqual(await tips(a));
	});

	it('lets an erasure win over an edit made offline: the person stays erased everywhere', async () => {
		const a = replica();
		const b = replica();
		await a.put(kari('Kari', stamp(0, 'hamartablet1')));
		await syncBoth(a, b);
		await a.remove(await a.get(ID)); // erased at the desk...
		await edit(b, 'Kari Nordby', stamp(99, 'hamartablet2')); // ...edited later, offline
		await syncBoth(a, b);
		// CouchDB alone would bring her back: a live leaf beats a deleted one.
		expect(await a.get(ID)).toMatchObject({ name: 'Kari Nordby' });
		const outcome = await resolveDirectoryConflict(b, ID);
		expect(outcome).toMatchObject({ winner: null, erased: true });
		await resolveDirectoryConflict(a, ID);
		await syncBoth(a, b);
		await expect(a.get(ID)).rejects.toMatchObject({ status: 404 });
		await expect(b.get(ID)).rejects.toMatchObject({ status: 404 });
		expect(await live(a)).toEqual([]);
		expect(await tips(a)).toEqual(await tips(b));
	});

	it('reports nothing to do for a document that does not exist', async () => {
		expect(await resolveDirectoryConflict(replica(), 'person:nobody')).toEqual({ winner: null, removed: [], erased: false });
	});
});
