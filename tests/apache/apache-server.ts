/**
 * An Apache CouchDB as a server under test. The suite runs its files one after another on it
 * (vitest project "apache"), so each file starts from a wiped server: every database but the
 * system ones deleted, every account removed, then the file's county provisioned exactly as
 * `npm run couchdb:setup` does it. Only ever point it at a throw-away server.
 */
import { couch, type CouchTarget } from '../../couchdb/http';
import { provision, type ProvisionPlan } from '../../couchdb/provision';
import type { ServerKind, TestServer } from '../integration/embedded-server';
import { apacheFromEnv } from './couchdb-env';

const SYSTEM_DBS = new Set(['_users', '_replicator', '_global_changes']);

export async function wipe(target: CouchTarget): Promise<void> {
	const { body: dbs } = await couch<string[]>(target, 'GET', '/_all_dbs');
	for (const db of dbs.filter((name) => !SYSTEM_DBS.has(name))) await couch(target, 'DELETE', `/${encodeURIComponent(db)}`, undefined, [404]);
	const users = await couch<{ rows: Array<{ id: string; value: { rev: string } }> }>(target, 'GET', '/_users/_all_docs', undefined, [404]);
	const accounts = (users.body?.rows ?? []).filter((r) => r.id.startsWith('org.couchdb.user:'));
	if (accounts.length) {
		await couch(target, 'POST', '/_users/_bulk_docs', { docs: accounts.map((r) => ({ _id: r.id, _rev: r.value.rev, _deleted: true })) });
	}
	// Provisioning set _users/_security for the county; start again from CouchDB's own.
	await couch(target, 'PUT', '/_users/_security', {}, [404]);
}

export function apacheKind(node: CouchTarget | undefined = apacheFromEnv()): ServerKind | undefined {
	if (!node) return undefined;
	return {
		flavor: 'apache',
		async start(plan?: ProvisionPlan): Promise<TestServer> {
			await wipe(node);
			if (plan) await provision(node, plan);
			return { url: node.url, dbUrl: node.url, admin: node.admin, dataDir: '', close: async () => {}, stop: async () => {} };
		}
	};
}
