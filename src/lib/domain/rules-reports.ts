/**
 * Learning from each visit: after completion the visitor and the host may each write one short
 * report (what was done, what worked, tips for others), shown on the exchange and in a feed.
 */
import { isParty } from './parties';
import { refuse } from './rejection';
import type { BankState } from './state';
import type { TransactionOf } from './transactions';

export function exchangeReported(state: BankState, id: string, tx: TransactionOf<'exchange.reported'>): void {
	const exchange = state.exchanges.get(tx.exchange);
	if (!exchange) refuse('exchange-unknown', { exchange: tx.exchange });
	if (!isParty(exchange, tx.by.library)) refuse('not-party');
	if (exchange.status !== 'completed') refuse('exchange-not-completed', { status: exchange.status });
	if (exchange.reports.some((r) => r.library === tx.by.library)) refuse('report-exists');
	exchange.reports.push({ tx: id, library: tx.by.library, done: tx.done, learned: tx.learned, tips: tx.tips });
	exchange.history.push(id);
	exchange.updated = id;
}
