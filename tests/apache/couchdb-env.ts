/**
 * Which Apache CouchDB the compatibility suite talks to, named by the environment; `.ci/run`
 * sets these after starting one node and a three-node cluster. Without them the suite says
 * plainly that it skipped, and `npm test` still passes on a machine with no CouchDB.
 *
 *   COUCHDB_TEST_URL            one node, e.g. http://127.0.0.1:5984
 *   COUCHDB_TEST_ADMIN          its server admin as name:password
 *   COUCHDB_TEST_NODE_DIR       that node's folder (couchdb.pid, start-node.sh) for the kill test
 *   COUCHDB_TEST_CLUSTER_URLS   the three nodes of a cluster, comma-separated
 *   COUCHDB_TEST_CLUSTER_DIR    the cluster's folder: node<i>/couchdb.pid, node<i>/start-node.sh
 */
import type { CouchTarget } from '../../couchdb/http';

export interface ApacheNode extends CouchTarget {
	/** Folder holding couchdb.pid and start-node.sh, when the suite may stop and start it. */
	dir?: string;
}

export interface ApacheCluster {
	nodes: CouchTarget[];
	dir: string;
}

function adminFrom(value: string | undefined): CouchTarget['admin'] | undefined {
	const at = value?.indexOf(':') ?? -1;
	return value && at > 0 ? { name: value.slice(0, at), password: value.slice(at + 1) } : undefined;
}

export function apacheFromEnv(env: NodeJS.ProcessEnv = process.env): ApacheNode | undefined {
	const admin = adminFrom(env.COUCHDB_TEST_ADMIN);
	if (!env.COUCHDB_TEST_URL || !admin) return undefined;
	return { url: env.COUCHDB_TEST_URL.replace(/\/$/, ''), admin, dir: env.COUCHDB_TEST_NODE_DIR || undefined };
}

export function clusterFromEnv(env: NodeJS.ProcessEnv = process.env): ApacheCluster | undefined {
	const admin = adminFrom(env.COUCHDB_TEST_ADMIN);
	const urls = (env.COUCHDB_TEST_CLUSTER_URLS ?? '').split(',').map((u) => u.trim().replace(/\/$/, '')).filter(Boolean);
	if (urls.length < 3 || !admin || !env.COUCHDB_TEST_CLUSTER_DIR) return undefined;
	return { nodes: urls.map((url) => ({ url, admin })), dir: env.COUCHDB_TEST_CLUSTER_DIR };
}

/** Printed once per skipped suite, so a green run without CouchDB never looks like a checked one. */
export function saySkipped(suite: string, missing: string): void {
	console.warn(`SKIPPED ${suite}: no Apache CouchDB named (${missing} unset); .ci/run sets it.`);
}
