/** Turns a message key and parameters into the user's words. Pure: no Svelte, no DOM. */
import { nb, type Message, type MessageKey, type Messages } from './nb';

export type Locale = 'nb';
export type Params = Record<string, string | number>;

const catalogues: Record<Locale, Messages> = { nb };

function interpolate(text: string, params: Params, locale: Locale): string {
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const value = params[name];
		if (value === undefined) return whole;
		return typeof value === 'number' ? formatNumber(value, locale) : value;
	});
}

export function formatNumber(value: number, locale: Locale = 'nb'): string {
	return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
	const message: Message | undefined = catalogues[locale][key] ?? nb[key];
	if (message === undefined) return key;
	if (typeof message === 'string') return interpolate(message, params, locale);
	const count = typeof params.count === 'number' ? params.count : 0;
	const form = new Intl.PluralRules(locale).select(count) === 'one' ? message.one : message.other;
	return interpolate(form, params, locale);
}

export function isMessageKey(key: string): key is MessageKey {
	return key in nb;
}

/** Days as words, e.g. "1,5 dager", "1 dag". */
export function formatDays(locale: Locale, days: number): string {
	return translate(locale, 'overview.days', { count: Math.abs(days) });
}
