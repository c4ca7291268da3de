/**
 * Listing and approving people who asked to join, on the embedded server.
 *
 * Apache CouchDB 3.4 lets `_users` admins (the county) find user documents (`_find`; its
 * `_all_docs` is for server admins) and set roles. The embedded server cannot list them for
 * anyone but a server admin (pouchdb-system-db bug, see users-guard.ts), so this answers
 * `GET /_users/_all_docs` itself. It also goes one step
 * further than CouchDB can: a librarian sees the colleagues asking to join its own library
 * (without password hashes) and may give them exactly the member roles of that library.
 */
import type { Request, Response } from 'express';
import { mayApprove, memberRoles, pendingMemberOf, LIBRARIAN_ROLE } from '../../src/lib/domain/membership';
import type { UserContext } from './session-of';

type UserDoc = Record<string, unknown> & { _id: string; _rev?: string };

export interface UsersStore {
	get(id: string): Promise<UserDoc | null>;
	all(): Promise<UserDoc[]>;
	/** Writes as the server itself; used only after the guard decided the write is allowed. */
	put(doc: UserDoc): Promise<{ rev: string }>;
}

const SECRET_FIELDS = ['derived_key', 'salt', 'iterations', 'password_scheme', 'pbkdf2_prf', 'password_sha'];

function withoutSecrets(doc: UserDoc): UserDoc {
	const copy: UserDoc = { ...doc };
	for (const field of SECRET_FIELDS) delete copy[field];
	return copy;
}

/** Writes, or answers 409 when the account changed since it was read (as CouchDB would). */
async function putOrConflict(res: Response, users: UsersStore, doc: UserDoc): Promise<{ rev: string } | undefined> {
	try {
		return await users.put(doc);
	} catch (error) {
		if ((error as { status?: number }).status !== 409) throw error;
		res.status(409).json({ error: 'conflict', reason: 'Document update conflict.' });
		return undefined;
	}
}

export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
	const x = [...a].sort();
	const y = [...b].sort();
	return x.length === y.length && x.every((role, i) => role === y[i]);
}

/** `_all_docs` of `_users` for the county (everything) and librarians (their applicants). */
export async function listUsers(req: Request, res: Response, user: UserContext, users: UsersStore): Promise<void> {
	if (!user.name) {
		res.status(401).json({ error: 'unauthorized', reason: 'You are not logged in.' });
		return;
	}
	const county = user.roles.includes('county');
	if (!county && !user.roles.includes(LIBRARIAN_ROLE)) {
		res.status(403).json({ error: 'forbidden', reason: 'Only members may see who asks to join.' });
		return;
	}
	const docs = (await users.all()).sort((a, b) => a._id.localeCompare(b._id));
	const visible = county
		? docs
		: docs.filter((doc) => {
				const pending = pendingMemberOf(doc);
				return pending !== undefined && mayApprove(user.roles, pending.library);
			}).map(withoutSecrets);
	const includeDocs = req.query.include_docs === 'true';
	res.json({
		total_rows: visible.length,
		offset: 0,
		rows: visible.map((doc) => ({ id: doc._id, key: doc._id, value: { rev: doc._rev }, ...(includeDocs ? { doc } : {}) }))
	});
}

/**
 * A librarian approving a colleague: the stored account gets the member roles of the
 * approver's library and nothing else changes, whatever else the request carried.
 * Returns false when this is not such an approval (the caller applies the general rules).
 */
export async function approveAsMember(
	res: Response,
	user: UserContext,
	stored: UserDoc,
	wanted: { _rev?: string; roles: string[] },
	users: UsersStore
): Promise<boolean> {
	const pending = pendingMemberOf(stored);
	if (!pending || !mayApprove(user.roles, pending.library) || !sameRoles(wanted.roles, memberRoles(pending.library))) return false;
	if (wanted._rev !== stored._rev) {
		res.status(409).json({ error: 'conflict', reason: 'Document update conflict.' });
		return true;
	}
	const written = await putOrConflict(res, users, { ...stored, roles: memberRoles(pending.library), approvedBy: user.name });
	if (written) res.status(201).json({ ok: true, id: stored._id, rev: written.rev });
	return true;
}

/**
 * DELETE /_users/<id>?rev=…: the county removes any account but its own (someone who left);
 * a librarian turns down a request to join its own library. The embedded server would answer
 * 500 to anyone but a server admin (the pouchdb-system-db bug).
 */
export async function removeUser(req: Request, res: Response, user: UserContext, id: string, users: UsersStore): Promise<void> {
	const stored = await users.get(id);
	if (!stored) {
		res.status(404).json({ error: 'not_found', reason: 'deleted' });
		return;
	}
	const pending = pendingMemberOf(stored);
	const county = user.roles.includes('county') && stored.name !== user.name;
	if (!county && !(pending && mayApprove(user.roles, pending.library))) {
		res.status(user.name ? 403 : 401).json({ error: 'forbidden', reason: 'Only the county, or a colleague answering a request to join, may remove an account.' });
		return;
	}
	if (req.query.rev !== stored._rev) {
		res.status(409).json({ error: 'conflict', reason: 'Document update conflict.' });
		return;
	}
	const written = await putOrConflict(res, users, { _id: id, _rev: stored._rev, _deleted: true });
	if (written) res.status(200).json({ ok: true, id, rev: written.rev });
}
