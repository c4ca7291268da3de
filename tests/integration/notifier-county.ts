/**
 * Test helper for the notifier suites: a county database on the embedded server holding the
 * small directory of src/lib/domain/notifications/test-county.ts (Tolga and Os in the north,
 * Hamar and Stange 230 km south, Bergen out of reach), a Tolga librarian, and ways to write.
 */
import { couch } from '../../couchdb/http';
import { provision } from '../../couchdb/provision';
import { LIBRARIAN_ROLE, libraryRole } from '../../couchdb/security';
import { testDirectory } from '../../src/lib/domain/notifications/test-county';
import type { TestServer } from './embedded-server';
import { login } from './embedded-server';

export const TOLGA_USER = { name: 'tove.tolga', password: 'tolga-secret-1' };

export async function provisionNotifierCounty(server: TestServer, countyDb: string, directory = testDirectory()): Promise<void> {
	await provision(
		{ url: server.dbUrl, admin: server.admin },
		{
			countyDb,
			users: [{ ...TOLGA_USER, roles: [LIBRARIAN_ROLE, libraryRole('tolga')], fullName: 'Tove Tolga' }],
			documents: [...directory.libraries.values(), ...directory.people]
		}
	);
}

/** Writes a document as the server admin (the server still checks a transaction's integrity). */
export async function putAsAdmin(server: TestServer, countyDb: string, doc: { _id: string }): Promise<void> {
	await couch({ url: server.dbUrl, admin: server.admin }, 'PUT', `/${countyDb}/${encodeURIComponent(doc._id)}`, doc);
}

/** Writes a document as Tolga's librarian, through a session like the app's. */
export async function putAsTolga(server: TestServer, countyDb: string, doc: { _id: string }): Promise<void> {
	const cookie = await login(server.dbUrl, TOLGA_USER.name, TOLGA_USER.password);
	const response = await fetch(`${server.dbUrl}/${countyDb}/${encodeURIComponent(doc._id)}`, {
		method: 'PUT',
		headers: { cookie, 'content-type': 'application/json' },
		body: JSON.stringify(doc)
	});
	if (!response.ok) throw new Error(`PUT ${doc._id} as Tolga: HTTP ${response.status} ${await response.text()}`);
}

export async function updateSeq(server: TestServer, countyDb: string): Promise<string | number> {
	const { body } = await couch<{ update_seq: string | number }>({ url: server.dbUrl, admin: server.admin }, 'GET', `/${countyDb}`);
	return body.update_seq;
}

/** Waits for a condition that the system under test makes true; fails with `what` if it never does. */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
		await new Promise((done) => setTimeout(done, 25));
	}
}
