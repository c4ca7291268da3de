/** The four languages, and the first guess from what the browser says the user reads. */
export const LOCALES = ['nb', 'nn', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'nb';

/** Each language's own name: a picker lists them as their readers know them. */
export const LOCALE_NAMES: Record<Locale, string> = { nb: 'Norsk bokmål', nn: 'Norsk nynorsk', sv: 'Svenska', en: 'English' };

/**
 * The tag handed to Intl. English means British conventions (3 Dec 2026, 24-hour clock): the
 * readers are Scandinavian library staff, not Americans.
 */
export const INTL_TAGS: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', sv: 'sv-SE', en: 'en-GB' };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first language in the browser's list that we speak. "no" (and "nb"/"nn") are Norwegian:
 * Nynorsk only when asked for by name, since "no" in practice means Bokmål.
 */
export function guessLocale(languages: readonly string[]): Locale {
	for (const tag of languages) {
		const primary = tag.toLowerCase().split(/[-_]/)[0];
		if (primary === 'nn') return 'nn';
		if (primary === 'nb' || primary === 'no') return 'nb';
		if (primary === 'sv') return 'sv';
		if (primary === 'en') return 'en';
	}
	return DEFAULT_LOCALE;
}
