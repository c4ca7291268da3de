/** The visit reports every library wrote, newest first, with the exchange each is about. */
import type { Exchange, VisitReport } from '$lib/domain/state';
import type { LibraryRow, ReadModel } from '$lib/store/read-model';
import { librariesBySlug } from './queries';

export async function reportFeed(db: ReadModel): Promise<{ libraries: Map<string, LibraryRow>; feed: Array<{ exchange: Exchange; report: VisitReport }> }> {
	const [libraries, completed] = await Promise.all([librariesBySlug(db), db.exchanges.where('status').equals('completed').toArray()]);
	const feed = completed.flatMap((exchange) => exchange.reports.map((report) => ({ exchange, report }))).sort((a, b) => (a.report.tx < b.report.tx ? 1 : -1));
	return { libraries, feed };
}
