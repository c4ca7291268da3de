/**
 * Asking to join and answering requests, over CouchDB's own `_users` API on the same origin.
 * Works against Apache CouchDB for the county (a `_users` admin); a librarian's approval needs
 * the embedded server: on Apache a librarian sees nobody else's account (README, "Onboarding").
 */
import { APPLICANTS_QUERY, byAsked, closedAccount, joinDocument, memberRoles, pendingMemberOf, USER_ID_PREFIX, type JoinRequest, type PendingMember } from '$lib/domain/membership';
import { DB_PATH } from './session';

export type JoinOutcome = { ok: true } | { ok: false; reason: 'taken' | 'closed' | 'offline' | 'server' };
export type AnswerOutcome = { ok: true } | { ok: false; reason: 'changed' | 'forbidden' | 'offline' | 'server' };

/** A request waiting for an answer, with the stored document an approval writes back. */
export interface Applicant extends PendingMember {
	doc: Record<string, unknown> & { _id: string; _rev: string };
}

const userPath = (name: string) => `${DB_PATH}/_users/${encodeURIComponent(USER_ID_PREFIX + name)}`;
const json = { 'content-type': 'application/json', accept: 'application/json' };

async function send(fetcher: typeof fetch, url: string, init: RequestInit): Promise<Response | undefined> {
	try {
		return await fetcher(url, { credentials: 'same-origin', ...init });
	} catch {
		return undefined;
	}
}

export async function askToJoin(request: JoinRequest, now: Date = new Date(), fetcher: typeof fetch = fetch): Promise<JoinOutcome> {
	const response = await send(fetcher, userPath(request.name), { method: 'PUT', headers: json, body: JSON.stringify(joinDocument(request, now.toISOString())) });
	if (!response) return { ok: false, reason: 'offline' };
	if (response.ok) return { ok: true };
	// CouchDB answers 409 for an existing name; the embedded server 403 (not the owner).
	if (response.status === 409 || response.status === 403) return { ok: false, reason: 'taken' };
	// require_valid_user on Apache CouchDB: anonymous sign-up is switched off.
	if (response.status === 401) return { ok: false, reason: 'closed' };
	return { ok: false, reason: 'server' };
}

type UserDoc = Applicant['doc'];
type Listing = { ok: true; docs: UserDoc[] } | { ok: false; reason: 'forbidden' | 'offline' | 'server' };

async function listingOf(response: Response | undefined, docs: (body: unknown) => UserDoc[]): Promise<Listing> {
	if (!response) return { ok: false, reason: 'offline' };
	if (response.status === 401 || response.status === 403) return { ok: false, reason: 'forbidden' };
	if (!response.ok) return { ok: false, reason: 'server' };
	return { ok: true, docs: docs(await response.json()) };
}

/**
 * The embedded server lists `_users` for the county and for a librarian (its own library's
 * applicants only). Apache CouchDB 3.4 keeps `_all_docs` of `_users` for server admins, but
 * lets a `_users` admin (the county) use `_find`, and anyone else gets only its own document.
 */
async function userDocuments(fetcher: typeof fetch): Promise<Listing> {
	const all = await listingOf(await send(fetcher, `${DB_PATH}/_users/_all_docs?include_docs=true`, { headers: { accept: 'application/json' } }), (body) =>
		(body as { rows: Array<{ doc?: UserDoc }> }).rows.flatMap((r) => (r.doc ? [r.doc] : []))
	);
	if (all.ok || all.reason !== 'forbidden') return all;
	return listingOf(await send(fetcher, `${DB_PATH}/_users/_find`, { method: 'POST', headers: json, body: JSON.stringify(APPLICANTS_QUERY) }), (body) => (body as { docs: UserDoc[] }).docs);
}

/** The requests this user may answer: all for the county, its own library's for a librarian. */
export async function applicants(fetcher: typeof fetch = fetch): Promise<{ ok: true; applicants: Applicant[] } | { ok: false; reason: 'forbidden' | 'offline' | 'server' }> {
	const listing = await userDocuments(fetcher);
	if (!listing.ok) return listing;
	const found: Applicant[] = [];
	for (const doc of listing.docs) {
		const pending = pendingMemberOf(doc);
		if (pending) found.push({ ...pending, doc });
	}
	return { ok: true, applicants: found.sort(byAsked) };
}

function answerOf(response: Response | undefined): AnswerOutcome {
	if (!response) return { ok: false, reason: 'offline' };
	if (response.ok) return { ok: true };
	if (response.status === 409 || response.status === 404) return { ok: false, reason: 'changed' };
	if (response.status === 401 || response.status === 403) return { ok: false, reason: 'forbidden' };
	return { ok: false, reason: 'server' };
}

/** Gives the applicant the member roles of the library it asked for. */
export async function approve(applicant: Applicant, fetcher: typeof fetch = fetch): Promise<AnswerOutcome> {
	const doc = { ...applicant.doc, roles: memberRoles(applicant.library) };
	return answerOf(await send(fetcher, userPath(applicant.name), { method: 'PUT', headers: json, body: JSON.stringify(doc) }));
}

/**
 * Turns the request down: the account is removed and the name is free again, or, where the
 * server keeps deletions for server admins (Apache CouchDB), closed (domain `closedAccount`).
 */
export async function decline(applicant: Applicant, fetcher: typeof fetch = fetch, now: Date = new Date()): Promise<AnswerOutcome> {
	const url = `${userPath(applicant.name)}?rev=${encodeURIComponent(applicant.doc._rev)}`;
	const removed = await send(fetcher, url, { method: 'DELETE', headers: { accept: 'application/json' } });
	if (removed?.status !== 403) return answerOf(removed);
	const closed = closedAccount(applicant.doc, randomPassword(), now.toISOString());
	return answerOf(await send(fetcher, userPath(applicant.name), { method: 'PUT', headers: json, body: JSON.stringify(closed) }));
}

function randomPassword(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(24));
	return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
