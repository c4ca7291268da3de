/** The app's words. Bokmål now; Nynorsk, Swedish and English slot in as catalogues. */
import type { MessageKey } from './nb';
import { formatDays, translate, type Locale, type Params } from './translate';

let locale: Locale = 'nb';

export function setLocale(next: Locale): void {
	locale = next;
	document.documentElement.lang = next;
}

export function t(key: MessageKey, params?: Params): string {
	return translate(locale, key, params);
}

export function days(count: number): string {
	return formatDays(locale, count);
}

export function formatTime(ms: number): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

export function formatDate(isoOrMs: string | number): string {
	return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(typeof isoOrMs === 'string' ? new Date(isoOrMs) : isoOrMs);
}

export type { MessageKey };
