/**
 * The weekly digest and the monthly summary in words: an opening paragraph and headed lists,
 * which compose.ts lays out as text and as HTML. Each line may carry a link into the app.
 */
import type { Notice } from '../../src/lib/domain/notifications/notice';
import type { MonthlySummary } from '../../src/lib/domain/notifications/monthly-summary';
import type { WeeklyDigest } from '../../src/lib/domain/notifications/weekly-digest';
import { INTL_TAGS, type Locale } from '../../src/lib/i18n/locales';
import type { MessageKey } from '../../src/lib/i18n/nb';
import { translate, type Params } from '../../src/lib/i18n/translate';

export interface Line {
	text: string;
	/** A path in the app, without the origin. */
	link?: string;
}

export interface Section {
	heading?: string;
	lines: Line[];
}

export interface Sections {
	intro: string[];
	sections: Section[];
}

type Translate = (key: MessageKey, params?: Params) => string;

/** "desember 2026", "December 2026": a summary names its month in the reader's language. */
export function monthName(month: string, locale: Locale): string {
	return new Intl.DateTimeFormat(INTL_TAGS[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`));
}

/** A held notice in one line: its own subject, linking where it is acted on. */
export type HeldLine = (notice: Notice) => string;

function digestSections(d: WeeklyDigest, library: string, held: Notice[], heldLine: HeldLine, t: Translate): Sections {
	const days = (count: number) => t('notify.days', { count });
	const items = (list: WeeklyDigest['requests']): Line[] => list.map((i) => ({ text: t('notify.digest.item', { library: i.library, description: i.description, days: days(i.days) }), link: i.link }));
	const sections: Section[] = [];
	if (held.length > 0) sections.push({ heading: t('notify.digest.held'), lines: held.map((n) => ({ text: heldLine(n), link: n.link })) });
	if (d.requests.length > 0) sections.push({ heading: t('notify.digest.requests'), lines: items(d.requests) });
	if (d.offers.length > 0) sections.push({ heading: t('notify.digest.offers'), lines: items(d.offers) });
	const waiting: Line[] = [];
	if (d.collisions > 0) waiting.push({ text: t('notify.digest.collisions', { count: d.collisions }), link: '/' });
	if (d.toAnswer > 0) waiting.push({ text: t('notify.digest.toAnswer', { count: d.toAnswer }), link: '/' });
	if (d.toConfirm > 0) waiting.push({ text: t('notify.digest.toConfirm', { count: d.toConfirm }), link: '/' });
	if (d.reports > 0) waiting.push({ text: t('notify.digest.reports', { count: d.reports }), link: '/' });
	if (waiting.length > 0) sections.push({ heading: t('notify.digest.waiting'), lines: waiting });
	const balance = [{ text: t('notify.digest.balance', { balance: d.balance }) }];
	if (d.balance < 0) balance.push({ text: t('notify.digest.owes', { library, days: days(-d.balance) }) });
	sections.push({ lines: balance });
	const intro = [t('notify.digest.intro', { library })];
	if (held.length > 0) intro.push(t('notify.digest.personal'));
	return { intro, sections };
}

function summarySections(s: MonthlySummary, locale: Locale, t: Translate): Sections {
	const month = monthName(s.month, locale);
	const belowZero: Section = s.belowZero.length
		? { heading: t('notify.summary.belowZero'), lines: s.belowZero.map((l) => ({ text: t('notify.summary.balanceLine', { library: l.library, balance: l.balance }) })) }
		: { lines: [{ text: t('notify.summary.belowZeroNone') }] };
	const unconfirmed: Section = s.unconfirmed.length
		? { heading: t('notify.summary.unconfirmed'), lines: s.unconfirmed.map((u) => ({ text: t('notify.summary.unconfirmedLine', u), link: u.link })) }
		: { lines: [{ text: t('notify.summary.unconfirmedNone') }] };
	return {
		intro: [t('notify.summary.days', { month, days: t('notify.days', { count: s.days }) })],
		sections: [belowZero, { lines: [{ text: t('notify.summary.travel', { count: s.travelWaiting, amount: s.travelAmount }), link: '/county/travel' }] }, unconfirmed]
	};
}

/** The digest's or summary's words, or null for a notice of any other kind. */
export function sectionsOf(notice: Notice, locale: Locale, held: Notice[], heldLine: HeldLine): Sections | null {
	const t: Translate = (key, params) => translate(locale, key, params);
	if (notice.digest) return digestSections(notice.digest, String(notice.params.library ?? ''), held, heldLine, t);
	if (notice.summary) return summarySections(notice.summary, locale, t);
	return null;
}
