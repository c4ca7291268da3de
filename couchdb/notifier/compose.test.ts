import { describe, expect, it } from 'vitest';
import type { Notice } from '../../src/lib/domain/notifications/notice';
import { composeMail } from './compose';

const notice = (over: Partial<Notice> = {}): Notice => ({
	key: 'proposal-declined:abc>tove@tolga.example',
	kind: 'proposal-declined',
	to: { address: 'tove@tolga.example', name: 'Tove <Tolga>', library: 'tolga' },
	urgency: 'normal',
	link: '/exchanges/abc',
	params: { answerer: 'Hamar bibliotek', description: 'Katalog & <script>', days: 1.5, from: '2026-03-02', to: '2026-03-03', reason: 'Kurs' },
	at: 0,
	...over
});

const options = { appUrl: 'https://byttebank.test/', unsubscribeUrl: 'https://notify.test/unsubscribe?a=x&t=y', domain: 'byttebank.test' };

describe('a notice in words', () => {
	it('has a subject, a text part and an HTML part naming it, with the link and the reason', () => {
		const mail = composeMail(notice(), 'Tolga bibliotek', options);
		expect(mail.subject).toBe('Hamar bibliotek har takket nei');
		expect(mail.text).toContain('«Katalog & <script>»');
		expect(mail.text).toContain('Begrunnelse: Kurs');
		expect(mail.text).toContain('https://byttebank.test/exchanges/abc');
		expect(mail.text).toContain('Dato: 2026-03-02–2026-03-03');
		expect(composeMail(notice({ kind: 'proposal-accepted' }), 'Tolga bibliotek', options).text).toContain('1,5 dager');
		expect(mail.html).toContain('Katalog &amp; &lt;script&gt;');
		expect(mail.html).not.toContain('<script>');
		expect(mail.html).toContain('Tove &lt;Tolga&gt;');
	});

	it('is written in the language the person chose for their e-mails, and in Bokmål without one', () => {
		const english = composeMail(notice({ kind: 'proposal-accepted', to: { address: 'tove@tolga.example', name: 'Tove', library: 'tolga', locale: 'en' } }), 'Tolga bibliotek', options);
		const bokmal = composeMail(notice({ kind: 'proposal-accepted' }), 'Tolga bibliotek', options);
		expect(english.text).toContain('1.5 days');
		expect(english.html).toContain('<html lang="en">');
		expect(english.subject).not.toBe(bokmal.subject);
		expect(bokmal.html).toContain('<html lang="nb">');
		const swedish = composeMail(notice({ to: { address: 'tove@tolga.example', name: 'Tove', library: 'tolga', locale: 'sv' } }), 'Tolga bibliotek', options);
		expect(swedish.html).toContain('<html lang="sv">');
		expect(swedish.subject).not.toBe(composeMail(notice(), 'Tolga bibliotek', options).subject);
	});

	it('carries the RFC 8058 one-click headers and a Message-ID fixed by the notice', () => {
		const mail = composeMail(notice(), 'Tolga bibliotek', options);
		expect(mail.headers['List-Unsubscribe']).toBe('<https://notify.test/unsubscribe?a=x&t=y>');
		expect(mail.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
		expect(mail.messageId).toBe(composeMail(notice(), 'Tolga bibliotek', options).messageId);
		expect(mail.messageId).not.toBe(composeMail(notice({ key: 'other' }), 'Tolga bibliotek', options).messageId);
		expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@byttebank\.test>$/);
	});

	it('words the visit reminder for the host and for the visitor', () => {
		const base = { kind: 'visit-tomorrow' as const, params: { host: 'Tolga bibliotek', provider: 'Os bibliotek', description: 'x', days: 1 } };
		expect(composeMail(notice({ ...base, params: { ...base.params, role: 'host' } }), 'Tolga bibliotek', options).subject).toBe('I morgen kommer Os bibliotek på besøk');
		expect(composeMail(notice({ ...base, params: { ...base.params, role: 'provider' } }), 'Os bibliotek', options).subject).toBe('I morgen skal dere til Tolga bibliotek');
	});
});
