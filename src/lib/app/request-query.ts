/** What the request page shows: the request, its answers, and for the host, suggestions. */
import type { Rejection } from '$lib/domain/rejection';
import type { Exchange, Offer, Request } from '$lib/domain/state';
import type { LibraryRow, PersonRow, ReadModel } from '$lib/store/read-model';
import { librariesBySlug } from './queries';

export interface RequestView {
	request?: Request;
	mine: boolean;
	libraries: Map<string, LibraryRow>;
	/** Every answer from another library, agreed or not, oldest first. */
	answers: Exchange[];
	/** This library's own answer, if it gave one. */
	myAnswer?: Exchange;
	filledBy?: Exchange;
	/** For the host's suggestions: open offers and people. */
	offers: Offer[];
	people: PersonRow[];
	rejected: Rejection[];
}

export async function requestView(db: ReadModel, id: string, me: string): Promise<RequestView> {
	const request = await db.requests.get(id);
	const mine = request?.library === me;
	const [libraries, offers, people, rejected, fromHost] = await Promise.all([
		librariesBySlug(db),
		mine ? db.offers.where('status').equals('open').toArray() : Promise.resolve([]),
		mine ? db.people.toArray() : Promise.resolve([]),
		db.rejected.where('target').equals(id).toArray(),
		request ? db.exchanges.where('host').equals(request.library).toArray() : Promise.resolve([])
	]);
	const answers = fromHost.filter((e) => 'request' in e.source && e.source.request === id).sort((a, b) => (a.id < b.id ? -1 : 1));
	return {
		request,
		mine,
		libraries,
		answers,
		myAnswer: answers.filter((e) => e.provider === me).pop(),
		filledBy: answers.find((e) => e.id === request?.filledBy),
		offers,
		people,
		rejected: rejected.filter((r) => r.by === me)
	};
}
