/** The county as matching.ts takes it, from a notice rule's context: libraries with their balances, people with their skills. */
import { matchPeople, type MatchLibrary, type MatchPerson } from '../matching';
import type { Directory, NoticeContext } from './notice';

export function matchLibrariesOf({ state, directory }: Pick<NoticeContext, 'state' | 'directory'>): Map<string, MatchLibrary> {
	const out = new Map<string, MatchLibrary>();
	for (const [slug, doc] of directory.libraries) out.set(slug, { slug, lat: doc.lat, lon: doc.lon, active: doc.active, balance: state.balances.get(slug) ?? 0 });
	return out;
}

export function matchPeopleOf(directory: Directory): MatchPerson[] {
	return matchPeople(directory.people);
}
