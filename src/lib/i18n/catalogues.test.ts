import { describe, expect, it } from 'vitest';
import { guessLocale, LOCALES } from './locales';
import { nb, type Message } from './nb';
import { collatorFor } from './render';
import { catalogues, formatDays, translate } from './translate';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
const forms = (message: Message) => (typeof message === 'string' ? [message] : [message.one, message.other]);
const translations = LOCALES.filter((l) => l !== 'nb');

describe('the four catalogues', () => {
	it.each(LOCALES)('%s has every Bokmål key, no other key, and no empty text', (locale) => {
		const catalogue = catalogues[locale];
		expect(Object.keys(catalogue).sort()).toEqual(Object.keys(nb).sort());
		for (const [key, message] of Object.entries(catalogue)) {
			for (const text of forms(message)) expect(text.trim(), `${locale} ${key}`).not.toBe('');
		}
	});

	it.each(translations)('%s uses the same {placeholders} as Bokmål', (locale) => {
		const names = (text: string) => [...new Set(placeholders(text))].sort();
		const withoutCount = (list: string[]) => list.filter((p) => p !== 'count');
		for (const [key, source] of Object.entries(nb) as Array<[keyof typeof nb, Message]>) {
			const message = catalogues[locale][key];
			if (typeof source === 'string' || typeof message === 'string') {
				expect(names(forms(message).join(' ')), `${locale} ${key}`).toEqual(names(forms(source).join(' ')));
				continue;
			}
			expect(names(message.other), `${locale} ${key}.other`).toEqual(names(source.other));
			// The singular may spell the number out ("a day"), but keeps every other name.
			expect(withoutCount(names(message.one)), `${locale} ${key}.one`).toEqual(withoutCount(names(source.one)));
		}
	});

	it.each(translations)('%s has a plural form exactly where Bokmål has one', (locale) => {
		for (const [key, source] of Object.entries(nb) as Array<[keyof typeof nb, Message]>) {
			const message = catalogues[locale][key];
			expect(typeof message, `${locale} ${key}`).toBe(typeof source);
			if (typeof message !== 'string') {
				expect(message.one.trim(), `${locale} ${key}.one`).not.toBe('');
				expect(message.other.trim(), `${locale} ${key}.other`).not.toBe('');
			}
		}
	});

	it('is not a copy of Bokmål: most Swedish and English texts differ from it', () => {
		for (const locale of ['sv', 'en'] as const) {
			const same = Object.keys(nb).filter((k) => JSON.stringify(catalogues[locale][k as keyof typeof nb]) === JSON.stringify(nb[k as keyof typeof nb]));
			expect(same.length, `${locale}: ${same.join(', ')}`).toBeLessThan(Object.keys(nb).length / 10);
		}
	});
});

describe('words and numbers in each language', () => {
	it('writes days with the locale’s decimal mark and plural', () => {
		expect(formatDays('nb', 1.5)).toBe('1,5 dager');
		expect(formatDays('nn', 1.5)).toBe('1,5 dagar');
		expect(formatDays('sv', 1.5)).toBe('1,5 dagar');
		expect(formatDays('en', 1.5)).toBe('1.5 days');
		expect(formatDays('nn', 1)).toBe('1 dag');
		expect(formatDays('sv', 1)).toBe('1 dag');
		expect(formatDays('en', 1)).toBe('1 day');
	});

	it('words a domain refusal with its parameters in each language', () => {
		const params = { library: 'Hamar bibliotek' };
		expect(translate('nn', 'reject.request-taken', params)).toBe('Førespurnaden er alt avtalt med Hamar bibliotek.');
		expect(translate('sv', 'reject.request-taken', params)).toBe('Förfrågan är redan avtalad med Hamar bibliotek.');
		expect(translate('en', 'reject.request-taken', params)).toBe('The request has already been agreed with Hamar bibliotek.');
		expect(translate('en', 'reject.offer-too-few-days', { left: formatDays('en', 0.5) })).toBe('The offer has only 0.5 days left.');
	});

	it('has a refusal text for every rejection code, in every language', async () => {
		const source = await import('../domain/rejection?raw');
		const union = String(source.default).split('export type RejectionCode =')[1]!.split(';')[0]!;
		const codes = [...union.matchAll(/\| '([a-z-]+)'/g)].map((m) => m[1]!);
		expect(codes.length).toBeGreaterThan(20);
		for (const locale of LOCALES) for (const code of codes) expect(Object.keys(catalogues[locale])).toContain(`reject.${code}`);
	});

	it('sorts names in each alphabet', () => {
		const norwegian = ['Åmot', 'Øyer', 'Ærfjord', 'Zeta', 'Alvdal'];
		expect([...norwegian].sort(collatorFor('nb').compare)).toEqual(['Alvdal', 'Zeta', 'Ærfjord', 'Øyer', 'Åmot']);
		expect([...norwegian].sort(collatorFor('nn').compare)).toEqual(['Alvdal', 'Zeta', 'Ærfjord', 'Øyer', 'Åmot']);
		const swedish = ['Örebro', 'Ängelholm', 'Åmål', 'Zinkgruvan', 'Arvika'];
		expect([...swedish].sort(collatorFor('sv').compare)).toEqual(['Arvika', 'Zinkgruvan', 'Åmål', 'Ängelholm', 'Örebro']);
		expect(['Åmål', 'Zinkgruvan', 'Arvika'].sort(collatorFor('en').compare)).toEqual(['Åmål', 'Arvika', 'Zinkgruvan']);
	});
});

describe('the first guess from the browser', () => {
	it.each([
		[['nb-NO', 'en'], 'nb'],
		[['no'], 'nb'],
		[['nn-NO', 'nb'], 'nn'],
		[['sv-SE'], 'sv'],
		[['sv-FI', 'fi'], 'sv'],
		[['en-GB'], 'en'],
		[['de-DE', 'en-US'], 'en'],
		[['de-DE', 'fr'], 'nb'],
		[[], 'nb']
	] as const)('%j → %s', (languages, expected) => {
		expect(guessLocale(languages)).toBe(expected);
	});
});
