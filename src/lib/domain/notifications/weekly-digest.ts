/**
 * The weekly digest: on Monday, each library hears what the last week brought that fits it
 * (requests its people could help with, offers from libraries within reach) and what waits for
 * it (the overview's agenda, counted), with its balance. It goes to the library's recipients
 * and to each of its people who chose to gather notices there; the worker adds those held
 * notices when it sends (they are its memory, not the bank's state).
 */
import { agendaFor } from '../agenda';
import { roadKm } from '../geo';
import { transactionTime } from '../ids';
import { suggestionsForRequest, type MatchLibrary, type MatchPerson } from '../matching';
import { datesHavePassed } from '../past-dates';
import type { PersonDoc } from '../directory';
import type { Offer, Request } from '../state';
import type { DateWindow } from '../transactions';
import { addDays, localDate } from './local-time';
import { matchLibrariesOf, matchPeopleOf } from './matching-inputs';
import { noticeKey, type Directory, type Notice, type NoticeContext, type Recipient } from './notice';
import { libraryName, libraryRecipients, personRecipient } from './recipients';

/** Enough to act on in one reading; the boards hold the rest. */
export const DIGEST_ITEMS = 8;

export interface DigestItem {
	library: string;
	description: string;
	days: number;
	link: string;
}

export interface WeeklyDigest {
	/** The Monday the digest is for (YYYY-MM-DD); it covers the seven days before it. */
	week: string;
	requests: DigestItem[];
	offers: DigestItem[];
	toAnswer: number;
	toConfirm: number;
	reports: number;
	collisions: number;
	balance: number;
}

/** The Monday of the local week a date falls in. */
export function mondayOf(isoDate: string): string {
	const weekday = new Date(`${isoDate}T00:00:00Z`).getUTCDay();
	return addDays(isoDate, -((weekday + 6) % 7));
}

/** Whether there is anything to tell: an empty digest is not sent (unless it carries held notices). */
export function digestHasNews(d: WeeklyDigest): boolean {
	return d.requests.length + d.offers.length + d.toAnswer + d.toConfirm + d.reports + d.collisions > 0 || d.balance < 0;
}

interface Fresh {
	requests: Request[];
	offers: Offer[];
}

/** What was posted in the seven days before `week` and can still be taken up: the same for every library. */
function freshItems(context: NoticeContext, week: string): Fresh {
	const { state, directory, timeZone } = context;
	const from = addDays(week, -7);
	const today = localDate(context.now, timeZone);
	const fresh = (x: { id: string; library: string; dates: DateWindow[] }) => {
		const day = localDate(transactionTime(x.id), timeZone);
		return day >= from && day < week && directory.libraries.get(x.library)?.active !== false && !datesHavePassed(x.dates, today);
	};
	const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
	return {
		requests: [...state.requests.values()].filter((r) => r.status === 'open' && fresh(r)).sort(byId),
		offers: [...state.offers.values()].filter((o) => o.status === 'open' && fresh(o)).sort(byId)
	};
}

function digestFor(context: NoticeContext, library: string, week: string, fresh: Fresh, libraries: Map<string, MatchLibrary>, people: MatchPerson[]): WeeklyDigest {
	const { state, directory } = context;
	const item = (x: Offer | Request, path: string): DigestItem => ({ library: libraryName(directory, x.library), description: x.description, days: x.days, link: `/${path}/${x.id}` });
	const own = people.filter((p) => p.library === library);
	const here = libraries.get(library);
	const within = (offer: Offer) => {
		const provider = libraries.get(offer.library);
		return !here || !provider || offer.maxTravelKm === undefined || roadKm(here, provider) <= offer.maxTravelKm;
	};
	const requests = fresh.requests.filter((r) => r.library !== library && suggestionsForRequest(r, [], own, libraries).length > 0);
	const offers = fresh.offers.filter((o) => o.library !== library && within(o));
	const agenda = agendaFor({ library, today: localDate(context.now, context.timeZone), now: context.now, exchanges: [...state.exchanges.values()], requests: [], offerGroups: [], people: [], libraries });
	return {
		week,
		requests: requests.slice(0, DIGEST_ITEMS).map((r) => item(r, 'requests')),
		offers: offers.slice(0, DIGEST_ITEMS).map((o) => item(o, 'offers')),
		toAnswer: agenda.toAnswer.length,
		toConfirm: agenda.toConfirm.length,
		reports: agenda.reportsToWrite.length,
		collisions: agenda.collisions.length,
		balance: state.balances.get(library) ?? 0
	};
}

/** The library's recipients, and each of its people who gathers some kind of notice in the digest. */
function digestRecipients(directory: Directory, library: string): Recipient[] {
	const out = new Map<string, Recipient>();
	for (const to of libraryRecipients(directory, library)) out.set(to.address.toLowerCase(), to);
	for (const person of directory.people) {
		if (person.library !== library || !person.email || !Object.values(person.notify ?? {}).includes('digest')) continue;
		const to = personRecipient(person as PersonDoc & { email: string });
		if (!out.has(to.address.toLowerCase())) out.set(to.address.toLowerCase(), to);
	}
	return [...out.values()];
}

export function weeklyDigestNotices(context: NoticeContext): Notice[] {
	const week = mondayOf(localDate(context.now, context.timeZone));
	const libraries = matchLibrariesOf(context);
	const fresh = freshItems(context, week);
	const people = matchPeopleOf(context.directory);
	const out: Notice[] = [];
	for (const [library, doc] of context.directory.libraries) {
		// The county's own library hears the monthly summary instead.
		if (!doc.active || doc.county) continue;
		const recipients = digestRecipients(context.directory, library);
		if (recipients.length === 0) continue;
		const digest = digestFor(context, library, week, fresh, libraries, people);
		for (const to of recipients) {
			out.push({
				key: noticeKey('weekly-digest', `${library}:${week}`, to.address),
				kind: 'weekly-digest',
				to,
				urgency: 'normal',
				link: '/',
				params: { library: doc.name },
				digest,
				at: Date.parse(`${week}T00:00:00Z`)
			});
		}
	}
	return out;
}
