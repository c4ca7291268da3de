import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '$lib/i18n/locales';
import { fromCsv, toCsv } from './csv';
import { ledgerCsv, travelCsv, type CountyData } from './county-data';

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

	it('gives back the same rows under a header row in the reader\'s language', () => {
		const rows = [{ library: 'Tolga bibliotek', days: 1.5 }];
		expect(fromCsv(toCsv(rows, ['library', 'days'], ['Bibliothek', 'Tage']))).toEqual([{ Bibliothek: 'Tolga bibliotek', Tage: '1.5' }]);
	});

	it('writes the county\'s files with headers and yes/no in each of the four languages', () => {
		const data = {
			libraries: new Map([['tolga', { name: 'Tolga bibliotek' }], ['os', { name: 'Os bibliotek' }]]),
			entries: [],
			report: { travel: [{ completedAt: '2026-03-02', library: 'os', host: 'tolga', km: 60, tolls: 0, meals: 0, amount: 270, paid: true, exchange: 'x' }] }
		} as unknown as CountyData;
		const headers = (text: string) => text.split('\r\n')[0];
		expect(headers(ledgerCsv(data, 'nb'))).toBe('Dato;Bibliotek;Motpart;Type;Dager;Saldo;Bytte');
		expect(headers(ledgerCsv(data, 'en'))).toBe('Date;Library;Counterparty;Kind;Days;Balance;Exchange');
		expect(new Set(LOCALES.map((l) => headers(travelCsv(data, l)))).size).toBe(4);
		expect(fromCsv(travelCsv(data, 'sv'))[0]).toMatchObject({ Bibliotek: 'Os bibliotek', Värdbibliotek: 'Tolga bibliotek', Utbetald: 'ja' });
		expect(fromCsv(travelCsv(data, 'en'))[0]).toMatchObject({ Paid: 'yes', 'Amount (NOK)': '270' });
	});
});
