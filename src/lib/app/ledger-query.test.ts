import { describe, expect, it } from 'vitest';
import { projectedHistory } from '$lib/store/test-projector';
import { statementOf } from './ledger-query';

describe("a library's full statement", () => {
	it('gives the newest lines first, as many as asked for, and counts them all', async () => {
		const { view } = await projectedHistory('statement', 3000, 11);
		const all = (await view.entries.toArray()).filter((e) => e.library === 'hamar').sort((a, b) => (a.tx < b.tx ? 1 : -1));
		expect(all.length).toBeGreaterThan(40);
		for (const lines of [1, 25, all.length, all.length + 10]) {
			const page = await statementOf(view, 'hamar', lines);
			expect(page.entries).toEqual(all.slice(0, lines));
			expect(page.total).toBe(all.length);
		}
		expect((await statementOf(view, 'nowhere', 25)).total).toBe(0);
	});
});
