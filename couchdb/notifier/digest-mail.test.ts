import { describe, expect, it } from 'vitest';
import type { Notice } from '../../src/lib/domain/notifications/notice';
import type { WeeklyDigest } from '../../src/lib/domain/notifications/weekly-digest';
import { composeMail } from './compose';

const options = { appUrl: 'https://byttebank.test', unsubscribeUrl: 'https://notify.test/unsubscribe?a=x&t=y', domain: 'byttebank.test' };

const digest: WeeklyDigest = {
	week: '2026-01-12',
	requests: [{ library: 'Tolga bibliotek', description: 'Katalogisering <av> lokalsamlingen', days: 2, link: '/requests/r1' }],
	offers: [],
	toAnswer: 1,
	toConfirm: 0,
	reports: 2,
	collisions: 0,
	balance: -1.5
};

const digestNotice = (locale?: 'en'): Notice => ({
	key: 'weekly-digest:stange:2026-01-12>siri@stange.example',
	kind: 'weekly-digest',
	to: { address: 'siri@stange.example', name: 'Siri', library: 'stange', person: 'person:siri', ...(locale ? { locale } : {}) },
	urgency: 'normal',
	link: '/',
	params: { library: 'Stange bibliotek' },
	digest,
	at: 0
});

const held: Notice = {
	key: 'proposal-to-answer:x>siri@stange.example',
	kind: 'proposal-to-answer',
	to: { address: 'siri@stange.example', name: 'Siri', library: 'stange' },
	urgency: 'normal',
	link: '/exchanges/x',
	params: { proposer: 'Hamar bibliotek', description: 'Bokfest', days: 1 },
	at: 0
};

describe('the weekly digest in words', () => {
	it('lists the new requests with links, what waits, the balance and what the library owes', () => {
		const mail = composeMail(digestNotice(), 'Stange bibliotek', options);
		expect(mail.subject).toBe('Byttebank denne uken: Stange bibliotek');
		expect(mail.text).toContain('Nye forespørsler kollegene dine kan hjelpe med\n- Tolga bibliotek: «Katalogisering <av> lokalsamlingen», 2 dager <https://byttebank.test/requests/r1>');
		expect(mail.text).not.toContain('Nye tilbud');
		expect(mail.text).toContain('- 1 forslag å svare på');
		expect(mail.text).toContain('- 2 besøksrapporter å skrive');
		expect(mail.text).toContain('Saldo: −1,5 dager.');
		expect(mail.text).toContain('Stange bibliotek skylder ordningen 1,5 dager.');
		expect(mail.html).toContain('<a href="https://byttebank.test/requests/r1">Tolga bibliotek: «Katalogisering &lt;av&gt; lokalsamlingen», 2 dager</a>');
		expect(mail.headers['X-Byttebank-Notice']).toBe('weekly-digest');
	});

	it('tells each held notice in one line by its own subject, under the reader’s own heading', () => {
		const mail = composeMail(digestNotice(), 'Stange bibliotek', options, [held]);
		const alone = composeMail(held, 'Stange bibliotek', options);
		expect(mail.text).toContain(`Varslene dine\n- ${alone.subject} <https://byttebank.test/exchanges/x>`);
		expect(mail.text).toContain('Her er varslene du har valgt å lese i ukesoversikten.');
		expect(composeMail(digestNotice(), 'Stange bibliotek', options).text).not.toContain('Varslene dine');
	});

	it('is written in the reader’s language', () => {
		const mail = composeMail(digestNotice('en'), 'Stange bibliotek', options);
		expect(mail.subject).toBe('Byttebank this week: Stange bibliotek');
		expect(mail.text).toContain('Balance: -1.5 days.');
		expect(mail.html).toContain('<html lang="en">');
	});
});

describe('the monthly summary in words', () => {
	const summary = (over: Partial<NonNullable<Notice['summary']>> = {}): Notice => ({
		key: 'monthly-summary:2026-01>fylke@county.example',
		kind: 'monthly-summary',
		to: { address: 'fylke@county.example', name: 'Fylkesbiblioteket', library: 'fylkesbiblioteket' },
		urgency: 'normal',
		link: '/county',
		params: { month: '2026-01' },
		summary: { month: '2026-01', days: 2, belowZero: [{ library: 'Tolga bibliotek', balance: -2 }], travelWaiting: 1, travelAmount: 320.5, unconfirmed: [], ...over },
		at: 0
	});

	it('names the month in words and gives the figures', () => {
		const mail = composeMail(summary(), 'Fylkesbiblioteket', options);
		expect(mail.subject).toBe('Byttebank i januar 2026: månedsoversikt for fylket');
		expect(mail.text).toContain('Dager byttet i januar 2026: 2 dager.');
		expect(mail.text).toContain('Bibliotek under null\n- Tolga bibliotek: −2 dager');
		expect(mail.text).toContain('Reisekrav som venter på utbetaling: 1, til sammen 320,5 kr.');
		expect(mail.text).toContain('Ingen bytter har ventet mer enn 14 dager på bekreftelse.');
	});

	it('says plainly when no library is below zero, and lists the visits left unconfirmed', () => {
		const line = { provider: 'Os bibliotek', host: 'Hamar bibliotek', description: 'Ola katalogiserer', from: '2026-01-08', to: '2026-01-08', link: '/exchanges/e1' };
		const mail = composeMail(summary({ belowZero: [], unconfirmed: [line] }), 'Fylkesbiblioteket', options);
		expect(mail.text).toContain('Ingen bibliotek er under null.');
		expect(mail.text).toContain('- Os bibliotek hos Hamar bibliotek: «Ola katalogiserer», 2026-01-08–2026-01-08 <https://byttebank.test/exchanges/e1>');
	});
});
