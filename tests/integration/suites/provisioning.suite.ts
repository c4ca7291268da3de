/**
 * `npm run couchdb:setup -- --demo` as a county's IT person runs it: on an empty server it sets
 * up everything, and run again it says that nothing changed and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COUNTY_USER, DEMO_PASSWORD } from '../../../couchdb/demo/seed';
import { runSetup } from '../../../couchdb/setup-cli';
import { login, request, type ServerKind, type TestServer } from '../embedded-server';

export function provisioningSuite(kind: ServerKind): void {
	describe('provisioning a county from scratch, and again', () => {
		let server: TestServer;
		const target = () => ({ url: server.dbUrl, admin: server.admin });

		beforeAll(async () => {
			server = await kind.start();
		});
		afterAll(async () => {
			await server?.stop();
		});

		it('sets up the databases, their security, the design documents, the accounts and the demo county', async () => {
			const lines: string[] = [];
			const report = await runSetup({ target: target(), db: 'byttebank', demo: true }, (line) => lines.push(line));
			expect(report.changed).toEqual(expect.arrayContaining(['database byttebank', 'security of byttebank', 'byttebank/_design/validation', `user ${DEMO_COUNTY_USER}`]));
			expect(lines.join('\n')).toMatch(/Changed: /);

			const cookie = await login(server.dbUrl, DEMO_COUNTY_USER, DEMO_PASSWORD);
			const all = await request(server.dbUrl, 'GET', '/byttebank/_all_docs?limit=0', { cookie });
			expect(all.status).toBe(200);
			expect(Number(all.body.total_rows)).toBeGreaterThan(300);
			expect((await request(server.dbUrl, 'GET', '/byttebank-public/libraries')).status).toBe(200);
		});

		it('changes nothing when run again, and says so', async () => {
			const before = await request(server.dbUrl, 'GET', '/byttebank/_design/validation', { cookie: await login(server.dbUrl, server.admin.name, server.admin.password) });
			const lines: string[] = [];
			const report = await runSetup({ target: target(), db: 'byttebank', demo: true }, (line) => lines.push(line));
			expect(report.changed).toEqual([]);
			expect(lines).toContainEqual(expect.stringMatching(/^Nothing changed: byttebank was already set up \(\d+ things checked\)\.$/));
			const after = await request(server.dbUrl, 'GET', '/byttebank/_design/validation', { cookie: await login(server.dbUrl, server.admin.name, server.admin.password) });
			expect(after.body._rev).toBe(before.body._rev);
		});
	});
}
