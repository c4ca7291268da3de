/**
 * What waits for a library, so the bank runs itself: agreements that collided, proposals to
 * answer, visits past their date to confirm, its requests that have matches, reports to write,
 * days it owes.
 */
import { hasLapsed } from './lapse';
import { counterpartyOf, isParty, mustAnswer } from './parties';
import { suggestionCounter, type MatchLibrary, type MatchPerson } from './matching';
import type { OfferGroup } from './offer-groups';
import type { Exchange, Request } from './state';

export interface AgendaInput {
	library: string;
	/** Today as YYYY-MM-DD in the user's time zone. */
	today: string;
	/** Now (ms), for proposals that have lapsed (lapse.ts); without it none has. */
	now?: number;
	exchanges: Exchange[];
	requests: Request[];
	/** The county's open offers, grouped (openOfferGroups). */
	offerGroups: OfferGroup[];
	people: MatchPerson[];
	libraries: Map<string, MatchLibrary>;
}

export interface Agenda {
	/** Its agreements that collide with another (collisions.ts): both parties see them first. */
	collisions: Exchange[];
	toAnswer: Exchange[];
	waitingForOthers: Exchange[];
	/** Proposals either side made or must answer that nobody answered in time: shown, not asked for. */
	lapsed: Exchange[];
	toConfirm: Exchange[];
	upcoming: Exchange[];
	/** The first of its open requests that have suggestions (urgent, then soonest), at most AGENDA_REQUESTS_NAMED. */
	requestsWithMatches: Array<{ request: Request; matches: number }>;
	/** How many of its open requests have suggestions, named or not. */
	requestsWithMatchesCount: number;
	reportsToWrite: Exchange[];
	owes: number;
	count: number;
}

/**
 * A card, not a list: a library with hundreds of open requests (the generated 100k county's has
 * 838) is told of the first few and how many more there are, not drawn one line each.
 */
export const AGENDA_REQUESTS_NAMED = 5;

const firstDay = (r: Request) => r.dates.reduce((first, d) => (d.from < first ? d.from : first), '\uffff');
const byNeed = (a: Request, b: Request) => (a.urgency === b.urgency ? 0 : a.urgency === 'urgent' ? -1 : 1) || firstDay(a).localeCompare(firstDay(b)) || a.id.localeCompare(b.id);

const byDate = (a: Exchange, b: Exchange) => (a.dates?.from ?? '').localeCompare(b.dates?.from ?? '') || a.id.localeCompare(b.id);

export function agendaFor(input: AgendaInput): Agenda {
	const { library, today } = input;
	const lapsedNow = (e: Exchange) => input.now !== undefined && hasLapsed(e, input.now);
	const all = input.exchanges.filter((e) => isParty(e, library));
	const lapsed = all.filter(lapsedNow).sort(byDate);
	const mine = all.filter((e) => !lapsedNow(e));
	const collisions = mine.filter((e) => e.collisions.length > 0).sort(byDate);
	const toAnswer = mine.filter((e) => mustAnswer(e, library)).sort(byDate);
	const waitingForOthers = mine.filter((e) => e.status === 'proposed' && counterpartyOf(e) !== library).sort(byDate);
	const accepted = mine.filter((e) => e.status === 'accepted');
	const toConfirm = accepted.filter((e) => e.host === library && (!e.dates || e.dates.to < today)).sort(byDate);
	const confirming = new Set(toConfirm);
	const upcoming = accepted.filter((e) => !confirming.has(e)).sort(byDate);
	const reportsToWrite = mine.filter((e) => e.status === 'completed' && !e.reports.some((r) => r.library === library)).sort(byDate);

	const myOpen = input.requests.filter((r) => r.library === library && r.status === 'open');
	const suggestions = suggestionCounter(input.offerGroups, input.people, input.libraries);
	const matched = myOpen.filter((request) => suggestions.any(request)).sort(byNeed);
	const requestsWithMatches = matched.slice(0, AGENDA_REQUESTS_NAMED).map((request) => ({ request, matches: suggestions.count(request) }));

	const balance = input.libraries.get(library)?.balance ?? 0;
	const owes = balance < 0 ? -balance : 0;
	return {
		collisions,
		toAnswer,
		waitingForOthers,
		lapsed,
		toConfirm,
		upcoming,
		requestsWithMatches,
		requestsWithMatchesCount: matched.length,
		reportsToWrite,
		owes,
		count: collisions.length + toAnswer.length + toConfirm.length + matched.length
	};
}

/** Today's date as YYYY-MM-DD in local time (not UTC: a Norwegian evening is still today). */
export function localToday(now: Date = new Date()): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
