/**
 * Who hears about what a library must do: its shared address when it has chosen one (so a
 * notice reaches the desk, not one person on holiday), otherwise every person there with an
 * e-mail address.
 */
import type { Directory, Recipient } from './notice';

export function libraryRecipients(directory: Directory, library: string): Recipient[] {
	const doc = directory.libraries.get(library);
	if (doc?.email) return [{ address: doc.email, name: doc.name, library }];
	return directory.people
		.filter((p) => p.library === library && p.email)
		.map((p) => ({ address: p.email!, name: p.name, library, person: p._id, ...(p.locale ? { locale: p.locale } : {}) }));
}

export function libraryName(directory: Directory, library: string): string {
	return directory.libraries.get(library)?.name ?? library;
}
