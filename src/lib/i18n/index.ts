/** The app's words. Bokmål now; Nynorsk, Swedish and English slot in as catalogues. */
import type { MessageKey } from './nb';
import { formatDays, formatNumber, translate, type Locale, type Params } from './translate';

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

/** "35 km · ca. 30 min" for a travel estimate. */
export function distance(km: number, minutes: number): string {
	if (km === 0) return t('distance.here');
	const time = minutes < 60 ? t('time.minutes', { count: minutes }) : t('time.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
	return t('distance.kmTime', { km, time });
}

export function dateRange(window: { from: string; to: string }): string {
	return window.from === window.to ? formatDate(window.from) : `${formatDate(window.from)} – ${formatDate(window.to)}`;
}

export function number(value: number): string {
	return formatNumber(value, locale);
}

/** "+1,5 dager", "−2 dager", "0 dager": balances always show their sign. */
export function signedDays(count: number): string {
	return count > 0 ? `+${days(count)}` : count < 0 ? `−${days(count)}` : days(0);
}
