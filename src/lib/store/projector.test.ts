import { afterEach, describe, expect, it } from 'vitest';
import { fold } from '$lib/domain/fold';
import { deviceOf } from '$lib/domain/ids';
import { generateHistory, HISTORY_LIBRARIES } from '$lib/domain/test-history';
import { idOf, TransactionWriter } from '$lib/domain/test-transactions';
import { leavesOf } from './directory-conflicts';
import { Projector } from './projector';
import { ReadModel } from './read-model';
import type { Replica } from './replica';
import { expected, library, MemoryPouch, person, rows, stamp } from './test-projector';

let count = 0;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function replica(): Replica {
	const db = new MemoryPouch<Record<string, unknown>>(`projector-${process.pid}-${++count}`) as Replica;
	cleanups.push(() => db.destroy().then(() => undefined));
	return db;
}

interface Device {
	db: Replica;
	view: ReadModel;
	projector: Projector;
}

async function device(db = replica()): Promise<Device> {
	const view = new ReadModel(`projector-view-${process.pid}-${++count}`);
	const projector = new Projector(db, view);
	cleanups.push(async () => {
		projector.stop();
		await projector.settled();
		await view.delete();
	});
	await projector.start();
	return { db, view, projector };
}

async function syncBoth(a: Replica, b: Replica): Promise<void> {
	await a.replicate.to(b);
	await b.replicate.to(a);
}

const libraries = HISTORY_LIBRARIES.map(library);

describe('the projector', () => {
	it('fills the read model with the projection of a full fold, then follows new transactions', async () => {
		const history = generateHistory(240, 11);
		const db = replica();
		await db.bulkDocs([...history.slice(0, 160), ...libraries]);
		const { view, projector } = await device(db);
		expect(await rows(view)).toEqual(expected(history.slice(0, 160), libraries));

		await db.bulkDocs(history.slice(160));
		await projector.settled();
		expect(await rows(view)).toEqual(expected(history, libraries));
		expect(projector.stats).toMatchObject({ transactions: 240, invalid: 0, tampered: 0, lastId: fold(history).lastId });
	});

	it('adds a transaction that arrives late with an older id, giving exactly the state of a full fold', async () => {
		// Tolga asks for help; Hamar answers on a tablet that is offline; Elverum answers later,
		// online, and Tolga accepts Elverum. When the tablet syncs, nothing Tolga agreed changes.
		const tolga = new TransactionWriter('tolgadesk001', Date.UTC(2026, 2, 2, 8));
		const request = tolga.write('request.posted', 'tolga', { skills: ['front-desk'], description: 'Skranke', days: 1, dates: [], urgency: 'urgent' });
		const hamarTablet = replica();
		const hamarAnswer = new TransactionWriter('hamartablet1', Date.UTC(2026, 2, 2, 9)).write('request.answered', 'hamar', { request: idOf(request), days: 1 });
		const elverumAnswer = new TransactionWriter('elverumdesk1', Date.UTC(2026, 2, 2, 10)).write('request.answered', 'elverum', { request: idOf(request), days: 1 });
		const accept = new TransactionWriter('tolgadesk001', Date.UTC(2026, 2, 2, 11)).write('exchange.accepted', 'tolga', { exchange: idOf(elverumAnswer) });
		const { db, view, projector } = await device();
		await db.bulkDocs([request, elverumAnswer, accept]);
		await projector.settled();
		expect(projector.state.requests.get(idOf(request))?.filledBy).toBe(idOf(elverumAnswer));

		await hamarTablet.put(hamarAnswer);
		await hamarTablet.replicate.to(db);
		await projector.settled();
		const all = [request, hamarAnswer, elverumAnswer, accept];
		expect(projector.state.requests.get(idOf(request))?.filledBy).toBe(idOf(elverumAnswer));
		expect(projector.state.exchanges.get(idOf(hamarAnswer))?.status).toBe('proposed');
		expect(await rows(view)).toEqual(expected(all, []));
	});

	it('gives the state of a full fold when a whole device comes back with older transactions', async () => {
		const history = generateHistory(200, 5);
		const offline = history.filter((tx) => deviceOf(idOf(tx)) === 'device3x5');
		const online = history.filter((tx) => !offline.includes(tx));
		expect(offline.length).toBeGreaterThan(5);
		const { db, view, projector } = await device();
		await db.bulkDocs(online);
		await projector.settled();
		await db.bulkDocs(offline);
		await projector.settled();
		expect(await rows(view)).toEqual(expected(history, []));
		expect(projector.state.entries).toEqual(fold(history).entries);
	});

	it('ignores invalid documents and counts them', async () => {
		const w = new TransactionWriter();
		const good = w.write('offer.posted', 'hamar', { skills: ['weeding'], description: 'Luking', days: 1, dates: [] });
		const halfAndABit = { ...w.write('offer.posted', 'hamar', { skills: ['weeding'], description: 'Luking', days: 1, dates: [] }), days: 0.3 };
		const badId = { ...good, _id: 'tx:not-an-id' };
		const nameless = { ...person('hamar-kari', 'hamar', 'Kari', stamp(1)), name: '' };
		const db = replica();
		await db.bulkDocs([good, halfAndABit, badId, nameless, { _id: 'note:1', text: 'hei' }]);
		const { view, projector } = await device(db);
		expect(projector.stats).toMatchObject({ transactions: 1, invalid: 4 });
		expect(await rows(view)).toEqual(expected([good], []));

		// A later invalid revision of a person hides her, as on a replica that never saw the valid one.
		const ola = await db.put(person('hamar-ola', 'hamar', 'Ola', stamp(2)));
		await projector.settled();
		expect(await view.people.count()).toBe(1);
		await db.put({ ...person('hamar-ola', 'hamar', 'Ola', stamp(3)), _rev: ola.rev, skills: 'many' });
		await projector.settled();
		expect(await view.people.count()).toBe(0);
		expect(projector.stats.invalid).toBe(5);
	});

	it('shows the same after a restart as while running', async () => {
		const history = generateHistory(120, 3);
		const running = await device();
		for (let i = 0; i < history.length; i += 40) await running.db.bulkDocs(history.slice(i, i + 40).reverse());
		await running.projector.settled();
		const restarted = await device(running.db);
		expect(await rows(restarted.view)).toEqual(await rows(running.view));
		expect(restarted.projector.stats).toEqual(running.projector.stats);
	});
});

describe('the projector with directory conflicts', () => {
	const ID = 'person:hamar-kari';

	/** A server and two tablets of Hamar library, each with its own projector. */
	async function hamar() {
		const server = replica();
		await server.bulkDocs([library('hamar'), person('hamar-kari', 'hamar', 'Kari', stamp(1))]);
		const a = await device();
		const b = await device();
		await server.replicate.to(a.db);
		await server.replicate.to(b.db);
		return { server, a, b };
	}
	async function edit(db: Replica, name: string, updated: string) {
		await db.put({ ...(await db.get(ID)), name, updated });
	}
	async function syncAll(server: Replica, ...devices: Device[]) {
		for (const d of devices) await d.db.replicate.to(server);
		for (const d of devices) await server.replicate.to(d.db);
		for (const d of devices) await d.projector.settled();
	}

	it('two devices of one library edit the same person offline: both converge on the same winner', async () => {
		const { server, a, b } = await hamar();
		await edit(a.db, 'Kari N.', stamp(30, 'hamartablet1'));
		await edit(b.db, 'Kari Nordby', stamp(20, 'hamartablet2')); // edited earlier, synced last
		await syncAll(server, b, a);
		for (const d of [a, b]) expect(await d.view.people.get(ID)).toMatchObject({ name: 'Kari N.' });
		expect(a.projector.stats.resolved + b.projector.stats.resolved).toBeGreaterThan(0);

		await syncAll(server, a, b);
		for (const db of [server, a.db, b.db]) {
			expect((await db.get(ID, { conflicts: true }))._conflicts).toBeUndefined();
			expect(await leavesOf(db, ID)).toEqual(expect.arrayContaining(await leavesOf(server, ID)));
			expect((await leavesOf(db, ID)).length).toBe((await leavesOf(server, ID)).length);
		}
		expect(await rows(a.view)).toEqual(await rows(b.view));
	});

	it('keeps a person erased when another device edited her offline', async () => {
		const { server, a, b } = await hamar();
		await a.db.remove(await a.db.get(ID));
		await edit(b.db, 'Kari Nordby', stamp(90, 'hamartablet2'));
		await syncAll(server, a, b);
		await syncAll(server, a, b);
		for (const d of [a, b]) expect(await d.view.people.get(ID)).toBeUndefined();
		for (const db of [server, a.db, b.db]) await expect(db.get(ID)).rejects.toMatchObject({ status: 404 });
	});
});

describe('the projector with forged transactions', () => {
	it('reads only the revision whose content matches the id, on every replica, whatever arrives first', async () => {
		const w = new TransactionWriter('hamarskranke', Date.UTC(2026, 4, 4, 8));
		const offer = w.write('offer.posted', 'hamar', { skills: ['shelving'], description: 'Hyllerydding', days: 2, dates: [] });
		// Replicated first-generation branches with other content under the same id.
		const forged = { ...offer, days: 20, _rev: '1-00000000000000000000000000000000' };
		const higher = { ...offer, days: 10, _rev: '1-ffffffffffffffffffffffffffffffff' };
		const one = await device();
		const other = await device();
		await one.db.put(offer);
		await one.projector.settled();
		await one.db.bulkDocs([forged, higher], { new_edits: false });
		await other.db.bulkDocs([higher], { new_edits: false });
		await other.projector.settled();
		expect(other.projector.state.offers.size).toBe(0);
		expect(other.projector.stats.invalid).toBe(1);
		await one.db.replicate.to(other.db);
		await Promise.all([one.projector.settled(), other.projector.settled()]);

		for (const d of [one, other]) {
			expect(d.projector.state.offers.get(idOf(offer))?.days).toBe(2);
			expect(d.projector.stats).toMatchObject({ tampered: 1, transactions: 1, invalid: 0 });
		}
		expect(await rows(one.view)).toEqual(await rows(other.view));
		expect(await rows((await device(other.db)).view)).toEqual(await rows(other.view));
	});

	it('keeps a transaction it has taken when its revision is deleted (which only a server admin can do)', async () => {
		const w = new TransactionWriter();
		const offer = w.write('offer.posted', 'hamar', { skills: ['shelving'], description: 'Hyllerydding', days: 2, dates: [] });
		const { db, projector } = await device();
		const written = await db.put(offer);
		await projector.settled();
		await db.remove(offer._id, written.rev);
		await projector.settled();
		expect(projector.stats).toMatchObject({ transactions: 1, tampered: 1 });
		expect(projector.state.offers.size).toBe(1);
	});

	/** A device in its first copy, with the first 150 transactions of `history` stored and folded. */
	async function halfCopied(history: ReturnType<typeof generateHistory>) {
		const db = replica();
		const { view, projector } = await device(db);
		projector.holdRows();
		await db.bulkDocs([...libraries, ...history.slice(0, 150)]);
		await projector.settled();
		return { db, view, projector };
	}

	it('while the first copy runs, folds every page but writes the rows once, when the copy ends', async () => {
		const history = generateHistory(300, 5);
		const { db, view, projector } = await halfCopied(history);
		await db.bulkDocs(history.slice(150));
		await projector.settled();
		// The fold has the whole copy; the rows still show the empty county they started from.
		expect(projector.stats.transactions).toBe(300);
		expect(await view.offers.count()).toBe(0);
		expect(await view.libraries.count()).toBe(0);

		projector.releaseRows();
		await projector.settled();
		expect(await rows(view)).toEqual(expected(history, libraries));
		// Released, it writes each change again as it comes.
		const more = generateHistory(320, 5).slice(300);
		await db.bulkDocs(more);
		await projector.settled();
		expect(await rows(view)).toEqual(expected([...history, ...more], libraries));
	});

	it('marks the rows with the newest sequence when the copy ends while a batch still waits to be folded', async () => {
		const history = generateHistory(200, 6);
		const { db, view, projector } = await halfCopied(history);
		// The last page is stored and its batch queued (the feed tells at once; the flush waits
		// at least 30 ms to gather a burst), and the copy ends before it is folded.
		await db.bulkDocs(history.slice(150));
		await new Promise((done) => setTimeout(done, 10));
		projector.releaseRows();
		await projector.settled();
		const { update_seq } = await db.info();
		expect((await view.snapshots.get('written'))).toMatchObject({ seq: update_seq });
		expect(await rows(view)).toEqual(expected(history, libraries));
		// So the fold saved next is of the very rows shown, and a start takes both as they are.
		await projector.persist();
		expect((await view.snapshots.get('head'))).toMatchObject({ seq: update_seq });
	});
});
