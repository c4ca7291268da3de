/**
 * Every language at once, for code that runs outside a page (tests, the server's e-mails):
 * it imports all four catalogues, so browser code uses `$lib/i18n` (one catalogue, loaded on
 * demand) and never this file.
 */
import { en } from './en';
import type { Locale } from './locales';
import { nb, type MessageKey, type Messages } from './nb';
import { nn } from './nn';
import { render, type Params } from './render';
import { sv } from './sv';

export type { Locale } from './locales';
export { formatNumber, type Params } from './render';

export const catalogues: Record<Locale, Messages> = { nb, nn, sv, en };

export function translate(locale: Locale, key: MessageKey, params: Params = {}): string {
	const message = catalogues[locale][key] ?? nb[key];
	if (message === undefined) return key;
	return render(message, locale, params);
}

export function isMessageKey(key: string): key is MessageKey {
	return key in nb;
}

/** Days as words, e.g. "1,5 dager", "1 dag". */
export function formatDays(locale: Locale, days: number): string {
	return translate(locale, 'overview.days', { count: Math.abs(days) });
}
