/**
 * A library's statement, newest lines first, a page at a time: read by the `[library+tx]`
 * index, so a library with thousands of lines opens its statement as fast as one with ten.
 */
import Dexie from 'dexie';
import type { EntryRow, ReadModel } from '$lib/store/read-model';
import { librariesBySlug } from './queries';

/** Lines on the first page, and lines each "show older" adds. */
export const STATEMENT_PAGE = 100;

const linesOf = (db: ReadModel, slug: string) => db.entries.where('[library+tx]').between([slug, Dexie.minKey], [slug, Dexie.maxKey]);

/** A library's newest `lines` statement lines, newest first (the overview shows a few). */
export function newestLines(db: ReadModel, slug: string, lines: number): Promise<EntryRow[]> {
	return linesOf(db, slug).reverse().limit(lines).toArray();
}

export async function statementOf(db: ReadModel, slug: string, lines: number) {
	const [libraries, entries, total] = await Promise.all([librariesBySlug(db), newestLines(db, slug, lines), linesOf(db, slug).count()]);
	return { libraries, entries, total };
}
