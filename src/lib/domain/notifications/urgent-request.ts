/**
 * An urgent request reaches, at once, the people elsewhere whose skills fit it and who could
 * get there in a day: the same matching the request's page shows (matching.ts), person by
 * person, so a library hears only through the colleagues who could actually come.
 */
import { transactionTime } from '../ids';
import { suggestionsForRequest } from '../matching';
import type { Request } from '../state';
import { localDate } from './local-time';
import { matchLibrariesOf, matchPeopleOf } from './matching-inputs';
import { noticeKey, type Notice, type NoticeContext } from './notice';
import { libraryName, personRecipient } from './recipients';

/** A long day's return trip (matching.ts gives distance no weight beyond this either). */
export const URGENT_REACH_KM = 300;

function stillNeeded(request: Request, today: string): boolean {
	return request.status === 'open' && request.urgency === 'urgent' && (request.dates.length === 0 || request.dates.some((d) => d.to >= today));
}

export function urgentRequestNotices({ state, directory, now, timeZone }: NoticeContext): Notice[] {
	const today = localDate(now, timeZone);
	const libraries = matchLibrariesOf({ state, directory });
	const people = matchPeopleOf(directory);
	const byId = new Map(directory.people.map((p) => [p._id, p]));
	const out: Notice[] = [];
	for (const request of state.requests.values()) {
		if (!stillNeeded(request, today)) continue;
		for (const match of suggestionsForRequest(request, [], people, libraries)) {
			const person = byId.get(match.id);
			if (match.kind !== 'person' || match.km > URGENT_REACH_KM || !person?.email) continue;
			out.push({
				key: noticeKey('urgent-request', request.id, person.email),
				kind: 'urgent-request',
				to: personRecipient({ ...person, email: person.email }),
				urgency: 'urgent',
				link: `/requests/${request.id}`,
				params: {
					host: libraryName(directory, request.library),
					description: request.description,
					days: request.days,
					from: request.dates[0]?.from ?? '',
					to: request.dates[0]?.to ?? '',
					km: match.km
				},
				at: transactionTime(request.id)
			});
		}
	}
	return out;
}
