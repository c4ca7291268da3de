/**
 * Who hears about what a library must do: its shared address when it has chosen one (so a
 * notice reaches the desk, not one person on holiday), otherwise every person there with an
 * e-mail address.
 */
import type { PersonDoc } from '../directory';
import type { Directory, Recipient } from './notice';

/** One person as a recipient, written to in the language they chose for their e-mails. */
export function personRecipient(person: PersonDoc & { email: string }): Recipient {
	return { address: person.email, name: person.name, library: person.library, person: person._id, ...(person.locale ? { locale: person.locale } : {}) };
}

export function libraryRecipients(directory: Directory, library: string): Recipient[] {
	const doc = directory.libraries.get(library);
	if (doc?.email) return [{ address: doc.email, name: doc.name, library }];
	return directory.people
		.filter((p): p is PersonDoc & { email: string } => p.library === library && Boolean(p.email))
		.map(personRecipient);
}

export function libraryName(directory: Directory, library: string): string {
	return directory.libraries.get(library)?.name ?? library;
}
