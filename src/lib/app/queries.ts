/** Read-model look-ups that many pages share. They read; they never compute bank rules. */
import type { LibraryDoc } from '$lib/domain/directory';
import type { MatchLibrary } from '$lib/domain/matching';
import { byName } from '$lib/i18n';
import type { LibraryRow, MetaRow, PersonRow, ReadModel } from '$lib/store/read-model';

export function allLibraries(db: ReadModel): Promise<LibraryRow[]> {
	return db.libraries.toArray();
}

export async function librariesBySlug(db: ReadModel): Promise<Map<string, LibraryRow>> {
	const rows = await allLibraries(db);
	return new Map(rows.map((row) => [row.slug, row]));
}

export function forMatching(libraries: Map<string, LibraryRow>): Map<string, MatchLibrary> {
	return new Map([...libraries].map(([slug, l]) => [slug, { slug, lat: l.lat, lon: l.lon, balance: l.balance, active: l.active }]));
}

export function libraryName(libraries: Map<string, LibraryRow>, slug: string): string {
	return libraries.get(slug)?.name ?? slug;
}

export function libraryRowOf(db: ReadModel, slug: string): Promise<LibraryRow | undefined> {
	return db.libraries.where('slug').equals(slug).first();
}

/** The directory document behind a read-model row, ready to be edited and saved again. */
export function libraryDocOf(row: LibraryRow): Omit<LibraryDoc, 'updated'> {
	const { balance, committed, available, updated, ...doc } = row;
	void [balance, committed, available, updated];
	return doc;
}

/** A library's people, by name in the reader's alphabet (æ ø å, å ä ö), as its settings page lists them. */
export async function peopleOf(db: ReadModel, library: string): Promise<PersonRow[]> {
	return byName(await db.people.where('library').equals(library).toArray(), (p) => p.name);
}

/** What the fold was projected from, and the policy it holds. */
export function projectionMeta(db: ReadModel): Promise<MetaRow | undefined> {
	return db.meta.get('projection');
}
