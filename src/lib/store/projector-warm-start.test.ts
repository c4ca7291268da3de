import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryDoc, PersonDoc } from '$lib/domain/directory';
import { seededRandom } from '$lib/domain/random';
import { generateHistory, HISTORY_LIBRARIES } from '$lib/domain/test-history';
import { aWeek, idOf, TransactionWriter } from '$lib/domain/test-transactions';
import { FORMAT, type SnapshotMark } from './projection-snapshot';
import { Projector } from './projector';
import { ReadModel } from './read-model';
import type { Replica } from './replica';
import { expected, library, MemoryPouch, person, rows, stamp } from './test-projector';

let count = 0;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function replica(name = `warm-${process.pid}-${++count}`): Replica {
	const db = new MemoryPouch<Record<string, unknown>>(name) as Replica;
	cleanups.push(() => db.destroy().then(() => undefined).catch(() => undefined));
	return db;
}

function view(): ReadModel {
	const db = new ReadModel(`warm-view-${process.pid}-${++count}`);
	cleanups.push(() => db.delete());
	return db;
}

/** Starts a projector on `db` and `model`; a test stops it (a device closing) when it likes. */
async function started(db: Replica, model: ReadModel): Promise<Projector> {
	const projector = new Projector(db, model, { saveAfterMs: 60_000 });
	cleanups.push(async () => {
		projector.stop();
		// Its replica may be gone already (a test destroys one).
		await projector.settled().catch(() => undefined);
	});
	await projector.start();
	return projector;
}

async function close(projector: Projector): Promise<void> {
	await projector.settled();
	projector.stop();
}

function shuffled<T>(items: T[], seed: number): T[] {
	const random = seededRandom(seed);
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

const libraries = HISTORY_LIBRARIES.map(library);
const people = [person('hamar-kari', 'hamar', 'Kari', stamp(1)), person('tolga-ola', 'tolga', 'Ola', stamp(2))];
const directory: Array<LibraryDoc | PersonDoc> = [...libraries, ...people];

/** What a device that read every document from scratch would hold. */
async function refolded(db: Replica) {
	const fresh = view();
	const projector = await started(db, fresh);
	expect(projector.startKind).toBe('refold');
	const result = { rows: await rows(fresh), stats: projector.stats, state: projector.state };
	await close(projector);
	return result;
}

describe('a warm start from the saved fold', () => {
	it('gives exactly the state and read model of a full refold, wherever the history is cut (property)', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 20, max: 160 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), async (seed, size, cut1, cut2) => {
				// Arrival order is shuffled, so what comes after the save includes older ids (late arrivals).
				const history = shuffled(generateHistory(size, seed), seed);
				const [first, second] = [Math.floor(Math.min(cut1, cut2) * size), Math.floor(Math.max(cut1, cut2) * size)];
				const db = replica();
				const model = view();
				await db.bulkDocs([...directory, ...history.slice(0, first)]);
				const before = await started(db, model);
				await before.settled();
				await before.persist();
				// Folded and shown, but not saved: the rows are ahead of the saved fold.
				await db.bulkDocs(history.slice(first, second));
				await close(before);
				// Written while the app was closed (a replication that ended before its flush).
				await db.bulkDocs(history.slice(second));

				const after = await started(db, model);
				expect(after.startKind).toBe('snapshot');
				expect(await rows(model)).toEqual(expected(history, directory));
				const full = await refolded(db);
				expect(after.state).toEqual(full.state);
				expect(await rows(model)).toEqual(full.rows);
				expect(after.stats).toEqual(full.stats);
			}),
			{ numRuns: 12 }
		);
	});

	it('follows transactions that arrive after a warm start, late ones with older ids included', async () => {
		const history = shuffled(generateHistory(200, 41), 41);
		const db = replica();
		const model = view();
		await db.bulkDocs([...directory, ...history.slice(0, 80)]);
		const first = await started(db, model);
		await first.persist();
		await close(first);

		const warm = await started(db, model);
		expect(warm.startKind).toBe('snapshot');
		expect(await rows(model)).toEqual(expected(history.slice(0, 80), directory));
		await db.bulkDocs(history.slice(80, 140));
		await warm.settled();
		await db.bulkDocs(history.slice(140));
		await warm.settled();
		expect(warm.state).toEqual((await refolded(db)).state);
		expect(await rows(model)).toEqual(expected(history, directory));

		// Saved again after catching up: the next start folds nothing and shows the same.
		await warm.persist();
		await close(warm);
		const again = await started(db, model);
		expect(again.startKind).toBe('snapshot');
		expect(await rows(model)).toEqual(expected(history, directory));
	});

	it('rewrites rows that moved on after the save and back again before the next start', async () => {
		// Saved before Hamar proposed; shown with the proposal's days reserved (not saved); the
		// proposal withdrawn while the app was closed. Hamar's row is then exactly as saved, and
		// diffing against the saved fold would leave the reserved days on screen.
		const w = new TransactionWriter('hamardesk001');
		const offer = w.write('offer.posted', 'elverum', { skills: ['weeding'], description: 'Luking', days: 2, dates: [] });
		const proposal = w.write('exchange.proposed', 'hamar', { offer: idOf(offer), days: 2, dates: aWeek });
		const withdrawn = w.write('exchange.withdrawn', 'hamar', { exchange: idOf(proposal) });
		const db = replica();
		const model = view();
		await db.bulkDocs([...directory, offer]);
		const first = await started(db, model);
		const saved = (await model.libraries.get('library:hamar'))!.available;
		await first.persist();
		await db.put(proposal);
		await close(first);
		expect((await model.libraries.get('library:hamar'))!.available).toBe(saved - 2);
		await db.put(withdrawn);

		const warm = await started(db, model);
		expect(warm.startKind).toBe('snapshot');
		expect((await model.libraries.get('library:hamar'))!.available).toBe(saved);
		expect(await rows(model)).toEqual(expected([offer, proposal, withdrawn], directory));
	});

	it('rewrites only the rows that changed when the rows are ahead of the saved fold', async () => {
		// The fold is saved a while after changes stop; a device closed before that (a librarian
		// posts an offer and puts the tablet away) starts with rows newer than its saved fold.
		const history = generateHistory(300, 23);
		const db = replica();
		const model = view();
		await db.bulkDocs([...directory, ...history.slice(0, 290)]);
		const first = await started(db, model);
		await first.persist();
		const all = first.lastWrite!.put;
		await db.bulkDocs(history.slice(290, 295));
		await close(first);
		await db.bulkDocs(history.slice(295));

		const warm = await started(db, model);
		expect(warm.startKind).toBe('snapshot');
		expect(await rows(model)).toEqual(expected(history, directory));
		expect(warm.lastWrite!.put).toBeGreaterThan(0);
		expect(warm.lastWrite!.put).toBeLessThan(all / 10);
	});

	it('shows the saved rows before it has caught up, and checks acts only once it has', async () => {
		const history = generateHistory(120, 5);
		const db = replica();
		const model = view();
		await db.bulkDocs([...directory, ...history.slice(0, 60)]);
		const first = await started(db, model);
		await first.persist();
		await close(first);
		await db.bulkDocs(history.slice(60));

		const warm = new Projector(db, model);
		cleanups.push(async () => warm.stop());
		const starting = warm.start();
		await warm.shown;
		// What the page shows at once: the rows as the last session left them.
		expect((await model.meta.get('projection'))?.transactions).toBe(60);
		await warm.caughtUp;
		expect(warm.state.count).toBe(120);
		await starting;
		expect(await rows(model)).toEqual(expected(history, directory));
	});

	describe('discards a saved fold that may not be what the replica holds, and folds from scratch', () => {
		const history = generateHistory(150, 23);
		async function savedThenAltered(alter: (model: ReadModel, db: Replica) => Promise<Replica | void>) {
			let db = replica();
			const model = view();
			await db.bulkDocs([...directory, ...history.slice(0, 100)]);
			const first = await started(db, model);
			await first.persist();
			await close(first);
			db = (await alter(model, db)) ?? db;
			const after = await started(db, model);
			return { after, model, db };
		}

		const markOf = async (model: ReadModel, key: 'head' | 'written') => (await model.snapshots.get(key)) as SnapshotMark;
		const putMark = (model: ReadModel, mark: SnapshotMark) => model.snapshots.put(mark);

		it('one saved by another format', async () => {
			const { after, model } = await savedThenAltered(async (model) => {
				await putMark(model, { ...(await markOf(model, 'head')), format: `0.${FORMAT}` });
			});
			expect(after.startKind).toBe('refold');
			expect(await rows(model)).toEqual(expected(history.slice(0, 100), directory));
		});

		it('one of a replica that was destroyed and made again (same name, other documents)', async () => {
			const { after, model } = await savedThenAltered(async (_model, db) => {
				const name = db.name;
				await db.destroy();
				const again = replica(name);
				await again.bulkDocs([...directory, ...history.slice(100)]);
				return again;
			});
			expect(after.startKind).toBe('refold');
			expect(after.stats.transactions).toBe(50);
			expect(await rows(model)).toEqual(expected(history.slice(100), directory));
		});

		it('one whose sequence the replica has not reached (its sequence went backwards)', async () => {
			const { after, model } = await savedThenAltered(async (model, db) => {
				const seq = (await db.info()).update_seq as number;
				await putMark(model, { ...(await markOf(model, 'head')), seq: seq + 50 });
				await putMark(model, { ...(await markOf(model, 'written')), seq: seq + 50 });
			});
			expect(after.startKind).toBe('refold');
			expect(await rows(model)).toEqual(expected(history.slice(0, 100), directory));
		});

		it('one that is damaged', async () => {
			const { after, model, db } = await savedThenAltered(async (model) => {
				const body = (await model.snapshots.get('body')) as unknown as { state: Record<string, unknown> };
				await model.snapshots.put({ ...body, state: { ...body.state, offers: [] } } as never);
			});
			expect(after.startKind).toBe('refold');
			expect(await rows(model)).toEqual(expected(history.slice(0, 100), directory));
			expect(after.stats).toEqual((await refolded(db)).stats);
		});

		it('one whose read model was emptied meanwhile: the rows are written again in full', async () => {
			const { after, model } = await savedThenAltered(async (model) => {
				await model.transaction('rw', [model.offers, model.entries, model.snapshots], async () => {
					await model.offers.clear();
					await model.entries.clear();
					await model.snapshots.delete('written');
				});
			});
			expect(after.startKind).toBe('snapshot');
			expect(await rows(model)).toEqual(expected(history.slice(0, 100), directory));
		});
	});

	it('takes directory edits and erasures made after the save, as a full refold does', async () => {
		const history = generateHistory(80, 77);
		const db = replica();
		const model = view();
		await db.bulkDocs([...directory, ...history]);
		const first = await started(db, model);
		await first.persist();
		await close(first);
		const kari = await db.get('person:hamar-kari');
		await db.put({ ...kari, name: 'Kari Nordby', updated: stamp(5) });
		await db.remove(await db.get('person:tolga-ola'));
		await db.put(person('os-anne', 'os', 'Anne', stamp(6)));

		const warm = await started(db, model);
		expect(warm.startKind).toBe('snapshot');
		const now = [...libraries, { ...people[0]!, name: 'Kari Nordby', updated: stamp(5) }, person('os-anne', 'os', 'Anne', stamp(6))];
		expect(await rows(model)).toEqual(expected(history, now));
		expect(await rows(model)).toEqual((await refolded(db)).rows);
	});
});
