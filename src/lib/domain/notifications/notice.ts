/**
 * A notice: one thing to tell one address, decided from the bank's state, the directory and the
 * time. Rules (one per file beside this one) are pure: the same state, directory and time give
 * the same notices, so a worker that restarts and asks again gets the same keys and can tell
 * what it has already sent.
 */
import type { Locale } from '../../i18n/locales';
import type { LibraryDoc, PersonDoc } from '../directory';
import type { PendingMember } from '../membership';
import type { BankState } from '../state';
import type { MonthlySummary } from './monthly-summary';
import type { WeeklyDigest } from './weekly-digest';

export type NoticeKind =
	| 'urgent-request'
	| 'proposal-to-answer'
	| 'proposal-accepted'
	| 'proposal-declined'
	| 'collision'
	| 'visit-tomorrow'
	| 'confirm-days'
	| 'proposal-unanswered'
	| 'visit-report'
	| 'colleague-waiting'
	| 'weekly-digest'
	| 'monthly-summary';

/** The kinds about one event, each of which a person may take at once, in the digest, or never. */
export type EventKind = Exclude<NoticeKind, 'weekly-digest' | 'monthly-summary'>;

export const NOTICE_KINDS: readonly EventKind[] = [
	'urgent-request',
	'proposal-to-answer',
	'proposal-accepted',
	'proposal-declined',
	'collision',
	'visit-tomorrow',
	'confirm-days',
	'proposal-unanswered',
	'visit-report',
	'colleague-waiting'
];

/** Urgent notices go out at once, day or night; the others wait for the sending window. */
export type NoticeUrgency = 'urgent' | 'normal';

export interface Recipient {
	address: string;
	name: string;
	library: string;
	/** The person document's id, when the notice is for one person rather than a library's address. */
	person?: string;
	/** The language to write to them in, when the person chose one; else the county's. */
	locale?: Locale;
}

export interface Notice {
	/**
	 * Unique for what is told and to whom: `<kind>:<subject>[:<stage>]>` + address. Sending the
	 * same key twice is the one thing a worker must never do.
	 */
	key: string;
	kind: NoticeKind;
	to: Recipient;
	urgency: NoticeUrgency;
	/** Where in the app the recipient acts on it (a path, without the origin). */
	link: string;
	/** What the message names, already in words from the documents (descriptions, library names, dates). */
	params: Record<string, string | number>;
	/** When what it tells became true (ms): the transaction's time, or when a reminder fell due. */
	at: number;
	/** A weekly digest's sections (weekly-digest.ts). */
	digest?: WeeklyDigest;
	/** A monthly summary's figures (monthly-summary.ts). */
	summary?: MonthlySummary;
}

export interface Directory {
	libraries: Map<string, LibraryDoc>;
	people: PersonDoc[];
}

export interface NoticeContext {
	state: BankState;
	directory: Directory;
	/** Now, in ms: rules never read the clock themselves. */
	now: number;
	/** The county's time zone: "tomorrow" and the sending window are local. */
	timeZone: string;
	/** Accounts waiting for a colleague's approval (from `_users`, when the worker may read it). */
	applicants?: PendingMember[];
}

export function noticeKey(kind: NoticeKind, subject: string, address: string, stage?: string): string {
	return `${kind}:${subject}${stage ? `:${stage}` : ''}>${address.toLowerCase()}`;
}
