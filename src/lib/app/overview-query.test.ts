import { afterEach, describe, expect, it } from 'vitest';
import { generateHistory, HISTORY_LIBRARIES } from '$lib/domain/test-history';
import { Projector } from '$lib/store/projector';
import { ReadModel } from '$lib/store/read-model';
import type { Replica } from '$lib/store/replica';
import { library, MemoryPouch } from '$lib/store/test-projector';
import { overviewOf } from './overview-query';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the overview', () => {
	it("shows a library's twelve newest statement lines, newest first, read by index", async () => {
		const db = new MemoryPouch<Record<string, unknown>>(`overview-${process.pid}`) as Replica;
		const view = new ReadModel(`overview-view-${process.pid}`);
		const projector = new Projector(db, view);
		cleanups.push(async () => {
			projector.stop();
			await view.delete();
			await db.destroy();
		});
		await db.bulkDocs([...HISTORY_LIBRARIES.map(library), ...generateHistory(400, 3)]);
		await projector.start();
		for (const slug of ['hamar', 'tolga']) {
			const all = (await view.entries.toArray()).filter((e) => e.library === slug).sort((a, b) => (a.tx < b.tx ? 1 : -1));
			expect(all.length).toBeGreaterThan(12);
			expect((await overviewOf(view, slug)).statement).toEqual(all.slice(0, 12));
		}
	});
});
