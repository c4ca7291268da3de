/** What the exchanges page lists for a library: what waits, by kind, and its settled history, newest first. */
import { agendaFor, localToday, type Agenda } from '$lib/domain/agenda';
import type { Exchange } from '$lib/domain/state';
import type { LibraryRow, ReadModel } from '$lib/store/read-model';
import { forMatching, librariesBySlug } from './queries';

export interface ExchangeList {
	libraries: Map<string, LibraryRow>;
	agenda: Agenda;
	/** Declined, withdrawn, cancelled, released and completed ones, last changed first. */
	history: Exchange[];
	total: number;
}

export async function exchangeListOf(db: ReadModel, me: string): Promise<ExchangeList> {
	const [libraries, asProvider, asHost] = await Promise.all([librariesBySlug(db), db.exchanges.where('provider').equals(me).toArray(), db.exchanges.where('host').equals(me).toArray()]);
	const exchanges = [...asProvider, ...asHost];
	const agenda = agendaFor({ library: me, today: localToday(), exchanges, requests: [], offers: [], people: [], libraries: forMatching(libraries) });
	const history = exchanges.filter((e) => e.status !== 'proposed' && e.status !== 'accepted').sort((a, b) => (a.updated < b.updated ? 1 : -1));
	return { libraries, agenda, history, total: exchanges.length };
}
