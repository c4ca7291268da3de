/**
 * Turns a message from a catalogue into the user's words: `{name}` parameters filled in,
 * numbers written the locale's way, `{one, other}` plurals chosen by Intl.PluralRules.
 * Pure and catalogue-free, so the browser and the server share it without either pulling
 * in languages it does not show.
 */
import { INTL_TAGS, type Locale } from './locales';
import type { Message } from './nb';

export type Params = Record<string, string | number>;

export function formatNumber(value: number, locale: Locale = 'nb'): string {
	return new Intl.NumberFormat(INTL_TAGS[locale], { maximumFractionDigits: 2 }).format(value);
}

function interpolate(text: string, params: Params, locale: Locale): string {
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === 'number' ? formatNumber(value, locale) : value;
	});
}

export function render(message: Message, locale: Locale, params: Params = {}): string {
	if (typeof message === 'string') return interpolate(message, params, locale);
	const count = typeof params.count === 'number' ? params.count : 0;
	const form = new Intl.PluralRules(INTL_TAGS[locale]).select(count) === 'one' ? message.one : message.other;
	return interpolate(form, params, locale);
}

const collators = new Map<Locale, Intl.Collator>();

/** Compares names in the locale's alphabet: æ ø å after z in Norwegian, å ä ö in Swedish. */
export function collatorFor(locale: Locale): Intl.Collator {
	let collator = collators.get(locale);
	if (!collator) {
		collator = new Intl.Collator(INTL_TAGS[locale], { sensitivity: 'base', numeric: true });
		collators.set(locale, collator);
	}
	return collator;
}
