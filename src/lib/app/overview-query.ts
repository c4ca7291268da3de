/** What the overview shows a library: its balance, what waits for it, its latest statement lines. */
import { agendaFor, localToday } from '$lib/domain/agenda';
import type { ReadModel } from '$lib/store/read-model';
import { forMatching, librariesBySlug } from './queries';

export async function overviewOf(db: ReadModel, slug: string) {
	const [bySlug, meta, entries, openOffers, openRequests, asProvider, asHost, myRequests, offers, people] = await Promise.all([
		librariesBySlug(db),
		db.meta.get('projection'),
		db.entries.where('library').equals(slug).toArray(),
		db.offers.where('status').equals('open').count(),
		db.requests.where('status').equals('open').count(),
		db.exchanges.where('provider').equals(slug).toArray(),
		db.exchanges.where('host').equals(slug).toArray(),
		db.requests.where('library').equals(slug).toArray(),
		db.offers.where('status').equals('open').toArray(),
		db.people.toArray()
	]);
	const names = new Map([...bySlug.values()].map((l) => [l.slug, l.name]));
	const statement = entries.sort((a, b) => (a.tx < b.tx ? 1 : -1)).slice(0, 12);
	const agenda = agendaFor({
		library: slug,
		today: localToday(),
		exchanges: [...asProvider, ...asHost],
		requests: myRequests,
		offers,
		people: people.map((p) => ({ id: p._id, library: p.library, skills: p.skills })),
		libraries: forMatching(bySlug)
	});
	return { library: bySlug.get(slug), names, meta, statement, openOffers, openRequests, agenda };
}
