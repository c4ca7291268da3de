/**
 * Building blocks shared by the document schemas. Each refusal carries a message *code*
 * (not prose): the domain has no language, the UI turns codes into the user's words.
 */
import * as v from 'valibot';
import { isDayAmount } from './days';
import { isStamp, isTransactionId } from './ids';

export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const slug = v.pipe(v.string('required'), v.regex(SLUG, 'slug'));

export const transactionId = v.pipe(
	v.string('required'),
	v.check((s) => isTransactionId(s), 'txid')
);

/** A reading of a device's clock (ids.ts), as directory documents carry in `updated`. */
export const stamp = v.pipe(
	v.string('required'),
	v.check((s) => isStamp(s), 'stamp')
);

export const text = (max: number) => v.pipe(v.string('required'), v.maxLength(max, 'too-long'));

/** Not blank, and measured as stored: forms trim what people type before writing it. */
export const requiredText = (max: number) =>
	v.pipe(v.string('required'), v.maxLength(max, 'too-long'), v.check((s) => s.trim().length > 0, 'required'));

/** Fields CouchDB itself adds to documents it hands out or replicates. */
export const couchFields = {
	_rev: v.optional(v.string()),
	_revisions: v.optional(
		v.custom<Record<string, unknown>>((r) => typeof r === 'object' && r !== null && !Array.isArray(r), 'revisions')
	),
	_conflicts: v.optional(v.array(v.string())),
	_deleted: v.optional(v.boolean())
};

export const days = v.pipe(
	v.number('number'),
	v.check((n) => isDayAmount(n), 'days')
);

export const amount = (max: number) =>
	v.pipe(v.number('number'), v.finite('number'), v.minValue(0, 'not-negative'), v.maxValue(max, 'too-large'));

export function isIsoDate(value: string): boolean {
	if (!ISO_DATE.test(value)) return false;
	const date = new Date(`${value}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const isoDate = v.pipe(v.string('required'), v.check(isIsoDate, 'date'));

export const dateWindow = v.pipe(
	v.strictObject({ from: isoDate, to: isoDate }, 'date-window'),
	v.check((w) => w.from <= w.to, 'date-order')
);

export const email = v.pipe(v.string('required'), v.maxLength(200, 'too-long'), v.regex(EMAIL, 'email'));

export const optionalEmail = v.optional(v.union([v.literal(''), email], 'email'));

export const skillId = v.pipe(v.string('required'), v.regex(SLUG, 'skill'));

export const skillList = v.pipe(
	v.array(skillId, 'skills'),
	v.minLength(1, 'skills-empty'),
	v.maxLength(10, 'too-many'),
	v.check((list) => new Set(list).size === list.length, 'duplicates')
);

export const actor = v.strictObject(
	{
		library: slug,
		person: v.optional(v.pipe(v.string('required'), v.maxLength(64, 'too-long'))),
		role: v.optional(v.literal('county', 'role'))
	},
	'actor'
);
