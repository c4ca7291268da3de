/**
 * One entry point that tells whether a document may exist, and if not, why, in codes the UI
 * translates. The server's validate_doc_update enforces the same rules (couchdb/design/validate.js).
 */
import * as v from 'valibot';
import { librarySchema, personSchema, type LibraryDoc, type PersonDoc } from './directory';
import { joinRequestSchema, type JoinRequest } from './membership';
import { contentMatchesId, transactionSchema, type Transaction } from './transactions';

export interface ValidationIssue {
	/** Dotted path of the offending field, '' for the document as a whole. */
	field: string;
	/** Message code, e.g. `days` or `too-long`; see i18n `invalid.*`. */
	code: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export type BankDocument = Transaction | LibraryDoc | PersonDoc;

function run<T>(schema: v.GenericSchema<unknown, T>, input: unknown): Validated<T> {
	const result = v.safeParse(schema, input, { abortPipeEarly: true });
	if (result.success) return { ok: true, value: result.output };
	return {
		ok: false,
		issues: result.issues.map((issue) => ({
			field: (issue.path ?? []).map((item) => String(item.key)).join('.'),
			code: issue.message
		}))
	};
}

/** Rules across fields of one transaction, which the server can check as well. */
function partiesIssue(tx: Transaction): ValidationIssue | undefined {
	if (tx.kind === 'exchange.completed' && tx.provider === tx.by.library) return { field: 'provider', code: 'own-library' };
	if (tx.kind === 'exchange.reversed' && tx.provider === tx.host) return { field: 'host', code: 'own-library' };
	return undefined;
}

export function validateTransaction(input: unknown): Validated<Transaction> {
	const result = run(transactionSchema, input);
	if (!result.ok) return result;
	const issue = partiesIssue(result.value);
	if (issue) return { ok: false, issues: [issue] };
	// Last, as it costs the most: a copy whose content is not what its id commits to is forged.
	if (!contentMatchesId(result.value)) return { ok: false, issues: [{ field: '_id', code: 'content-hash' }] };
	return result;
}

export function validateLibrary(input: unknown): Validated<LibraryDoc> {
	return run(librarySchema, input);
}

export function validatePerson(input: unknown): Validated<PersonDoc> {
	return run(personSchema, input);
}

/** A request to join a library, as typed on the login page (not a bank document). */
export function validateJoinRequest(input: unknown): Validated<JoinRequest> {
	return run(joinRequestSchema, input);
}

/** The largest document, as JSON without the revision history CouchDB attaches. */
export const MAX_DOCUMENT_JSON = 16384;

function fitsSize(input: object): boolean {
	const { _revisions, ...sized } = input as Record<string, unknown>;
	void _revisions;
	return JSON.stringify(sized).length <= MAX_DOCUMENT_JSON;
}

export function validateDocument(input: unknown): Validated<BankDocument> {
	if (typeof input === 'object' && input !== null && !fitsSize(input)) {
		return { ok: false, issues: [{ field: '', code: 'too-large' }] };
	}
	const type = typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
	if (type === 'tx') return validateTransaction(input);
	if (type === 'library') return validateLibrary(input);
	if (type === 'person') return validatePerson(input);
	return { ok: false, issues: [{ field: 'type', code: 'type' }] };
}
