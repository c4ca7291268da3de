/**
 * Why the fold refused a transaction. Codes, not prose: the UI words them ("Hamar accepted
 * this request first"). A rejected transaction stays in the replica; it just changes nothing.
 */
export type RejectionCode =
	| 'offer-unknown'
	| 'offer-not-open'
	| 'offer-not-paused'
	| 'offer-withdrawn'
	| 'offer-too-few-days'
	| 'offer-days-below-taken'
	| 'own-offer'
	| 'request-unknown'
	| 'request-taken'
	| 'request-withdrawn'
	| 'own-request'
	| 'exchange-unknown'
	| 'exchange-not-proposed'
	| 'exchange-not-active'
	| 'exchange-not-accepted'
	| 'exchange-not-completed'
	| 'not-owner'
	| 'not-counterparty'
	| 'not-party'
	| 'only-host-completes'
	| 'more-than-agreed'
	| 'not-as-recorded'
	| 'over-limit'
	| 'county-only'
	| 'report-exists'
	| 'duplicate';

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
