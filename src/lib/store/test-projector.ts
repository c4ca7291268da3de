/**
 * What projector and query tests share: an in-memory PouchDB, directory documents, the read
 * model's rows compared with the projection of a full fold, and a read model of a generated history.
 */
import PouchDB from 'pouchdb-core';
import { onTestFinished } from 'vitest';
import MemoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import type { LibraryDoc, PersonDoc } from '$lib/domain/directory';
import { fold } from '$lib/domain/fold';
import { formatStamp } from '$lib/domain/ids';
import { generateHistory, HISTORY_LIBRARIES } from '$lib/domain/test-history';
import type { Transaction } from '$lib/domain/transactions';
import { exchangeRow, project, type Directory } from './projection';
import { Projector } from './projector';
import { ReadModel } from './read-model';
import type { Replica } from './replica';

export const MemoryPouch = PouchDB.plugin(MemoryAdapter).plugin(replication).defaults({ adapter: 'memory' });

export const stamp = (minute: number, device = 'countyoffice1') => formatStamp({ ms: Date.UTC(2026, 0, 2) + minute * 60_000, counter: 0 }, device);

export function library(slug: string): LibraryDoc {
	return { _id: `library:${slug}`, type: 'library', slug, name: `${slug} bibliotek`, municipality: slug, town: slug, region: 'innlandet', country: 'NO', lat: 61, lon: 11, active: true, updated: stamp(0) };
}

export function person(id: string, lib: string, name: string, updated: string): PersonDoc {
	return { _id: `person:${id}`, type: 'person', library: lib, name, skills: [{ skill: 'cataloguing', level: 2 }], languages: ['nb'], updated };
}

const byKey = <T>(key: (row: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Everything the read model holds, in key order, without the time it was written. */
export async function rows(view: ReadModel) {
	const [libraries, people, offers, requests, exchanges, entries, rejected, offerGroups, meta] = await Promise.all([
		view.libraries.toArray(),
		view.people.toArray(),
		view.offers.toArray(),
		view.requests.toArray(),
		view.exchanges.toArray(),
		view.entries.toArray(),
		view.rejected.toArray(),
		view.offerGroups.toArray(),
		view.meta.toArray()
	]);
	return { libraries, people, offers, requests, exchanges, entries, rejected, offerGroups, meta: meta.map(({ projectedAt, ...rest }) => (void projectedAt, rest)) };
}

/** What the read model must hold: the projection of a full fold, in the same key order. */
export function expected(transactions: Transaction[], docs: Array<LibraryDoc | PersonDoc>) {
	const directory: Directory = { libraries: new Map(), people: new Map() };
	for (const doc of docs) {
		if (doc.type === 'library') directory.libraries.set(doc._id, doc);
		else directory.people.set(doc._id, doc);
	}
	const p = project(fold(transactions), directory, 0);
	return {
		libraries: p.libraries.sort(byKey((r) => r._id)),
		people: p.people.sort(byKey((r) => r._id)),
		offers: p.offers.sort(byKey((r) => r.id)),
		requests: p.requests.sort(byKey((r) => r.id)),
		exchanges: p.exchanges.map(exchangeRow).sort(byKey((r) => r.id)),
		entries: p.entries.sort(byKey((r) => r.key)),
		rejected: p.rejected.sort(byKey((r) => r.tx)),
		offerGroups: p.offerGroups.sort(byKey((r) => r.key)),
		meta: [(({ projectedAt, ...rest }) => (void projectedAt, rest))(p.meta)]
	};
}

/** A read model projected from a generated history of `size` transactions, for one test: removed when it ends. */
export async function projectedHistory(name: string, size: number, seed: number): Promise<{ view: ReadModel }> {
	const db = new MemoryPouch<Record<string, unknown>>(`${name}-${process.pid}`) as Replica;
	const view = new ReadModel(`${name}-view-${process.pid}`);
	const projector = new Projector(db, view);
	onTestFinished(async () => {
		projector.stop();
		await view.delete();
		await db.destroy();
	});
	await db.bulkDocs([...HISTORY_LIBRARIES.map(library), ...generateHistory(size, seed)]);
	await projector.start();
	return { view };
}
