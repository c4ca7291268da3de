/** What every notice about an exchange names: the other library, the days, the dates, the subject. */
import { counterpartyOf } from '../parties';
import type { BankState, Exchange } from '../state';
import type { Directory } from './notice';
import { libraryName } from './recipients';

/** The offer's or request's description, which is what people recognise an exchange by. */
export function sourceDescription(state: BankState, exchange: Exchange): string {
	const source = 'offer' in exchange.source ? state.offers.get(exchange.source.offer) : state.requests.get(exchange.source.request);
	return source?.description ?? '';
}

export function isUrgentSource(state: BankState, exchange: Exchange): boolean {
	return 'request' in exchange.source && state.requests.get(exchange.source.request)?.urgency === 'urgent';
}

export function exchangeWords(state: BankState, directory: Directory, exchange: Exchange, reader: string): Record<string, string | number> {
	const other = exchange.host === reader ? exchange.provider : exchange.host;
	return {
		other: libraryName(directory, other),
		proposer: libraryName(directory, exchange.proposedBy),
		answerer: libraryName(directory, counterpartyOf(exchange)),
		host: libraryName(directory, exchange.host),
		provider: libraryName(directory, exchange.provider),
		days: exchange.days,
		from: exchange.dates?.from ?? '',
		to: exchange.dates?.to ?? '',
		description: sourceDescription(state, exchange)
	};
}

export const exchangeLink = (exchange: Exchange) => `/exchanges/${exchange.id}`;
