/**
 * One polite live region for the whole app, present from the first paint: a region inserted
 * together with its text is often not read at all, so status words go through this one.
 */
class Announcer {
	message = $state('');
	#serial = 0;

	/** Says `text` once; saying the same words twice in a row is still heard the second time. */
	say(text: string): void {
		if (!text) return;
		const serial = ++this.#serial;
		this.message = '';
		// A tick with the region empty makes screen readers treat the repeat as new content.
		queueMicrotask(() => {
			if (serial === this.#serial) this.message = text;
		});
	}
}

export const announcer = new Announcer();

/** Hands `text` back after saying it, so `refused = announced(words)` shows and speaks at once. */
export function announced(text: string): string {
	announcer.say(text);
	return text;
}
