/**
 * What the exchanges page lists for a library: what waits, by kind, and its settled history,
 * last changed first, a page at a time (a library of some years has thousands).
 */
import { agendaFor, localToday, type Agenda } from '$lib/domain/agenda';
import type { Exchange } from '$lib/domain/state';
import type { LibraryRow, ReadModel } from '$lib/store/read-model';
import { forMatching, librariesBySlug } from './queries';

export interface ExchangeList {
	libraries: Map<string, LibraryRow>;
	agenda: Agenda;
	/** Declined, withdrawn, cancelled, released and completed ones, last changed first: the first `historyLines`. */
	history: Exchange[];
	historyTotal: number;
	total: number;
}

/** Past exchanges on the first page, and how many each "show older" adds. */
export const HISTORY_PAGE = 50;

export async function exchangeListOf(db: ReadModel, me: string, historyLines = HISTORY_PAGE): Promise<ExchangeList> {
	const [libraries, asProvider, asHost] = await Promise.all([librariesBySlug(db), db.exchanges.where('provider').equals(me).toArray(), db.exchanges.where('host').equals(me).toArray()]);
	const exchanges = [...asProvider, ...asHost];
	const agenda = agendaFor({ library: me, today: localToday(), exchanges, requests: [], offerGroups: [], people: [], libraries: forMatching(libraries) });
	const history = exchanges.filter((e) => e.status !== 'proposed' && e.status !== 'accepted').sort((a, b) => (a.updated < b.updated ? 1 : -1));
	return { libraries, agenda, history: history.slice(0, historyLines), historyTotal: history.length, total: exchanges.length };
}
