/**
 * The app's words in the user's language. Each catalogue is its own chunk, loaded by dynamic
 * import when chosen: a page ships only the language it shows (docs/i18n.md).
 */
import { skillName } from '$lib/domain/skills';
import { current } from './current.svelte';
import { DEFAULT_LOCALE, guessLocale, INTL_TAGS, isLocale, type Locale } from './locales';
import type { MessageKey, Messages } from './nb';
import { collatorFor, formatNumber, render, type Params } from './render';

export type { Locale } from './locales';
export type { MessageKey };

const loaders: Record<Locale, () => Promise<Messages>> = {
	nb: async () => (await import('./nb')).nb,
	nn: async () => (await import('./nn')).nn,
	sv: async () => (await import('./sv')).sv,
	en: async () => (await import('./en')).en
};

/** Remembered per device, not per account: the login page must already speak it. */
const STORAGE_KEY = 'byttebank.locale';

function remembered(): Locale | null {
	try {
		const value = localStorage.getItem(STORAGE_KEY);
		return isLocale(value) ? value : null;
	} catch {
		return null;
	}
}

export function locale(): Locale {
	return current.locale;
}

let latest = 0;

/** Loads the language's catalogue, then shows it; with `remember`, this device keeps it. */
export async function setLocale(next: Locale, remember = true): Promise<void> {
	const request = ++latest;
	const messages = await loaders[next]();
	// Two quick choices: the last one wins even if its catalogue arrives first.
	if (request !== latest) return;
	current.messages = messages;
	current.locale = next;
	document.documentElement.lang = next;
	if (!remember) return;
	try {
		localStorage.setItem(STORAGE_KEY, next);
	} catch {
		// Private mode or full storage: the choice holds for this visit only.
	}
}

/** Before the first page renders: the device's choice, else the browser's languages, else Bokmål. */
export async function startLocale(): Promise<void> {
	if (current.messages) return;
	const languages = navigator.languages?.length ? navigator.languages : [navigator.language ?? DEFAULT_LOCALE];
	await setLocale(remembered() ?? guessLocale(languages), false);
}

export function isMessageKey(key: string): key is MessageKey {
	return current.messages !== null && key in current.messages;
}

export function t(key: MessageKey, params?: Params): string {
	const message = current.messages?.[key];
	return message === undefined ? key : render(message, current.locale, params);
}

export function days(count: number): string {
	return t('overview.days', { count: Math.abs(count) });
}

export function skillLabel(id: string): string {
	return skillName(id, current.locale);
}

export function formatTime(ms: number): string {
	return new Intl.DateTimeFormat(INTL_TAGS[current.locale], { dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

export function formatDate(isoOrMs: string | number): string {
	return new Intl.DateTimeFormat(INTL_TAGS[current.locale], { dateStyle: 'medium' }).format(typeof isoOrMs === 'string' ? new Date(isoOrMs) : isoOrMs);
}

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
	return formatNumber(value, current.locale);
}

/** "+1,5 dager", "−2 dager", "0 dager": balances always show their sign. */
export function signedDays(count: number): string {
	return count > 0 ? `+${days(count)}` : count < 0 ? `−${days(count)}` : days(0);
}

/** Names in the reader's alphabet: æ ø å last in Norwegian, å ä ö last in Swedish. */
export function compareNames(a: string, b: string): number {
	return collatorFor(current.locale).compare(a, b);
}

/** A copy of `items` ordered by the name `nameOf` gives each, in the reader's alphabet. */
export function byName<T>(items: Iterable<T>, nameOf: (item: T) => string): T[] {
	return [...items].sort((a, b) => compareNames(nameOf(a), nameOf(b)));
}

/** The BCP 47 tag for Intl calls outside this module (byte sizes and the like). */
export function intlLocale(): string {
	return INTL_TAGS[current.locale];
}

/** "jan.", "feb." … for a "2026-01" month key. Mid-month at noon UTC: no zone shifts it. */
export function formatMonth(month: string): string {
	return new Intl.DateTimeFormat(INTL_TAGS[current.locale], { month: 'short', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}
