/**
 * Joining a library. A librarian asks from the login page by creating its own `_users`
 * account without roles, naming the library; until a member of that library or the county
 * approves (gives it the member roles), the account reads nothing.
 */
import * as v from 'valibot';
import { email, requiredText, SLUG } from './schema-parts';

export const LIBRARIAN_ROLE = 'librarian';
export const COUNTY_ROLE = 'county';
export const LIBRARY_ROLE_PREFIX = 'library:';
export const USER_ID_PREFIX = 'org.couchdb.user:';

export function libraryRole(slug: string): string {
	return LIBRARY_ROLE_PREFIX + slug;
}

/** The database anyone may read, with the libraries one can ask to join (document "libraries"). */
export function publicDbOf(countyDb: string): string {
	return `${countyDb}-public`;
}

/** Lower-case letters, digits, dot, dash and underscore: safe in a URL and a CouchDB user id. */
export const USERNAME = /^[a-z0-9][a-z0-9._-]{1,38}[a-z0-9]$/;
export const MIN_PASSWORD = 8;

export const joinRequestSchema = v.object({
	name: v.pipe(v.string('required'), v.regex(USERNAME, 'username')),
	fullName: requiredText(120),
	email,
	library: v.pipe(v.string('library'), v.regex(SLUG, 'library')),
	password: v.pipe(v.string('required'), v.minLength(MIN_PASSWORD, 'password-short'), v.maxLength(200, 'too-long'))
});

export type JoinRequest = v.InferOutput<typeof joinRequestSchema>;

/** A library someone may ask to join, as published for people not yet logged in. */
export interface JoinableLibrary {
	slug: string;
	name: string;
	municipality: string;
	country: string;
}

/** An account waiting for approval, as an approver sees it. */
export interface PendingMember {
	name: string;
	fullName: string;
	email: string;
	library: string;
	/** ISO time of the request. */
	asked: string;
}

export function memberRoles(library: string): string[] {
	return [LIBRARIAN_ROLE, libraryRole(library)];
}

/** The `_users` document an applicant writes for itself: no roles, the library it asks for. */
export function joinDocument(request: JoinRequest, asked: string) {
	return {
		_id: USER_ID_PREFIX + request.name,
		type: 'user',
		name: request.name,
		password: request.password,
		roles: [] as string[],
		fullName: request.fullName,
		email: request.email,
		askedToJoin: request.library,
		askedAt: asked
	};
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The request inside a `_users` document, or undefined when it is not one waiting for approval. */
export function pendingMemberOf(doc: Record<string, unknown>): PendingMember | undefined {
	const roles = doc.roles;
	if (!Array.isArray(roles) || roles.length > 0) return undefined;
	if (typeof doc.name !== 'string' || typeof doc.askedToJoin !== 'string') return undefined;
	return { name: doc.name, fullName: text(doc.fullName), email: text(doc.email), library: doc.askedToJoin, asked: text(doc.askedAt) };
}

/** The `_find` query for accounts asking to join, for those who may not list all of `_users`. */
export const APPLICANTS_QUERY = { selector: { type: 'user', askedToJoin: { $exists: true } }, limit: 1000 } as const;

/** Oldest request first, then by name: the order every list of people waiting shows. */
export function byAsked(a: PendingMember, b: PendingMember): number {
	return a.asked.localeCompare(b.asked) || a.name.localeCompare(b.name);
}

/**
 * A turned-down request where the server will not remove the account: Apache CouchDB lets only
 * server admins delete `_users` documents, so the county closes it instead. The new password
 * is random and never shown, so nobody logs in with it; without `askedToJoin` it leaves every
 * list of people waiting. (The name stays taken until a server admin removes the account.)
 */
export function closedAccount(doc: Record<string, unknown>, password: string, now: string): Record<string, unknown> {
	const { askedToJoin, askedAt, ...rest } = doc;
	return { ...rest, roles: [], password, declinedAt: now, declinedFor: askedToJoin, askedAt };
}

/** The county approves anyone; a librarian approves colleagues asking to join its own library. */
export function mayApprove(approverRoles: readonly string[], library: string): boolean {
	if (approverRoles.includes(COUNTY_ROLE)) return true;
	return approverRoles.includes(LIBRARIAN_ROLE) && approverRoles.includes(libraryRole(library));
}

/** The active libraries, by name, for the sign-up form. */
export function joinableLibraries(libraries: Iterable<JoinableLibrary & { active: boolean }>): JoinableLibrary[] {
	return [...libraries]
		.filter((l) => l.active)
		.map(({ slug, name, municipality, country }) => ({ slug, name, municipality, country }))
		.sort((a, b) => a.name.localeCompare(b.name, 'nb') || a.slug.localeCompare(b.slug));
}
