import { describe, expect, it } from 'vitest';
import { HISTORY_LIBRARIES } from '$lib/domain/test-history';
import { projectedHistory } from '$lib/store/test-projector';
import { exchangeListOf } from './exchange-list-query';

describe("a library's exchanges page", () => {
	it('lists every exchange it took part in once: open ones by what waits, the others as history, last changed first, a page at a time', async () => {
		const { view } = await projectedHistory('exchange-list', 600, 4);
		const all = await view.exchanges.toArray();
		let longest = 0;
		for (const me of HISTORY_LIBRARIES) {
			const list = await exchangeListOf(view, me, Infinity);
			const mine = all.filter((e) => e.provider === me || e.host === me);
			expect(list.total).toBe(mine.length);
			expect(list.history.map((e) => e.id).sort()).toEqual(mine.filter((e) => e.status !== 'proposed' && e.status !== 'accepted').map((e) => e.id).sort());
			expect(list.historyTotal).toBe(list.history.length);
			expect(list.history.map((e) => e.updated)).toEqual(list.history.map((e) => e.updated).sort().reverse());
			// A page at a time: the first lines of the same order, and the count of all.
			const page = await exchangeListOf(view, me, 10);
			expect(page.history).toEqual(list.history.slice(0, 10));
			expect(page.historyTotal).toBe(list.historyTotal);
			longest = Math.max(longest, list.historyTotal);
			const waiting = [...list.agenda.toAnswer, ...list.agenda.toConfirm, ...list.agenda.upcoming, ...list.agenda.waitingForOthers];
			for (const e of waiting) expect(['proposed', 'accepted']).toContain(e.status);
		}
		expect(longest).toBeGreaterThan(10);
	});
});
