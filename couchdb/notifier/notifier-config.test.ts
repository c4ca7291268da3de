import { describe, expect, it } from 'vitest';
import { notifierConfigFromEnv, parseWindow } from './notifier-config';

describe('the notifier’s settings', () => {
	it('delivers to the local catcher unless SMTP_URL is set, in Oslo time, 08–20', () => {
		const config = notifierConfigFromEnv({});
		expect(config).toMatchObject({ enabled: true, smtpUrl: undefined, timeZone: 'Europe/Oslo', window: { from: 8, to: 20 }, port: 8025, catcherPort: 1025 });
		expect(notifierConfigFromEnv({ SMTP_URL: 'smtps://u:p@mail.example:465' }).smtpUrl).toBe('smtps://u:p@mail.example:465');
		expect(notifierConfigFromEnv({ NOTIFY: 'false' }).enabled).toBe(false);
	});

	it('refuses settings that would fail later, saying what is expected', () => {
		expect(() => notifierConfigFromEnv({ SMTP_URL: 'mail.example:25' })).toThrow(/smtp:\/\//);
		expect(() => notifierConfigFromEnv({ NOTIFY_TIMEZONE: 'Mars/Olympus' })).toThrow(/time zone/);
		expect(() => notifierConfigFromEnv({ NOTIFIER_COUCHDB_USER: 'notifier' })).toThrow(/go together/);
		expect(() => parseWindow('20-8')).toThrow(/FROM-TO/);
		expect(parseWindow('7-21')).toEqual({ from: 7, to: 21 });
	});
});
