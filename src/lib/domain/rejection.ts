/**
 * Why the fold did not take a transaction. Codes, not prose: the UI words them ("Stange
 * accepted another answer"). A refused transaction stays in the replica; it just changes
 * nothing. The fold's refusals are final (the writer had no right to it) or waiting (what it
 * refers to has not arrived, or has not reached the stage it needs); the preflight's
 * (preflight.ts) stop a librarian's device from writing something that cannot stand.
 */
import type { Transaction } from './transactions';

export type RejectionCode =
	// waiting: may be taken when what it refers to arrives
	| 'offer-unknown'
	| 'request-unknown'
	| 'exchange-unknown'
	| 'exchange-not-accepted'
	| 'exchange-not-completed'
	// overtaken: another transaction decided first by stage, not by clock
	| 'exchange-accepted'
	| 'exchange-completed'
	| 'exchange-not-proposed'
	| 'exchange-not-active'
	| 'report-exists'
	| 'duplicate'
	// final: the writer had no right to it
	| 'own-offer'
	| 'own-request'
	| 'not-owner'
	| 'not-counterparty'
	| 'not-proposer'
	| 'not-party'
	| 'only-host-completes'
	| 'more-than-agreed'
	| 'not-as-recorded'
	| 'county-only'
	// preflight only: what a device refuses to write
	| 'offer-not-open'
	| 'offer-too-few-days'
	| 'offer-days-below-taken'
	| 'request-taken'
	| 'request-withdrawn'
	| 'already-answered'
	| 'over-limit'
	| 'no-collision'
	| 'proposal-lapsed';

export type RejectionParams = Record<string, string | number>;

export interface Rejection {
	tx: string;
	kind: string;
	by: string;
	/** The offer, request or exchange it was about, so its page can say why. */
	target?: string;
	code: RejectionCode;
	params: RejectionParams;
}

/**
 * Thrown inside a rule and caught by the fold: the transaction changes nothing. Not an Error:
 * refusals are ordinary outcomes, and capturing a stack trace for each one made folds of
 * race-heavy histories several times slower.
 */
export class Refusal {
	constructor(
		readonly code: RejectionCode,
		readonly params: RejectionParams = {}
	) {}
}

export function refuse(code: RejectionCode, params: RejectionParams = {}): never {
	throw new Refusal(code, params);
}

function targetOf(tx: Transaction): string | undefined {
	if ('exchanges' in tx) return tx.exchanges[0];
	if ('exchange' in tx) return tx.exchange;
	if ('request' in tx) return tx.request;
	if ('offer' in tx) return tx.offer;
	return undefined;
}

/** The parts of a rejection that come from the transaction itself. */
export function refusalOf(id: string, tx: Transaction): Omit<Rejection, 'code' | 'params'> {
	return { tx: id, kind: tx.kind, by: tx.by.library, target: targetOf(tx) };
}

export function reject(state: { rejected: Map<string, Rejection> }, id: string, tx: Transaction, code: RejectionCode, params: RejectionParams = {}): void {
	state.rejected.set(id, { ...refusalOf(id, tx), code, params });
}
