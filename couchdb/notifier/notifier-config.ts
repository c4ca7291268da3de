/** The notifier's settings from the environment (docs/notifications.md lists them). */
import type { SendingWindow } from '../../src/lib/domain/notifications/sending-window';

export interface NotifierConfig {
	enabled: boolean;
	/** Unset: deliver to the local mail catcher. */
	smtpUrl?: string;
	mailFrom: string;
	/** The app's public origin, for links in messages; unset, the server's own URL. */
	appUrl?: string;
	/** Where the unsubscribe page (and the catcher's inbox) listens. */
	port: number;
	host: string;
	/** The unsubscribe page's public origin; unset, http://host:port. */
	publicUrl?: string;
	catcherPort: number;
	timeZone: string;
	window: SendingWindow;
	/** A dedicated CouchDB account to read the feed with, instead of the server admin. */
	feedAccount?: { name: string; password: string };
	/** Start the worker's clock at this time (demos and tests of reminders); it then runs on. */
	clockStart?: number;
}

export function parseWindow(value: string): SendingWindow {
	const match = /^(\d{1,2})-(\d{1,2})$/.exec(value.trim());
	const from = Number(match?.[1]);
	const to = Number(match?.[2]);
	if (!match || from > 23 || to > 24 || from >= to) throw new Error(`NOTIFY_WINDOW must be "FROM-TO" in whole local hours, e.g. "8-20", not "${value}"`);
	return { from, to };
}

function port(value: string | undefined, fallback: number, name: string): number {
	const n = Number(value ?? fallback);
	if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, not "${value}"`);
	return n;
}

export function notifierConfigFromEnv(env: NodeJS.ProcessEnv = process.env): NotifierConfig {
	const smtpUrl = env.SMTP_URL?.trim() || undefined;
	if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new Error(`SMTP_URL must start with smtp:// or smtps://, e.g. smtp://user:password@mail.example:587`);
	const timeZone = env.NOTIFY_TIMEZONE ?? 'Europe/Oslo';
	try {
		new Intl.DateTimeFormat('en', { timeZone });
	} catch {
		throw new Error(`NOTIFY_TIMEZONE is not a time zone: "${timeZone}"`);
	}
	const clockStart = env.NOTIFY_NOW ? Date.parse(env.NOTIFY_NOW) : undefined;
	if (clockStart !== undefined && Number.isNaN(clockStart)) throw new Error(`NOTIFY_NOW must be an ISO time, not "${env.NOTIFY_NOW}"`);
	if (Boolean(env.NOTIFIER_COUCHDB_USER) !== Boolean(env.NOTIFIER_COUCHDB_PASSWORD)) throw new Error('NOTIFIER_COUCHDB_USER and NOTIFIER_COUCHDB_PASSWORD go together');
	return {
		enabled: (env.NOTIFY ?? 'true') !== 'false',
		smtpUrl,
		mailFrom: env.MAIL_FROM ?? 'Byttebank <byttebank@localhost>',
		appUrl: env.APP_URL?.replace(/\/$/, ''),
		port: port(env.NOTIFY_PORT, 8025, 'NOTIFY_PORT'),
		host: env.NOTIFY_HOST ?? '127.0.0.1',
		publicUrl: env.NOTIFY_PUBLIC_URL?.replace(/\/$/, ''),
		catcherPort: port(env.CATCHER_SMTP_PORT, 1025, 'CATCHER_SMTP_PORT'),
		timeZone,
		window: parseWindow(env.NOTIFY_WINDOW ?? '8-20'),
		feedAccount: env.NOTIFIER_COUCHDB_USER ? { name: env.NOTIFIER_COUCHDB_USER, password: env.NOTIFIER_COUCHDB_PASSWORD! } : undefined,
		clockStart
	};
}
