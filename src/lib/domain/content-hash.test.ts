import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalContent, contentHash } from './content-hash';

/** The same hash through Node's own SHA-256 and RFC 4648 base32, as a reference. */
function reference(doc: Record<string, unknown>): string {
	const digest = createHash('sha256').update(canonicalContent(doc), 'latin1').digest().subarray(0, 16);
	let bits = '';
	for (const byte of digest) bits += byte.toString(2).padStart(8, '0');
	const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
	let out = '';
	for (let i = 0; i < bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
	return out;
}

describe('the content hash', () => {
	it('ignores key order and CouchDB\'s own fields, and nothing else', () => {
		const doc = { type: 'tx', kind: 'offer.paused', by: { library: 'hamar', person: 'p' }, offer: 'x' };
		const same = { _id: 'tx:whatever', _rev: '3-abc', _revisions: { start: 3, ids: [] }, offer: 'x', by: { person: 'p', library: 'hamar' }, kind: 'offer.paused', type: 'tx' };
		expect(contentHash(same)).toBe(contentHash(doc));
		expect(contentHash({ ...doc, offer: 'y' })).not.toBe(contentHash(doc));
		expect(contentHash({ ...doc, by: { library: 'hamar', person: 'q' } })).not.toBe(contentHash(doc));
		expect(contentHash(doc)).toMatch(/^[a-z2-7]{26}$/);
	});

	it('writes every character outside printable ASCII as an escape, so the bytes hashed are plain ASCII', () => {
		expect(canonicalContent({ a: 'Blåbær "æ"\n\u{1F600}' })).toBe('{"a":"Bl\\u00e5b\\u00e6r \\"\\u00e6\\"\\u000a\\ud83d\\ude00"}');
		expect(canonicalContent({ b: [1, 0.5, -0, null, true], a: { z: 1, y: undefined } })).toBe('{"a":{"z":1},"b":[1,0.5,0,null,true]}');
	});

	it('is SHA-256 over the canonical text, cut to 128 bits of base32', () => {
		fc.assert(
			fc.property(fc.jsonValue(), fc.string({ unit: 'binary' }), (value, text) => {
				const doc = { type: 'tx', value, text };
				expect(contentHash(doc)).toBe(reference(doc));
			}),
			{ numRuns: 300 }
		);
	});
});
