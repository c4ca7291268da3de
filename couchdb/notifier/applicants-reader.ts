/**
 * The accounts waiting for approval, read from `_users` with the notifier's own account: they
 * live outside the county database, so the changes feed never brings them. A server admin (the
 * default in `npm start`) reads them all; on Apache CouchDB a dedicated account needs the
 * county role to be let into `_users` (docs/notifications.md), and without it the notifier
 * simply tells nobody of new colleagues.
 */
import { APPLICANTS_QUERY, byAsked, pendingMemberOf, type PendingMember } from '../../src/lib/domain/membership';
import type { FeedSource } from './changes-feed';
import { serverRootOf } from './session-roles';

type UserDoc = Record<string, unknown>;

async function asNotifier(source: FeedSource, path: string, init: RequestInit = {}): Promise<Response> {
	const auth = Buffer.from(`${source.auth.name}:${source.auth.password}`).toString('base64');
	return fetch(`${serverRootOf(source.dbUrl)}${path}`, { ...init, headers: { authorization: `Basic ${auth}`, accept: 'application/json', 'content-type': 'application/json' } });
}

/** Every account asking to join, oldest request first; throws when `_users` cannot be read. */
export async function readApplicants(source: FeedSource): Promise<PendingMember[]> {
	let docs: UserDoc[];
	const all = await asNotifier(source, '/_users/_all_docs?include_docs=true');
	if (all.ok) {
		docs = ((await all.json()) as { rows: Array<{ doc?: UserDoc }> }).rows.flatMap((r) => (r.doc ? [r.doc] : []));
	} else {
		// Not an admin: the county's own query, which `_users/_security` lets it run.
		const found = await asNotifier(source, '/_users/_find', { method: 'POST', body: JSON.stringify(APPLICANTS_QUERY) });
		if (!found.ok) throw new Error(`reading _users: HTTP ${all.status}, then ${found.status}`);
		docs = ((await found.json()) as { docs: UserDoc[] }).docs;
	}
	return docs.flatMap((doc) => pendingMemberOf(doc) ?? []).sort(byAsked);
}
