/**
 * A new librarian asks to join Hamar over HTTP, as the login page does, on the embedded server
 * and on Apache CouchDB: the notifier (reading `_users` with its account) tells Hamar's people
 * once each, names her and links to the library's page; once she is approved, nothing more.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { couch } from '../../../couchdb/http';
import { joinDocument, memberRoles } from '../../../src/lib/domain/membership';
import { testDirectory } from '../../../src/lib/domain/notifications/test-county';
import { request, type ServerKind, type TestServer } from '../embedded-server';
import { until } from '../notifier-county';
import { startTestNotifier, type TestNotifier } from '../test-notifier';

const COUNTY = 'notify_colleague';
const nora = { name: 'nora.ny', fullName: 'Nora Ny', email: 'nora@hamar.kommune.example', library: 'hamar', password: 'noras-passord-1' };

export function colleagueWaitingSuite(kind: ServerKind): void {
	describe(`a colleague waiting for approval, on ${kind.flavor}`, () => {
		let server: TestServer;
		let notifier: TestNotifier;
		const told = () => notifier.catcher.messages.filter((m) => m.headers['x-byttebank-notice'] === 'colleague-waiting');

		beforeAll(async () => {
			const directory = testDirectory();
			server = await kind.start({ countyDb: COUNTY, users: [], documents: [...directory.libraries.values(), ...directory.people] });
			notifier = await startTestNotifier(server, COUNTY);
		}, 60_000);
		afterAll(async () => {
			await notifier?.close();
			await server?.stop();
		});

		it('tells each of Hamar’s people once that Nora asked to join, and nobody elsewhere', async () => {
			const asked = await request(server.dbUrl, 'PUT', `/_users/org.couchdb.user:${nora.name}`, { body: joinDocument(nora, new Date().toISOString()) });
			expect(asked.status).toBe(201);
			await until('Hamar’s three people told', () => told().length === 3);
			await new Promise((done) => setTimeout(done, 400));
			expect(told().flatMap((m) => m.to).sort()).toEqual(['hanne@hamar.example', 'hans@hamar.example', 'hege@hamar.example']);
			expect(told()[0]!.subject).toBe('Nora Ny venter på godkjenning ved Hamar bibliotek');
			expect(told()[0]!.text).toContain('https://byttebank.test/libraries/hamar');
			expect(told()[0]!.text).toContain(nora.email);
		});

		it('says nothing more once she is approved', async () => {
			const target = { url: server.dbUrl, admin: server.admin };
			const { body: doc } = await couch<Record<string, unknown>>(target, 'GET', `/_users/org.couchdb.user:${nora.name}`);
			await couch(target, 'PUT', `/_users/org.couchdb.user:${nora.name}`, { ...doc, roles: memberRoles('hamar') });
			await new Promise((done) => setTimeout(done, 500));
			expect(told()).toHaveLength(3);
		});
	});
}
