/**
 * What the overview shows a library, in two queries: its balance, counts and newest statement
 * lines, which are small reads by index; and what waits for it (the agenda), which reads its
 * live exchanges (agendaParties), its open requests, the open offers in groups and every
 * person. Two queries, so a warm start on a large county draws the balance without waiting for
 * the agenda's reads.
 */
import { agendaFor, localToday } from '$lib/domain/agenda';
import { matchPeople } from '$lib/domain/matching';
import type { ReadModel } from '$lib/store/read-model';
import { newestLines } from './ledger-query';
import { forMatching, librariesBySlug, projectionMeta } from './queries';

/** The newest lines shown; the full statement is a page of its own. */
const STATEMENT_LINES = 12;

export async function overviewOf(db: ReadModel, slug: string) {
	const [bySlug, meta, entries, openOffers, openRequests] = await Promise.all([
		librariesBySlug(db),
		projectionMeta(db),
		newestLines(db, slug, STATEMENT_LINES),
		db.offers.where('status').equals('open').count(),
		db.requests.where('status').equals('open').count()
	]);
	const names = new Map([...bySlug.values()].map((l) => [l.slug, l.name]));
	return { library: bySlug.get(slug), names, meta, statement: entries, openOffers, openRequests };
}

export async function overviewAgendaOf(db: ReadModel, slug: string) {
	const [bySlug, exchanges, myRequests, offerGroups, people] = await Promise.all([
		librariesBySlug(db),
		db.exchanges.where('agendaOf').equals(slug).toArray(),
		db.requests.where('[library+status]').equals([slug, 'open']).toArray(),
		db.offerGroups.toArray(),
		db.people.toArray()
	]);
	return agendaFor({
		library: slug,
		today: localToday(),
		now: Date.now(),
		exchanges,
		requests: myRequests,
		offerGroups,
		people: matchPeople(people),
		libraries: forMatching(bySlug)
	});
}
