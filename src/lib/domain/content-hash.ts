/**
 * A transaction's id commits to its content: its last part is a hash of everything the
 * transaction says. CouchDB stores a replicated first-generation branch beside an existing
 * document (its validate_doc_update then sees no old revision), so "write-once" cannot be
 * enforced by looking at the stored revision; it has to be self-evident from the document.
 * A branch with other content has another hash, so the server's validation refuses it and
 * every replica ignores it (couchdb/design/content-hash.es5.js computes the same hash).
 *
 * The canonical form is this module's own, not JSON: keys sorted by UTF-16 code units, and
 * every character outside printable ASCII written as \uXXXX, so the bytes hashed are plain
 * ASCII and no engine's JSON.stringify quirks (lone surrogates, number formatting beyond
 * Number#toString) can make two implementations disagree. CouchDB's own fields (`_rev`,
 * `_revisions`, `_conflicts`, `_deleted`, and the `_id` that holds the hash) are left out.
 */
import { sha256 } from '@noble/hashes/sha2.js';

/** 128 bits of SHA-256 in lower-case base32 (RFC 4648 alphabet): 26 characters. */
export const HASH_LENGTH = 26;
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const HASH_BYTES = 16;

function quote(text: string): string {
	let out = '"';
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x22) out += '\\"';
		else if (code === 0x5c) out += '\\\\';
		else if (code < 0x20 || code > 0x7e) out += '\\u' + code.toString(16).padStart(4, '0');
		else out += text[i];
	}
	return out + '"';
}

function canonicalValue(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
	if (typeof value === 'string') return quote(value);
	if (Array.isArray(value)) return '[' + value.map(canonicalValue).join(',') + ']';
	if (typeof value === 'object') return canonicalObject(value as Record<string, unknown>, false);
	return 'null';
}

function canonicalObject(object: Record<string, unknown>, topLevel: boolean): string {
	const keys = Object.keys(object)
		.filter((key) => object[key] !== undefined && !(topLevel && key.startsWith('_')))
		.sort();
	return '{' + keys.map((key) => quote(key) + ':' + canonicalValue(object[key])).join(',') + '}';
}

/** The ASCII text that is hashed: the document without CouchDB's underscore fields. */
export function canonicalContent(doc: Record<string, unknown>): string {
	return canonicalObject(doc, true);
}

function base32(bytes: Uint8Array): string {
	let out = '';
	let buffer = 0;
	let bits = 0;
	for (const byte of bytes) {
		buffer = (buffer << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += BASE32[(buffer >>> (bits - 5)) & 31];
			bits -= 5;
		}
		buffer &= (1 << bits) - 1;
	}
	if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
	return out;
}

export function contentHash(doc: Record<string, unknown>): string {
	const text = canonicalContent(doc);
	const bytes = new Uint8Array(text.length);
	for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
	return base32(sha256(bytes).subarray(0, HASH_BYTES));
}
