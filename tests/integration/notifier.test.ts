/**
 * The notifier worker against the real embedded database and a real SMTP server (smtp-server,
 * in this process): Tolga posts an urgent request and the people elsewhere whose skills fit get
 * one e-mail each, naming the request, with a link and one-click unsubscribe headers; an
 * unsubscribed address and a bouncing one are not written to again; a malformed document is
 * skipped with a log line; with the SMTP server down the messages wait, and arrive once it is back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMailCatcher, type MailCatcher } from '../../couchdb/notifier/mail-catcher';
import type { NotifierConfig } from '../../couchdb/notifier/notifier-config';
import { startNotifierService, type NotifierService } from '../../couchdb/notifier/notifier-service';
import { aWeek, idOf, TransactionWriter } from '../../src/lib/domain/test-transactions';
import { startTestServer, type TestServer } from './embedded-server';
import { provisionNotifierCounty, putAsAdmin, putAsTolga, until } from './notifier-county';

const APP_URL = 'https://byttebank.test';
/** Noon in Oslo, inside the sending window, before the request's dates (2–6 March). */
const CLOCK_START = Date.parse('2026-03-01T11:00:00Z');

function configFor(smtpUrl: string): NotifierConfig {
	return {
		enabled: true,
		smtpUrl,
		mailFrom: 'Byttebank <byttebank@test.example>',
		appUrl: APP_URL,
		port: 0,
		host: '127.0.0.1',
		catcherPort: 0,
		timeZone: 'Europe/Oslo',
		window: { from: 8, to: 20 },
		clockStart: CLOCK_START
	};
}

const folders: string[] = [];
function dataDir(): string {
	const dir = mkdtempSync(join(tmpdir(), 'byttebank-notifier-'));
	folders.push(dir);
	return dir;
}

let server: TestServer;
beforeAll(async () => {
	server = await startTestServer();
});
afterAll(async () => {
	await server?.stop();
	for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const urgentRequest = (w: TransactionWriter, description: string) =>
	w.write('request.posted', { library: 'tolga', person: 'tove' }, { skills: ['cataloguing'], description, days: 1, dates: [aWeek], urgency: 'urgent' });

const to = (catcher: MailCatcher, address: string) => catcher.messages.filter((m) => m.to.includes(address));

describe('the notifier with a real SMTP server and the embedded database', () => {
	const county = 'notify_urgent';
	let catcher: MailCatcher;
	let service: NotifierService;
	const logs: string[] = [];
	let siriAttempts = 0;

	beforeAll(async () => {
		await provisionNotifierCounty(server, county);
		catcher = await startMailCatcher({
			refuses: (address) => {
				if (address !== 'siri@stange.example') return false;
				siriAttempts += 1;
				return true;
			}
		});
		service = await startNotifierService({
			config: configFor(catcher.smtpUrl),
			source: { dbUrl: `${server.dbUrl}/${county}`, auth: server.admin },
			dataDir: dataDir(),
			appUrl: APP_URL,
			tickMs: 100,
			retry: { baseMs: 50, maxMs: 400 },
			log: (line) => logs.push(line)
		});
	});
	afterAll(async () => {
		await service?.close();
		await catcher?.close();
	});

	it('sends nothing on its first start: what the county already holds is history', () => {
		expect(catcher.messages).toEqual([]);
		expect(service.notifier.store.memory.seq).not.toBeNull();
	});

	it('tells Hamar’s fitting people, once each, of the urgent request Tolga posts, with a link and unsubscribe headers', async () => {
		const request = urgentRequest(new TransactionWriter('tolgatablet01'), 'Katalogisering før nyåpning');
		await putAsTolga(server, county, request);
		await until('Hamar’s, Os’s and Stange’s people told', () => to(catcher, 'hanne@hamar.example').length > 0 && to(catcher, 'hans@hamar.example').length > 0 && to(catcher, 'ola@os.example').length > 0 && service.notifier.store.memory.bounced['siri@stange.example'] !== undefined);

		for (const address of ['hanne@hamar.example', 'hans@hamar.example']) {
			const [mail, ...more] = to(catcher, address);
			expect(more).toEqual([]);
			expect(mail!.subject).toContain('Katalogisering før nyåpning');
			expect(mail!.subject).toContain('Tolga bibliotek');
			expect(mail!.text).toContain(`${APP_URL}/requests/${idOf(request)}`);
			expect(mail!.html).toContain(`href="${APP_URL}/requests/${idOf(request)}"`);
			expect(mail!.headers['list-unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?a=.+&t=.+>$/);
			expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
		}
		// Hege has other skills, Hilde no address, Bergen is out of reach, and Tolga posted it.
		expect(catcher.messages.flatMap((m) => m.to).sort()).toEqual(['hanne@hamar.example', 'hans@hamar.example', 'ola@os.example']);
		expect(service.notifier.store.memory.bounced["siri@stange.example"]).toBeDefined();
	});

	it('skips a malformed document with a log line and keeps going; writes no more to an unsubscribed or bouncing address', async () => {
		await putAsAdmin(server, county, { _id: 'person:broken', type: 'person', library: 'hamar' } as { _id: string });

		const hanne = to(catcher, 'hanne@hamar.example')[0]!;
		const link = hanne.headers['list-unsubscribe']!.slice(1, -1);
		// RFC 8058: the mail client POSTs this body to the link, without cookies or confirmation.
		const response = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
		expect(response.status).toBe(200);
		// A GET (a link scanner) only shows the button.
		expect((await fetch(link)).status).toBe(200);
		expect((await fetch(link.replace(/t=[^&]+/, 't=forged'), { method: 'POST' })).status).toBe(400);

		const second = urgentRequest(new TransactionWriter('tolgatablet02'), 'Ryddehjelp i magasinet');
		await putAsTolga(server, county, second);
		await until('Hans and Ola told of the second request', () => to(catcher, 'hans@hamar.example').length === 2 && to(catcher, 'ola@os.example').length === 2);

		expect(logs.some((line) => line.includes('skipped person:broken'))).toBe(true);
		expect(to(catcher, 'hanne@hamar.example')).toHaveLength(1);
		expect(siriAttempts).toBe(1);
		expect(to(catcher, 'hans@hamar.example')[1]!.subject).toContain('Ryddehjelp i magasinet');
	});
});

describe('with the SMTP server down', () => {
	const county = 'notify_down';

	it('keeps the messages waiting and delivers each once the server is back', async () => {
		await provisionNotifierCounty(server, county);
		// A port that nothing listens on yet: the SMTP server is "down" until started there.
		const probe = await startMailCatcher();
		const port = probe.port;
		await probe.close();

		const logs: string[] = [];
		const service = await startNotifierService({
			config: configFor(`smtp://127.0.0.1:${port}`),
			source: { dbUrl: `${server.dbUrl}/${county}`, auth: server.admin },
			dataDir: dataDir(),
			appUrl: APP_URL,
			tickMs: 50,
			retry: { baseMs: 50, maxMs: 200 },
			log: (line) => logs.push(line)
		});
		let catcher: MailCatcher | undefined;
		try {
			await putAsTolga(server, county, urgentRequest(new TransactionWriter('tolgatablet03'), 'Akutt: sykdom i skranken'));
			const memory = () => service.notifier.store.memory;
			await until('three failed tries', () => memory().outbox.length === 4 && memory().outbox.some((item) => item.attempts >= 3));
			expect(Object.values(memory().sent).filter((s) => s.how === 'delivered')).toEqual([]);

			catcher = await startMailCatcher({ port });
			await until('the waiting messages delivered', () => memory().outbox.length === 0);
			expect(catcher.messages.flatMap((m) => m.to).sort()).toEqual(['hanne@hamar.example', 'hans@hamar.example', 'ola@os.example', 'siri@stange.example']);
			expect(catcher.messages.every((m) => m.subject.includes('Akutt: sykdom i skranken'))).toBe(true);
			expect(logs.some((line) => line.includes('sending failed'))).toBe(true);
		} finally {
			await service.close();
			await catcher?.close();
		}
	});
});
