/** Who stands where in an exchange: the two parties, and who answers a proposal. */
import type { Exchange } from './state';

export function isParty(exchange: Exchange, library: string): boolean {
	return exchange.provider === library || exchange.host === library;
}

/** The library that answers a proposal: the one that did not make it. */
export function counterpartyOf(exchange: Exchange): string {
	return exchange.proposedBy === exchange.host ? exchange.provider : exchange.host;
}

/** Whether a library has a proposal in front of it to accept or decline. */
export function mustAnswer(exchange: Exchange, library: string): boolean {
	return exchange.status === 'proposed' && counterpartyOf(exchange) === library;
}
