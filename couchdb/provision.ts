/**
 * Sets up a county on any CouchDB-compatible server over HTTP: databases, security objects,
 * design documents, users and (optionally) documents. Idempotent: what exists and matches is
 * left alone, so running it twice changes nothing. Passwords of existing users are never reset.
 */
import { publicDesign } from './design/public-source';
import { reportsDesign } from './design/reports-source';
import { validateDocUpdateSource } from './design/validate-source';
import { couch, type CouchTarget } from './http';
import { joinableLibraries, USER_ID_PREFIX, type JoinableLibrary } from '../src/lib/domain/membership';
import { countyDbSecurity, publicDbOf, publicDbSecurity, usersDbSecurity } from './security';

export interface ProvisionUser {
	name: string;
	password: string;
	roles: string[];
	/** Shown in the app: the person's full name. */
	fullName?: string;
	/** An account still waiting for approval: the library it asked to join (roles stay empty). */
	join?: { library: string; email: string; asked: string };
}

export interface ProvisionPlan {
	countyDb: string;
	users: ProvisionUser[];
	/** Documents to create when missing (never overwritten). */
	documents: Array<{ _id: string } & Record<string, unknown>>;
}

export interface ProvisionReport {
	changed: string[];
	unchanged: string[];
}

type Doc = { _id: string; _rev?: string } & Record<string, unknown>;

export const designDocuments = (): Doc[] => [
	{ _id: '_design/validation', language: 'javascript', validate_doc_update: validateDocUpdateSource },
	reportsDesign()
];

/** Same fields and values, whatever order the server returns them in. */
function sameContent(current: Record<string, unknown>, wanted: Record<string, unknown>): boolean {
	const keys = (doc: Record<string, unknown>) => Object.keys(doc).filter((k) => k !== '_rev').sort();
	const a = keys(current);
	const b = keys(wanted);
	return a.length === b.length && a.every((k, i) => k === b[i] && JSON.stringify(current[k]) === JSON.stringify(wanted[k]));
}

export async function provision(target: CouchTarget, plan: ProvisionPlan): Promise<ProvisionReport> {
	const report: ProvisionReport = { changed: [], unchanged: [] };
	const note = (changed: boolean, what: string) => (changed ? report.changed : report.unchanged).push(what);

	const publicDb = publicDbOf(plan.countyDb);
	for (const db of ['_users', plan.countyDb, publicDb]) {
		const { status } = await couch(target, 'PUT', `/${db}`, undefined, [412]);
		note(status !== 412, `database ${db}`);
	}

	for (const [db, security] of [[plan.countyDb, countyDbSecurity], ['_users', usersDbSecurity], [publicDb, publicDbSecurity]] as const) {
		const current = await couch<Record<string, unknown>>(target, 'GET', `/${db}/_security`);
		const same = JSON.stringify(current.body ?? {}) === JSON.stringify(security);
		if (!same) await couch(target, 'PUT', `/${db}/_security`, security);
		note(!same, `security of ${db}`);
	}

	const designs = [...designDocuments().map((doc) => ({ db: plan.countyDb, doc })), { db: publicDb, doc: publicDesign() as Doc }];
	for (const { db, doc: design } of designs) {
		const path = `/${db}/${design._id}`;
		const current = await couch<Doc>(target, 'GET', path, undefined, [404]);
		const same = current.status === 200 && sameContent(current.body, design);
		if (!same) await couch(target, 'PUT', path, current.status === 200 ? { ...design, _rev: current.body._rev } : design);
		note(!same, `${db}/${design._id}`);
	}

	for (const user of plan.users) {
		const path = `/_users/${encodeURIComponent(USER_ID_PREFIX + user.name)}`;
		const current = await couch(target, 'GET', path, undefined, [404]);
		if (current.status === 404) {
			await couch(target, 'PUT', path, {
				_id: USER_ID_PREFIX + user.name,
				type: 'user',
				name: user.name,
				password: user.password,
				roles: user.roles,
				fullName: user.fullName,
				...(user.join ? { email: user.join.email, askedToJoin: user.join.library, askedAt: user.join.asked } : {})
			});
		}
		note(current.status === 404, `user ${user.name}`);
	}

	// The list people choose from when they ask to join; the county's app keeps it current.
	const published = await couch(target, 'GET', `/${publicDb}/libraries`, undefined, [404]);
	if (published.status === 404) {
		const libraries = joinableLibraries(plan.documents.filter((d) => d.type === 'library') as unknown as Array<JoinableLibrary & { active: boolean }>);
		await couch(target, 'PUT', `/${publicDb}/libraries`, { _id: 'libraries', libraries });
	}
	note(published.status === 404, `${publicDb}/libraries`);

	if (plan.documents.length) {
		const ids = plan.documents.map((d) => d._id);
		const existing = await couch<{ rows: Array<{ key: string; error?: string; value?: { deleted?: boolean } }> }>(
			target,
			'POST',
			`/${plan.countyDb}/_all_docs`,
			{ keys: ids }
		);
		const present = new Set(existing.body.rows.filter((r) => !r.error).map((r) => r.key));
		const missing = plan.documents.filter((d) => !present.has(d._id));
		for (let i = 0; i < missing.length; i += 500) {
			await couch(target, 'POST', `/${plan.countyDb}/_bulk_docs`, { docs: missing.slice(i, i + 500) });
		}
		note(missing.length > 0, `${missing.length} of ${plan.documents.length} documents`);
	}
	return report;
}
