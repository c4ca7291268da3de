/**
 * Asking to join and answering requests, over CouchDB's own `_users` API on the same origin.
 * Works against Apache CouchDB for the county (a `_users` admin); a librarian's approval needs
 * the embedded server, which answers 403 on Apache (README, "Onboarding").
 */
import { joinDocument, memberRoles, pendingMemberOf, USER_ID_PREFIX, type JoinRequest, type PendingMember } from '$lib/domain/membership';
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

/** The requests this user may answer: all for the county, its own library's for a librarian. */
export async function applicants(fetcher: typeof fetch = fetch): Promise<{ ok: true; applicants: Applicant[] } | { ok: false; reason: 'forbidden' | 'offline' | 'server' }> {
	const response = await send(fetcher, `${DB_PATH}/_users/_all_docs?include_docs=true`, { headers: { accept: 'application/json' } });
	if (!response) return { ok: false, reason: 'offline' };
	if (response.status === 401 || response.status === 403) return { ok: false, reason: 'forbidden' };
	if (!response.ok) return { ok: false, reason: 'server' };
	const body = (await response.json()) as { rows: Array<{ doc?: Applicant['doc'] }> };
	const found: Applicant[] = [];
	for (const row of body.rows) {
		const pending = row.doc && pendingMemberOf(row.doc);
		if (pending) found.push({ ...pending, doc: row.doc! });
	}
	return { ok: true, applicants: found.sort((a, b) => a.asked.localeCompare(b.asked) || a.name.localeCompare(b.name)) };
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

/** Turns the request down: the account is removed, and the name is free again. */
export async function decline(applicant: Applicant, fetcher: typeof fetch = fetch): Promise<AnswerOutcome> {
	const url = `${userPath(applicant.name)}?rev=${encodeURIComponent(applicant.doc._rev)}`;
	return answerOf(await send(fetcher, url, { method: 'DELETE', headers: { accept: 'application/json' } }));
}
