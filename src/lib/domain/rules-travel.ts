/** The county marks travel claims paid; the mark syncs like everything else. */
import { refuse } from './rejection';
import type { BankState } from './state';
import type { TransactionOf } from './transactions';

export function travelPaid(state: BankState, id: string, tx: TransactionOf<'travel.paid'>): void {
	if (tx.by.role !== 'county') refuse('county-only');
	const exchanges = tx.exchanges.map((exchangeId) => state.exchanges.get(exchangeId));
	for (const [i, exchange] of exchanges.entries()) {
		if (!exchange) refuse('exchange-unknown', { exchange: tx.exchanges[i]! });
		if (exchange.status !== 'completed' || !exchange.travel) refuse('exchange-not-completed', { status: exchange.status });
	}
	for (const exchange of exchanges) {
		if (exchange && !exchange.travelPaid) exchange.travelPaid = id;
	}
}
