/**
 * The county marks travel claims paid; the mark syncs like everything else. One mark may name
 * many exchanges: it marks each one that is confirmed, and says which it could not (not yet
 * arrived, or not confirmed), so a mark written before a confirmation arrived takes effect then.
 */
import { judgeTravelPaid, settleExchange } from './exchange-settle';
import { insertSorted } from './rules-exchanges';
import { refuse } from './rejection';
import type { BankState } from './state';
import type { TransactionOf } from './transactions';

export function travelPaid(state: BankState, _id: string, tx: TransactionOf<'travel.paid'>): void {
	if (tx.by.role !== 'county') refuse('county-only');
	for (const exchangeId of new Set(tx.exchanges)) {
		const facts = state.index.facts.get(exchangeId);
		const exchange = state.exchanges.get(exchangeId);
		if (facts && exchange) {
			if (!facts.travelPaid.includes(tx)) insertSorted(facts.travelPaid, tx);
			settleExchange(state, exchange);
			continue;
		}
		// Judged again when the exchange arrives (fold.ts releases what waits for it).
		const queue = state.index.waiting.get(exchangeId);
		if (!queue) state.index.waiting.set(exchangeId, [tx]);
		else if (!queue.includes(tx)) queue.push(tx);
	}
	judgeTravelPaid(state, tx);
}
