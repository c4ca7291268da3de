/** What the library pages show: one library with its people, and the county's list of every library. */
import { DEFAULT_POLICY, type Policy } from '$lib/domain/policy';
import { compareNames } from '$lib/i18n';
import type { LibraryRow, PersonRow, ReadModel } from '$lib/store/read-model';
import { allLibraries, peopleOf, projectionMeta } from './queries';

export async function libraryWithPeople(db: ReadModel, slug: string): Promise<{ library?: LibraryRow; people: PersonRow[] }> {
	const [library, people] = await Promise.all([db.libraries.get(`library:${slug}`), peopleOf(db, slug)]);
	return { library, people };
}

/** The county's administration: every library by country, then name in the reader's alphabet, and the policy. */
export async function countyDirectory(db: ReadModel): Promise<{ libraries: LibraryRow[]; policy: Policy }> {
	const [libraries, meta] = await Promise.all([allLibraries(db), projectionMeta(db)]);
	return { libraries: libraries.sort((a, b) => a.country.localeCompare(b.country) || compareNames(a.name, b.name)), policy: meta?.policy ?? DEFAULT_POLICY };
}
