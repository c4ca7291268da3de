/**
 * Transactions: immutable, write-once documents with `_id: "tx:" + transactionId`.
 * Everything that happens in the bank is one of these; state is their fold (fold.ts).
 */
import * as v from 'valibot';
import { contentHash } from './content-hash';
import { isStamp, isTransactionId } from './ids';
import { actor, amount, couchFields, dateWindow, days, requiredText, skillList, slug, transactionId } from './schema-parts';

export const TX_PREFIX = 'tx:';
export const MAX_DESCRIPTION = 1000;
export const MAX_REPORT = 2000;

const txId = v.pipe(
	v.string('required'),
	v.startsWith(TX_PREFIX, 'txid'),
	v.check((s) => isTransactionId(s.slice(TX_PREFIX.length)), 'txid')
);

/** The id's last part is the hash of the content (content-hash.ts): a rewritten copy has another. */
function hashOfId(id: string): string {
	return id.slice(id.lastIndexOf('-') + 1);
}

export function contentMatchesId(doc: { _id: string } & Record<string, unknown>): boolean {
	return hashOfId(doc._id) === contentHash(doc);
}

const base = {
	_id: txId,
	...couchFields,
	// Transactions are never deleted.
	_deleted: v.optional(v.literal(false, 'deleted')),
	type: v.literal('tx', 'type'),
	by: actor
};

const offerTerms = {
	skills: skillList,
	description: requiredText(MAX_DESCRIPTION),
	days,
	/** Empty means undated: a date is agreed when someone asks. */
	dates: v.pipe(v.array(dateWindow, 'dates'), v.maxLength(10, 'too-many')),
	maxTravelKm: v.optional(amount(2000))
};

const requestTerms = {
	skills: skillList,
	description: requiredText(MAX_DESCRIPTION),
	days,
	/** Empty means flexible. */
	dates: v.pipe(v.array(dateWindow, 'dates'), v.maxLength(10, 'too-many')),
	urgency: v.picklist(['planned', 'urgent'], 'urgency')
};

const ref = transactionId;
const reason = v.optional(v.pipe(v.string(), v.maxLength(500, 'too-long')));
const note = v.optional(v.pipe(v.string(), v.maxLength(500, 'too-long')));

export const travelSchema = v.strictObject(
	{ km: amount(5000), tolls: amount(100_000), meals: amount(100_000) },
	'travel'
);

export const policyTerms = {
	/** How far below zero a library may go, in days. */
	creditLimit: v.pipe(days, v.maxValue(20, 'too-large')),
	travelRatePerKm: amount(100),
	mealAllowance: amount(10_000)
};

export const transactionSchema = v.variant(
	'kind',
	[
		v.strictObject({ ...base, kind: v.literal('offer.posted'), ...offerTerms }),
		v.strictObject({ ...base, kind: v.literal('offer.revised'), offer: ref, ...offerTerms }),
		v.strictObject({ ...base, kind: v.literal('offer.paused'), offer: ref }),
		v.strictObject({ ...base, kind: v.literal('offer.resumed'), offer: ref }),
		v.strictObject({ ...base, kind: v.literal('offer.withdrawn'), offer: ref }),
		v.strictObject({ ...base, kind: v.literal('request.posted'), ...requestTerms }),
		v.strictObject({ ...base, kind: v.literal('request.revised'), request: ref, ...requestTerms }),
		v.strictObject({ ...base, kind: v.literal('request.withdrawn'), request: ref }),
		/** Another library offers to come; the host decides by accepting one answer. */
		v.strictObject({
			...base,
			kind: v.literal('request.answered'),
			request: ref,
			/** Named by the answer itself, so the agreement never depends on later revisions. */
			days,
			dates: v.optional(dateWindow),
			note
		}),
		v.strictObject({
			...base,
			kind: v.literal('exchange.proposed'),
			offer: ref,
			days,
			dates: dateWindow
		}),
		v.strictObject({ ...base, kind: v.literal('exchange.accepted'), exchange: ref }),
		v.strictObject({ ...base, kind: v.literal('exchange.declined'), exchange: ref, reason }),
		/** The proposer takes back a proposal or an answer that nobody has accepted yet. */
		v.strictObject({ ...base, kind: v.literal('exchange.withdrawn'), exchange: ref, reason }),
		/** Either party calls off an agreement. */
		v.strictObject({ ...base, kind: v.literal('exchange.cancelled'), exchange: ref, reason }),
		/** A party resolves a collision: this agreement is let go, `kept` is the one that stands. */
		v.strictObject({ ...base, kind: v.literal('exchange.released'), exchange: ref, kept: v.optional(ref), reason: requiredText(500) }),
		v.strictObject({
			...base,
			kind: v.literal('exchange.completed'),
			exchange: ref,
			/** Repeated from the exchange (the fold checks it), so a server view can sum without a join. */
			provider: slug,
			days,
			travel: travelSchema
		}),
		v.strictObject({
			...base,
			kind: v.literal('exchange.reversed'),
			exchange: ref,
			/** What is undone, repeated from the exchange (the fold checks it) for the server's views. */
			completion: ref,
			provider: slug,
			host: slug,
			days,
			reason: requiredText(500)
		}),
		v.strictObject({
			...base,
			kind: v.literal('exchange.reported'),
			exchange: ref,
			done: requiredText(MAX_REPORT),
			learned: v.optional(v.pipe(v.string(), v.maxLength(MAX_REPORT, 'too-long'))),
			tips: v.optional(v.pipe(v.string(), v.maxLength(MAX_REPORT, 'too-long')))
		}),
		v.strictObject({
			...base,
			kind: v.literal('travel.paid'),
			exchanges: v.pipe(v.array(ref, 'exchanges'), v.minLength(1, 'required'), v.maxLength(200, 'too-many'))
		}),
		v.strictObject({ ...base, kind: v.literal('policy.set'), ...policyTerms })
	],
	'kind'
);

export type Transaction = v.InferOutput<typeof transactionSchema>;
export type TransactionKind = Transaction['kind'];
export type TransactionOf<K extends TransactionKind> = Extract<Transaction, { kind: K }>;
export type Actor = Transaction['by'];
export type Travel = v.InferOutput<typeof travelSchema>;
export type DateWindow = { from: string; to: string };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** What an author fills in: the transaction without its id, type and author. */
export type TransactionFields = DistributiveOmit<Transaction, '_id' | 'type' | '_rev' | 'by'>;

/** The transaction id inside a `tx:` document id. */
export function txIdOf(tx: { _id: string }): string {
	return tx._id.slice(TX_PREFIX.length);
}

export function isTransactionDocId(id: string): boolean {
	return id.startsWith(TX_PREFIX);
}

/**
 * Builds a transaction document from a stamp of the writer's clock (ids.ts): its id is the
 * stamp followed by the hash of everything else in it.
 */
export function makeTransaction<T extends Omit<Transaction, '_id' | 'type' | '_rev'>>(
	stamp: string,
	fields: T
): T & { _id: string; type: 'tx' } {
	if (!isStamp(stamp)) throw new Error(`Invalid stamp: ${stamp}`);
	const content = { type: 'tx' as const, ...fields };
	return { _id: `${TX_PREFIX}${stamp}-${contentHash(content)}`, ...content };
}
