/**
 * A notice in words: subject, a plain-text part and an HTML part, the link into the app and the
 * RFC 8058 one-click unsubscribe headers (List-Unsubscribe with an https/http URL, and
 * List-Unsubscribe-Post), which mail clients show as an "unsubscribe" button.
 */
import { createHash } from 'node:crypto';
import type { Notice } from '../../src/lib/domain/notifications/notice';
import { DEFAULT_LOCALE, type Locale } from '../../src/lib/i18n/locales';
import type { MessageKey } from '../../src/lib/i18n/nb';
import { translate, type Params } from '../../src/lib/i18n/translate';
import { monthName, sectionsOf, type Sections } from './digest-sections';

export interface ComposedMail {
	to: string;
	subject: string;
	/** The first paragraph, for a push message's body. */
	summary: string;
	text: string;
	html: string;
	messageId: string;
	headers: Record<string, string>;
}

export interface ComposeOptions {
	/** The app's origin, for links into it. */
	appUrl: string;
	unsubscribeUrl: string;
	/** The domain in Message-IDs. */
	domain: string;
}

type Translate = (key: MessageKey, params?: Params) => string;

function subjectKey(notice: Notice): MessageKey {
	if (notice.kind === 'visit-tomorrow') return notice.params.role === 'host' ? 'notify.visit-tomorrow.host.subject' : 'notify.visit-tomorrow.provider.subject';
	if (notice.kind === 'confirm-days') return notice.params.stage === 'week' ? 'notify.confirm-days.week.subject' : 'notify.confirm-days.day.subject';
	return `notify.${notice.kind}.subject` as MessageKey;
}

function paragraphs(notice: Notice, params: Params, t: Translate): string[] {
	const out = [t(`notify.${notice.kind}.body` as MessageKey, params)];
	if (notice.kind === 'proposal-declined' && notice.params.reason) out.push(t('notify.proposal-declined.reason', params));
	if (notice.params.from) out.push(t('notify.dates', params));
	return out;
}

/** A notice's parameters with its days in words ("1,5 dager"). */
function wordedParams(notice: Notice, t: Translate): Params {
	return { ...notice.params, days: typeof notice.params.days === 'number' ? t('notify.days', { count: notice.params.days }) : '' };
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function sectionsText(s: Sections, link: (path: string) => string): string[] {
	return s.sections.flatMap((section) => [...(section.heading ? [section.heading] : []), ...section.lines.map((l) => `- ${l.text}${l.link ? ` <${link(l.link)}>` : ''}`), '']);
}

function sectionsHtml(s: Sections, link: (path: string) => string): string[] {
	return s.sections.flatMap((section) => {
		const items = section.lines.map((l) => (l.link ? `<li><a href="${escapeHtml(link(l.link))}">${escapeHtml(l.text)}</a></li>` : `<li>${escapeHtml(l.text)}</li>`));
		return [...(section.heading ? [`<h2 style="font-size:1.1em;margin-bottom:.25em">${escapeHtml(section.heading)}</h2>`] : []), `<ul>${items.join('')}</ul>`];
	});
}

/**
 * `held`: for a weekly digest, the notices its reader chose to gather there, each told in one
 * line by its own subject.
 */
export function composeMail(notice: Notice, libraryName: string, options: ComposeOptions, held: Notice[] = []): ComposedMail {
	// Written in the language the person chose for their e-mails; a library's shared address gets the county's.
	const locale: Locale = notice.to.locale ?? DEFAULT_LOCALE;
	const t: Translate = (key, params) => translate(locale, key, params);
	const params: Params = { ...wordedParams(notice, t), ...(notice.summary ? { month: monthName(notice.summary.month, locale) } : {}) };
	const subject = t(subjectKey(notice), params);
	const link = (path: string) => options.appUrl.replace(/\/$/, '') + path;
	const heldLine = (n: Notice) => t(subjectKey(n), wordedParams(n, t));
	const sections = sectionsOf(notice, locale, held, heldLine);
	const greeting = t('notify.greeting', { name: notice.to.name });
	const body = sections ? sections.intro : paragraphs(notice, params, t);
	const footer = t(notice.digest ? 'notify.digest.footer' : 'notify.footer', { library: libraryName });
	const unsubscribe = t('notify.unsubscribe');
	const open = link(notice.link);
	const text = [
		greeting,
		'',
		...body.flatMap((p) => [p, '']),
		...(sections ? sectionsText(sections, link) : []),
		`${t('notify.open')}: ${open}`,
		'',
		'-- ',
		footer,
		`${unsubscribe}: ${options.unsubscribeUrl}`,
		''
	].join('\n');
	const html = [
		`<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5;max-width:36em">`,
		`<p>${escapeHtml(greeting)}</p>`,
		...body.map((p) => `<p>${escapeHtml(p)}</p>`),
		...(sections ? sectionsHtml(sections, link) : []),
		`<p><a href="${escapeHtml(open)}" style="display:inline-block;padding:.5em 1em;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(t('notify.open'))}</a></p>`,
		`<hr><p style="font-size:small;color:#555">${escapeHtml(footer)}<br><a href="${escapeHtml(options.unsubscribeUrl)}">${escapeHtml(unsubscribe)}</a></p>`,
		'</body></html>'
	].join('\n');
	// The same notice always has the same Message-ID, so a receiving system can tell a repeat.
	const messageId = `<${createHash('sha256').update(notice.key).digest('hex').slice(0, 32)}@${options.domain}>`;
	return {
		to: notice.to.address,
		subject,
		summary: body[0] ?? '',
		text,
		html,
		messageId,
		headers: {
			'List-Unsubscribe': `<${options.unsubscribeUrl}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
			'X-Byttebank-Notice': notice.kind
		}
	};
}
