import { describe, expect, it } from 'vitest';
import { formatDays, translate } from './translate';

describe('translate', () => {
	it('fills in parameters', () => {
		expect(translate('nb', 'reject.request-taken', { library: 'Hamar bibliotek' })).toBe('Forespørselen er allerede avtalt med Hamar bibliotek.');
	});

	it('picks the plural form and writes numbers the Norwegian way', () => {
		expect(formatDays('nb', 1)).toBe('1 dag');
		expect(formatDays('nb', 1.5)).toBe('1,5 dager');
		expect(formatDays('nb', -3)).toBe('3 dager');
		expect(translate('nb', 'sync.pending', { count: 2 })).toBe('2 endringer venter på å bli sendt');
	});

	it('has a message for every rejection code the fold can give', async () => {
		const source = await import('../domain/rejection?raw');
		const union = String(source.default).split('export type RejectionCode =')[1]!.split(';')[0]!;
		const codes = [...union.matchAll(/\| '([a-z-]+)'/g)].map((m) => m[1]!);
		expect(codes.length).toBeGreaterThan(20);
		for (const code of codes) expect(translate('nb', `reject.${code}` as never)).not.toBe(`reject.${code}`);
	});
});
