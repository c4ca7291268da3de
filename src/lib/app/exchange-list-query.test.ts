import { describe, expect, it } from 'vitest';
import { HISTORY_LIBRARIES } from '$lib/domain/test-history';
import { projectedHistory } from '$lib/store/test-projector';
import { exchangeListOf } from './exchange-list-query';

describe("a library's exchanges page", () => {
	it('lists every exchange it took part in once: open ones by what waits, the others as history, last changed first', async () => {
		const { view } = await projectedHistory('exchange-list', 600, 4);
		const all = await view.exchanges.toArray();
		for (const me of HISTORY_LIBRARIES) {
			const list = await exchangeListOf(view, me);
			const mine = all.filter((e) => e.provider === me || e.host === me);
			expect(list.total).toBe(mine.length);
			expect(list.history.map((e) => e.id).sort()).toEqual(mine.filter((e) => e.status !== 'proposed' && e.status !== 'accepted').map((e) => e.id).sort());
			expect(list.history.map((e) => e.updated)).toEqual(list.history.map((e) => e.updated).sort().reverse());
			const waiting = [...list.agenda.toAnswer, ...list.agenda.toConfirm, ...list.agenda.upcoming, ...list.agenda.waitingForOthers];
			for (const e of waiting) expect(['proposed', 'accepted']).toContain(e.status);
		}
	});
});
