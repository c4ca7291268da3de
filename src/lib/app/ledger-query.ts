/**
 * A library's statement, newest lines first, a page at a time: read by the `[library+tx]`
 * index, so a library with thousands of lines opens its statement as fast as one with ten.
 */
import Dexie from 'dexie';
import type { ReadModel } from '$lib/store/read-model';
import { librariesBySlug } from './queries';

/** Lines on the first page, and lines each "show older" adds. */
export const STATEMENT_PAGE = 100;

export async function statementOf(db: ReadModel, slug: string, lines: number) {
	const ofLibrary = db.entries.where('[library+tx]').between([slug, Dexie.minKey], [slug, Dexie.maxKey]);
	const [libraries, entries, total] = await Promise.all([librariesBySlug(db), ofLibrary.clone().reverse().limit(lines).toArray(), ofLibrary.count()]);
	return { libraries, entries, total };
}
