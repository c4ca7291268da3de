/**
 * What the notifier knows of a library's addresses, for its settings page: which bounced (and
 * why) and which unsubscribed, so a librarian can correct an address instead of wondering why
 * a colleague hears nothing. Each library sees only its own people's addresses and its shared
 * one; the county sees every library's.
 */
import { COUNTY_ROLE, LIBRARY_ROLE_PREFIX } from '../../src/lib/domain/membership';
import type { AddressStatus } from '../../src/lib/domain/notifications/address-status';
import type { Directory } from '../../src/lib/domain/notifications/notice';
import type { NotifierMemory } from './notifier-store';

/** The libraries a CouchDB user may see the addresses of: its own, or all for the county. */
export function librariesOf(roles: readonly string[]): { all: boolean; own: string[] } {
	return { all: roles.includes(COUNTY_ROLE) || roles.includes('_admin'), own: roles.filter((r) => r.startsWith(LIBRARY_ROLE_PREFIX)).map((r) => r.slice(LIBRARY_ROLE_PREFIX.length)) };
}

export function deliveryStatus(memory: NotifierMemory, directory: Directory, roles: readonly string[]): AddressStatus[] {
	const { all, own } = librariesOf(roles);
	const visible = (library: string) => all || own.includes(library);
	const addresses: Array<Omit<AddressStatus, 'bounced' | 'unsubscribed'>> = [];
	for (const [slug, library] of directory.libraries) if (library.email && visible(slug)) addresses.push({ address: library.email, library: slug });
	for (const person of directory.people) if (person.email && visible(person.library)) addresses.push({ address: person.email, library: person.library, person: person._id });
	const out: AddressStatus[] = [];
	for (const entry of addresses) {
		const key = entry.address.toLowerCase();
		const bounced = memory.bounced[key];
		const unsubscribed = memory.unsubscribed[key];
		if (bounced || unsubscribed) out.push({ ...entry, ...(bounced ? { bounced } : {}), ...(unsubscribed ? { unsubscribed } : {}) });
	}
	return out;
}
