/**
 * The language on screen, as Svelte state: every `t()` in a template reads it, so switching
 * language redraws the page in place without a reload or lost form input.
 */
import { DEFAULT_LOCALE, type Locale } from './locales';
import type { Messages } from './nb';

class CurrentLanguage {
	locale = $state<Locale>(DEFAULT_LOCALE);
	// Raw: a catalogue is replaced whole, never edited, so it needs no deep proxy.
	messages = $state.raw<Messages | null>(null);
}

export const current = new CurrentLanguage();
