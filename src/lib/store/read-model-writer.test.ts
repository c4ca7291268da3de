import { describe, expect, it } from 'vitest';
import { fold } from '$lib/domain/fold';
import { generateHistory } from '$lib/domain/test-history';
import { exchangeRow, project } from './projection';
import { ReadModel } from './read-model';
import { ReadModelWriter } from './read-model-writer';

const directory = { libraries: new Map(), people: new Map() };

async function contents(db: ReadModel) {
	const sort = <T>(rows: T[], key: keyof T) => rows.sort((a, b) => String(a[key]).localeCompare(String(b[key])));
	return {
		offers: sort(await db.offers.toArray(), 'id'),
		requests: sort(await db.requests.toArray(), 'id'),
		exchanges: sort(await db.exchanges.toArray(), 'id'),
		entries: sort(await db.entries.toArray(), 'key'),
		rejected: sort(await db.rejected.toArray(), 'tx')
	};
}

function expected(txs: ReturnType<typeof generateHistory>) {
	const rows = project(fold(txs), directory, 0);
	const sort = <T>(list: T[], key: keyof T) => [...list].sort((a, b) => String(a[key]).localeCompare(String(b[key])));
	return { offers: sort(rows.offers, 'id'), requests: sort(rows.requests, 'id'), exchanges: sort(rows.exchanges.map(exchangeRow), 'id'), entries: sort(rows.entries, 'key'), rejected: sort(rows.rejected, 'tx') };
}

describe('the read-model writer', () => {
	it('leaves the tables equal to the latest projection, writing only what changed', async () => {
		const db = new ReadModel(`writer-${Math.random()}`);
		const writer = new ReadModelWriter(db);
		const history = generateHistory(600, 3);
		await db.offers.put({ id: 'stale-from-last-session' } as never);

		const first = await writer.write(project(fold(history.slice(0, 500)), directory, 0));
		expect(await contents(db)).toEqual(expected(history.slice(0, 500)));
		const second = await writer.write(project(fold(history), directory, 0));
		expect(await contents(db)).toEqual(expected(history));
		expect(second.put).toBeLessThan(first.put / 2);
		const again = await writer.write(project(fold(history), directory, 0));
		expect(again).toEqual({ put: 0, deleted: 0 });
	});

	it('deletes rows that are gone from the projection, as after a refold', async () => {
		const db = new ReadModel(`writer-${Math.random()}`);
		const writer = new ReadModelWriter(db);
		const history = generateHistory(300, 9);
		await writer.write(project(fold(history), directory, 0));
		const shrunk = await writer.write(project(fold(history.slice(0, 100)), directory, 0));
		expect(shrunk.deleted).toBeGreaterThan(0);
		expect(await contents(db)).toEqual(expected(history.slice(0, 100)));
	});

	it('stores each exchange with the libraries whose agenda it may stand on, and after reading the tables back writes only what changed', async () => {
		const db = new ReadModel(`writer-${Math.random()}`);
		const history = generateHistory(400, 5);
		await new ReadModelWriter(db).write(project(fold(history.slice(0, 300)), directory, 0));
		expect((await db.exchanges.toArray()).every((e) => Array.isArray(e.agendaOf))).toBe(true);
		// A later session knows the rows only from the tables: their derived fields do not count as changes.
		const later = new ReadModelWriter(db);
		await later.assumeStored();
		expect(await later.write(project(fold(history.slice(0, 300)), directory, 0))).toEqual({ put: 0, deleted: 0 });
		const grown = await later.write(project(fold(history), directory, 0));
		expect(grown.put).toBeGreaterThan(0);
		expect(await contents(db)).toEqual(expected(history));
	});
});
