/**
 * The weekly digest end to end, on the real embedded database and a real SMTP server: Hanne at
 * Hamar gathers urgent requests in her digest. Tolga posts one on a Sunday: her colleagues hear
 * at once, she does not. On Monday morning each of Hamar's people gets one digest naming the
 * week's request; Hanne's also tells her held notice; Tolga, with nothing new and nothing
 * waiting, gets none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailCatcher } from '../../couchdb/notifier/mail-catcher';
import { testDirectory } from '../../src/lib/domain/notifications/test-county';
import { TransactionWriter } from '../../src/lib/domain/test-transactions';
import { startTestServer, type TestServer } from './embedded-server';
import { couch } from '../../couchdb/http';
import { provisionNotifierCounty, putAsAdmin, putAsTolga, until } from './notifier-county';
import { startTestNotifier, type TestNotifier } from './test-notifier';

const SUNDAY_NOON = Date.parse('2026-03-01T11:00:00Z');
const MONDAY_NINE = Date.parse('2026-03-02T08:00:00Z');
const COUNTY = 'notify_digest';

const to = (catcher: MailCatcher, address: string) => catcher.messages.filter((m) => m.to.includes(address));

describe('the weekly digest, with a real SMTP server and the embedded database', () => {
	let server: TestServer;
	let notifier: TestNotifier;
	let catcher: MailCatcher;
	let clock = SUNDAY_NOON;

	beforeAll(async () => {
		server = await startTestServer();
		const directory = testDirectory();
		directory.people = directory.people.map((p) => (p._id === 'person:hanne' ? { ...p, notify: { 'urgent-request': 'digest' } } : p));
		await provisionNotifierCounty(server, COUNTY, directory);
		notifier = await startTestNotifier(server, COUNTY, { window: { from: 8, to: 20 }, retry: { baseMs: 50, maxMs: 400 }, now: () => clock });
		catcher = notifier.catcher;
	});
	afterAll(async () => {
		await notifier?.close();
		await server?.stop();
	});

	it('holds the urgent request for Hanne while her colleagues hear of it at once', async () => {
		// Posted on the Friday before: news in Monday's digest.
		const w = new TransactionWriter('tolgatablet09', Date.parse('2026-02-27T08:00:00Z'));
		await putAsTolga(server, COUNTY, w.write('request.posted', { library: 'tolga', person: 'tove' }, { skills: ['cataloguing'], description: 'Katalogisering før nyåpning', days: 1, dates: [{ from: '2026-03-02', to: '2026-03-06' }], urgency: 'urgent' }));
		await until('Hans and Ola told at once', () => to(catcher, 'hans@hamar.example').length === 1 && to(catcher, 'ola@os.example').length === 1);
		await until('the notice held for Hanne', () => (notifier.service.notifier.store.memory.held ?? []).length === 1);
		expect(to(catcher, 'hanne@hamar.example')).toEqual([]);
		expect(notifier.service.notifier.store.memory.held![0]!.to.address).toBe('hanne@hamar.example');
	});

	it('sends each of Hamar’s people one digest on Monday morning, Hanne’s with her held notice, and none to a library with nothing to tell', async () => {
		const before = catcher.messages.length;
		clock = MONDAY_NINE;
		const digests = () => catcher.messages.slice(before).filter((m) => m.headers['x-byttebank-notice'] === 'weekly-digest');
		await until('Hamar’s three people have their digest', () => ['hanne', 'hans', 'hege'].every((n) => digests().some((m) => m.to.includes(`${n}@hamar.example`))));
		await until('nothing held any more', () => (notifier.service.notifier.store.memory.held ?? []).length === 0);
		// Two more ticks: nothing is sent twice.
		await new Promise((done) => setTimeout(done, 300));

		const hanne = digests().filter((m) => m.to.includes('hanne@hamar.example'));
		expect(hanne).toHaveLength(1);
		expect(hanne[0]!.subject).toBe('Byttebank denne uken: Hamar bibliotek');
		expect(hanne[0]!.text).toContain('Varslene dine');
		expect(hanne[0]!.text).toContain('Katalogisering før nyåpning');
		const hans = digests().filter((m) => m.to.includes('hans@hamar.example'));
		expect(hans).toHaveLength(1);
		expect(hans[0]!.text).toContain('Nye forespørsler kollegene dine kan hjelpe med');
		expect(hans[0]!.text).not.toContain('Varslene dine');
		expect(digests().filter((m) => m.to.includes('tove@tolga.example'))).toEqual([]);
		expect(Object.entries(notifier.service.notifier.store.memory.sent).find(([key]) => key.startsWith('weekly-digest:tolga:2026-03-02'))?.[1].how).toBe('nothing');
		expect(to(catcher, 'hanne@hamar.example')).toHaveLength(1);
	});

	it('sends at once what it holds for a person who no longer gathers anything in the digest', async () => {
		const w = new TransactionWriter('tolgatablet10', Date.parse('2026-03-02T07:00:00Z'));
		await putAsTolga(server, COUNTY, w.write('request.posted', { library: 'tolga', person: 'tove' }, { skills: ['cataloguing'], description: 'Akutt: skranke og katalog', days: 1, dates: [{ from: '2026-03-03', to: '2026-03-04' }], urgency: 'urgent' }));
		await until('the new request held for Hanne', () => (notifier.service.notifier.store.memory.held ?? []).length === 1);
		expect(to(catcher, 'hanne@hamar.example').filter((m) => m.subject.includes('skranke og katalog'))).toEqual([]);

		// Hamar's librarian changes Hanne back to "at once" for everything.
		const { body: hanne } = await couch<Record<string, unknown>>({ url: server.dbUrl, admin: server.admin }, 'GET', `/${COUNTY}/person:hanne`);
		const { notify, ...rest } = hanne;
		void notify;
		const changed: { _id: string } = { ...rest, _id: 'person:hanne', updated: w.nextStamp() } as { _id: string };
		await putAsAdmin(server, COUNTY, changed);
		await until('Hanne told at once', () => to(catcher, 'hanne@hamar.example').some((m) => m.subject.includes('skranke og katalog')));
		expect(notifier.service.notifier.store.memory.held ?? []).toEqual([]);
	});
});
