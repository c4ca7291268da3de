/**
 * What the notifier tells a library about its addresses (`GET /status`), over HTTP on the
 * embedded server and on Apache CouchDB: the caller's own session decides what it sees. Hamar's
 * librarian sees that Hanne's address bounced; Tolga's sees nothing of Hamar; the county sees
 * every library's; no session, a forged cookie or a forged basic login sees nothing at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTY_ROLE, LIBRARIAN_ROLE, libraryRole } from '../../../couchdb/security';
import { testDirectory } from '../../../src/lib/domain/notifications/test-county';
import { aWeek, TransactionWriter } from '../../../src/lib/domain/test-transactions';
import { couch } from '../../../couchdb/http';
import { login, type ServerKind, type TestServer } from '../embedded-server';
import { until } from '../notifier-county';
import { startTestNotifier, type TestNotifier } from '../test-notifier';

const COUNTY = 'notify_status';
const PASSWORD = 'status-secret-1';
const USERS = [
	{ name: 'hamar.librarian', password: PASSWORD, roles: [LIBRARIAN_ROLE, libraryRole('hamar')], fullName: 'Hanne Haugen' },
	{ name: 'tolga.librarian', password: PASSWORD, roles: [LIBRARIAN_ROLE, libraryRole('tolga')], fullName: 'Tove Tolga' },
	{ name: 'county.librarian', password: PASSWORD, roles: [LIBRARIAN_ROLE, COUNTY_ROLE, libraryRole('fylket')], fullName: 'Fylket' }
];

interface Status {
	addresses: Array<{ address: string; library: string; person?: string; bounced?: { reason: string } }>;
}

export function deliveryStatusSuite(kind: ServerKind): void {
	describe(`the notifier's delivery status on ${kind.flavor}`, () => {
		let server: TestServer;
		let notifier: TestNotifier;
		const cookies: Record<string, string> = {};
		const status = (headers: Record<string, string> = {}, method = 'GET') => fetch(`${notifier.service.url}/status`, { method, headers });

		beforeAll(async () => {
			const directory = testDirectory();
			server = await kind.start({ countyDb: COUNTY, users: USERS, documents: [...directory.libraries.values(), ...directory.people] });
			for (const user of USERS) cookies[user.name] = await login(server.dbUrl, user.name, PASSWORD);
			// Before the request's dates, so it is still news; Hanne's mail server refuses her address.
			notifier = await startTestNotifier(server, COUNTY, { clockStart: Date.parse('2026-03-01T11:00:00Z'), catcher: { refuses: (address) => address === 'hanne@hamar.example' } });
			const urgent = new TransactionWriter('tolgastatus1').write('request.posted', { library: 'tolga', person: 'tove' }, { skills: ['cataloguing'], description: 'Akutt katalogisering', days: 1, dates: [aWeek], urgency: 'urgent' });
			await couch({ url: server.dbUrl, admin: server.admin }, 'PUT', `/${COUNTY}/${encodeURIComponent(urgent._id)}`, urgent);
			await until('Hanne’s address bounced', () => notifier.service.notifier.store.memory.bounced['hanne@hamar.example'] !== undefined);
		}, 60_000);
		afterAll(async () => {
			await notifier?.close();
			await server?.stop();
		});

		it('shows a library its own bounced address, with the reason, and nothing of other libraries', async () => {
			const hamar = await status({ cookie: cookies['hamar.librarian']! });
			expect(hamar.status).toBe(200);
			const body = (await hamar.json()) as Status;
			expect(body.addresses).toEqual([expect.objectContaining({ address: 'hanne@hamar.example', library: 'hamar', person: 'person:hanne', bounced: expect.objectContaining({ reason: expect.stringMatching(/5\d\d/) }) })]);
			expect(((await (await status({ cookie: cookies['tolga.librarian']! })).json()) as Status).addresses).toEqual([]);
		});

		it('shows the county every library’s, and the same to a basic login as to a cookie', async () => {
			expect(((await (await status({ cookie: cookies['county.librarian']! })).json()) as Status).addresses.map((a) => a.address)).toEqual(['hanne@hamar.example']);
			const basic = `Basic ${Buffer.from(`hamar.librarian:${PASSWORD}`).toString('base64')}`;
			expect(((await (await status({ authorization: basic })).json()) as Status).addresses).toHaveLength(1);
		});

		it('shows nothing without a session, with a forged cookie or a wrong password, and answers nothing but GET', async () => {
			const forged: Array<Record<string, string>> = [{}, { cookie: 'AuthSession=aGFtYXIubGlicmFyaWFuOjY1MDAwMDAwOmZvcmdlZA' }, { authorization: `Basic ${Buffer.from('hamar.librarian:wrong').toString('base64')}` }];
			for (const headers of forged) {
				const answer = await status(headers);
				expect(answer.status, JSON.stringify(headers)).toBe(401);
				expect(JSON.stringify(await answer.json())).not.toContain('hanne');
			}
			expect((await status({ cookie: cookies['hamar.librarian']! }, 'POST')).status).toBe(404);
		});
	});
}
