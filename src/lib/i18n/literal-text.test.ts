import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiteralText } from './literal-text';

const root = join(import.meta.dirname, '..', '..', '..');
const svelteFiles = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
	.filter((f) => f.endsWith('.svelte'))
	.map((f) => join(root, 'src', f));

describe('no user-visible words outside the catalogue', () => {
	it('finds a word typed into a template, and passes one from t()', () => {
		const found = findLiteralText('<script>let x = 1;</script><p>Lagre {x}</p><img alt="Logo" src="a.png" /><button aria-label={t("form.save")} title={x ? "Ja" : t("a")}>{t("form.save")}</button><style>p{color:red}</style>');
		expect(found.map((f) => f.text)).toEqual(['Lagre', 'Logo', 'Ja']);
	});

	it('lets through the product name, symbols and attributes no one reads', () => {
		expect(findLiteralText('<h1 class="brand" data-testid="name">Byttebank</h1><span>– · ●</span><a href="/offers">{t("nav.offers")}</a>')).toEqual([]);
	});

	it(`holds in every .svelte file under src (${svelteFiles.length})`, () => {
		expect(svelteFiles.length).toBeGreaterThan(30);
		const violations = svelteFiles.flatMap((file) => findLiteralText(readFileSync(file, 'utf8')).map((v) => `${relative(root, file)}:${v.line} ${v.where} "${v.text}"`));
		expect(violations).toEqual([]);
	});
});
