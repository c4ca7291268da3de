/**
 * What a person chose for a notice: at once, kept for the weekly digest, or never. Preferences
 * are a person's: a notice to a library's shared address (the desk, not one person) always goes
 * at once, and so do the digest and the summary themselves, which are what "digest" means.
 */
import type { DeliveryChoice } from '../directory';
import type { Directory, Notice } from './notice';

export function deliveryOf(notice: Notice, directory: Directory): DeliveryChoice {
	if (notice.kind === 'weekly-digest' || notice.kind === 'monthly-summary') return 'now';
	const id = notice.to.person;
	if (!id) return 'now';
	const person = directory.people.find((p) => p._id === id);
	return person?.notify?.[notice.kind] ?? 'now';
}

/** The choices the settings page offers, in the order it lists them. */
export const OFFERED_CHOICES: readonly DeliveryChoice[] = ['now', 'digest', 'never'];
