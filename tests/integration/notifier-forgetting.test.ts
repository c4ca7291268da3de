/**
 * The notifier's memory stays the size of what is current, on the real embedded database and a
 * real SMTP server: Tolga posts two urgent requests, one for a week in March and one with no
 * date. Each reaches the people whose skills fit once. A hundred days later the dated one is
 * long past and its records are forgotten; the undated one is still needed, so its records stay
 * and nobody hears of it a second time, across a restart of the notifier too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORGET_AFTER_DAYS } from '../../couchdb/notifier/forget-settled';
import { TransactionWriter } from '../../src/lib/domain/test-transactions';
import { startTestServer, type TestServer } from './embedded-server';
import { provisionNotifierCounty, putAsTolga, until } from './notifier-county';
import { startTestNotifier, type TestNotifier } from './test-notifier';

const COUNTY = 'notify_forget';
const START = Date.parse('2026-03-01T11:00:00Z');
const DAY = 86_400_000;

describe("the notifier's memory of what it told", () => {
	let server: TestServer;
	let notifier: TestNotifier;
	let clock = START;

	beforeAll(async () => {
		server = await startTestServer();
		await provisionNotifierCounty(server, COUNTY);
		notifier = await startTestNotifier(server, COUNTY, { now: () => clock });
	});
	afterAll(async () => {
		await notifier?.close();
		await server?.stop();
	});

	it(`forgets, ${FORGET_AFTER_DAYS} days on, what is no longer true, and tells nothing twice`, async () => {
		const w = new TransactionWriter('tolgatablet07', START - DAY);
		const dated = w.write('request.posted', { library: 'tolga', person: 'tove' }, { skills: ['cataloguing'], description: 'Katalogisering i vinterferien', days: 1, dates: [{ from: '2026-03-02', to: '2026-03-06' }], urgency: 'urgent' });
		const undated = w.write('request.posted', { library: 'tolga', person: 'tove' }, { skills: ['cataloguing'], description: 'Katalogisering når dere har tid', days: 1, dates: [], urgency: 'urgent' });
		await putAsTolga(server, COUNTY, dated);
		await putAsTolga(server, COUNTY, undated);
		const sentFor = (id: string) => Object.keys(notifier.service.notifier.store.memory.sent).filter((key) => key.startsWith(`urgent-request:${id.slice(3)}>`));
		await until('both requests told', () => sentFor(dated._id).length > 0 && sentFor(undated._id).length === sentFor(dated._id).length);
		const told = sentFor(undated._id).length;
		const mails = notifier.catcher.messages.length;
		expect(mails).toBe(2 * told);

		clock = START + (FORGET_AFTER_DAYS + 10) * DAY;
		await until('the past request forgotten', () => sentFor(dated._id).length === 0);
		expect(sentFor(undated._id)).toHaveLength(told);

		// A restart reads the file it saved: still nothing told again.
		const dataDir = notifier.dataDir;
		await notifier.close({ keepData: true });
		notifier = await startTestNotifier(server, COUNTY, { now: () => clock, dataDir });
		await new Promise((done) => setTimeout(done, 1500));
		expect(sentFor(dated._id)).toHaveLength(0);
		expect(sentFor(undated._id)).toHaveLength(told);
		expect(notifier.catcher.messages).toHaveLength(0);
	});
});
