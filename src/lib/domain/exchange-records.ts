/**
 * The completion and reversal of an exchange as written: both repeat the parties and days
 * from the exchange, so the server can sum days per library with a view (one document at a
 * time, no join). The fold refuses any that do not match the exchange.
 */
import type { Exchange } from './state';
import type { TransactionOf, Travel } from './transactions';

type Fields<K extends 'exchange.completed' | 'exchange.reversed'> = Omit<TransactionOf<K>, '_id' | '_rev' | 'type' | 'by'>;

export function completionOf(exchange: Exchange, days: number, travel: Travel): Fields<'exchange.completed'> {
	return { kind: 'exchange.completed', exchange: exchange.id, provider: exchange.provider, days, travel };
}

/** Undoes a completed exchange; undefined when there is no completion to undo. */
export function reversalOf(exchange: Exchange, reason: string): Fields<'exchange.reversed'> | undefined {
	if (exchange.completion === undefined || exchange.daysWorked === undefined) return undefined;
	return {
		kind: 'exchange.reversed',
		exchange: exchange.id,
		completion: exchange.completion,
		provider: exchange.provider,
		host: exchange.host,
		days: exchange.daysWorked,
		reason
	};
}
