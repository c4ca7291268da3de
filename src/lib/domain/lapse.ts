/**
 * A proposal nobody answers for 14 days lapses, so that an offer or a host's days are not held
 * by a question nobody will answer. It is shown, marked, on both sides and never deleted; it
 * can no longer be accepted (the device refuses, preflight.ts), and the proposer may withdraw
 * it or propose again. Lapsing depends on the time, which the fold never reads (every replica
 * must fold the same transactions to the same state, whenever it folds them), so it is a view
 * over the fold's state, asked with the reader's clock.
 */
import { transactionTime } from './ids';
import type { Exchange } from './state';

export const LAPSE_AFTER_DAYS = 14;
const DAY_MS = 86_400_000;

/** When a proposal lapses if nobody answers it (ms). */
export function lapsesAt(exchange: Pick<Exchange, 'id'>): number {
	return transactionTime(exchange.id) + LAPSE_AFTER_DAYS * DAY_MS;
}

export function hasLapsed(exchange: Pick<Exchange, 'id' | 'status'>, now: number): boolean {
	return exchange.status === 'proposed' && now >= lapsesAt(exchange);
}

/**
 * The days a host's own lapsed proposals still hold in the fold's `reserved` (the fold cannot
 * let them go by itself): a new proposal or agreement may use them again.
 */
export function lapsedReservation(exchanges: Iterable<Exchange>, host: string, now: number): number {
	let days = 0;
	for (const e of exchanges) if (e.host === host && e.proposedBy === host && hasLapsed(e, now)) days += e.days;
	return days;
}
