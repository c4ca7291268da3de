/** What the overview shows a library: its balance, what waits for it, its latest statement lines. */
import Dexie from 'dexie';
import { agendaFor, localToday } from '$lib/domain/agenda';
import type { ReadModel } from '$lib/store/read-model';
import { forMatching, librariesBySlug } from './queries';

/** The newest lines shown; the full statement is a page of its own. */
const STATEMENT_LINES = 12;

export async function overviewOf(db: ReadModel, slug: string) {
	const [bySlug, meta, entries, openOffers, openRequests, asProvider, asHost, myRequests, offers, people] = await Promise.all([
		librariesBySlug(db),
		db.meta.get('projection'),
		db.entries.where('[library+tx]').between([slug, Dexie.minKey], [slug, Dexie.maxKey]).reverse().limit(STATEMENT_LINES).toArray(),
		db.offers.where('status').equals('open').count(),
		db.requests.where('status').equals('open').count(),
		db.exchanges.where('provider').equals(slug).toArray(),
		db.exchanges.where('host').equals(slug).toArray(),
		db.requests.where('library').equals(slug).toArray(),
		db.offers.where('status').equals('open').toArray(),
		db.people.toArray()
	]);
	const names = new Map([...bySlug.values()].map((l) => [l.slug, l.name]));
	const statement = entries;
	const agenda = agendaFor({
		library: slug,
		today: localToday(),
		now: Date.now(),
		exchanges: [...asProvider, ...asHost],
		requests: myRequests,
		offers,
		people: people.map((p) => ({ id: p._id, library: p.library, skills: p.skills })),
		libraries: forMatching(bySlug)
	});
	return { library: bySlug.get(slug), names, meta, statement, openOffers, openRequests, agenda };
}
