import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromCsv, toCsv } from './csv';

describe('CSV export', () => {
	it('gives back the same rows when parsed, whatever the text holds', () => {
		const cell = fc.oneof(fc.string(), fc.constantFrom('Sør-Odal; "hjelp"', 'linje\nto', '1,5', '  mellomrom  ', 'æøå ÆØÅ'));
		fc.assert(
			fc.property(fc.array(fc.record({ library: cell, note: cell, days: fc.integer({ min: -40, max: 40 }).map((n) => n / 2) }), { minLength: 1, maxLength: 20 }), (rows) => {
				const parsed = fromCsv(toCsv(rows, ['library', 'note', 'days']));
				expect(parsed).toEqual(rows.map((r) => ({ library: r.library, note: r.note, days: String(r.days) })));
			})
		);
	});
});
