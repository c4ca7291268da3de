/**
 * `npm start`'s proxy in front of a three-node Apache CouchDB cluster keeps answering while the
 * node it prefers is stopped and started again: writes keep going through it, each one is
 * acknowledged, and afterwards every node holds every acknowledged document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startExternalProxy } from '../../couchdb/proxy/external';
import { couch } from '../../couchdb/http';
import { clusterFromEnv, saySkipped } from './couchdb-env';
import { NodeProcess } from './node-process';

const cluster = clusterFromEnv();
if (!cluster) saySkipped('cluster proxy', 'COUCHDB_TEST_CLUSTER_URLS, COUCHDB_TEST_CLUSTER_DIR, COUCHDB_TEST_ADMIN');

describe.skipIf(!cluster)('the proxy in front of a three-node cluster', () => {
	const { nodes, dir } = cluster ?? { nodes: [], dir: '' };
	const db = `clusterproxy-${process.pid}-${Date.now().toString(36)}`;
	const appDir = mkdtempSync(join(tmpdir(), 'byttebank-app-'));
	let proxy: Awaited<ReturnType<typeof startExternalProxy>>;
	const node1 = () => new NodeProcess(`${dir}/node1`);

	beforeAll(async () => {
		proxy = await startExternalProxy({ port: 0, host: '127.0.0.1', appDir, couchdbUrl: nodes.map((n) => n.url), admin: nodes[0]!.admin, probeMs: 300 });
		await couch({ url: proxy.dbUrl, admin: proxy.admin }, 'PUT', `/${db}`);
	});
	afterAll(async () => {
		if (node1().pid() === undefined) await node1().start();
		await couch(nodes[0]!, 'DELETE', `/${db}`, undefined, [404]).catch(() => undefined);
		await proxy?.close();
		rmSync(appDir, { recursive: true, force: true });
	});

	it('answers every request while the node it prefers is stopped and restarted', async () => {
		const through = { url: proxy.dbUrl, admin: proxy.admin };
		const statuses = new Map<number, number>();
		const acknowledged: string[] = [];
		let written = 0;
		let retried = 0;
		const writeOne = async () => {
			const id = `doc-${String(written++).padStart(4, '0')}`;
			const put = () => couch(through, 'PUT', `/${db}/${id}`, { n: id }, [409, 500, 502, 503]).then((r) => r.status, () => 0);
			// 0: no answer at all. A node stopped with SIGTERM may close a connection it already
			// started answering; the proxy cannot resend what the node may have stored, so the
			// client retries as PouchDB does, and 409 then means the first attempt was stored.
			// A 409 for a new id means an earlier attempt was stored: the proxy resent a write the
			// dying node had taken (failover-proxy.ts); the census below checks it is really there.
			let status = await put();
			if (status === 0) {
				retried++;
				status = await put();
			}
			statuses.set(status, (statuses.get(status) ?? 0) + 1);
			if (status === 201 || status === 202 || status === 409) acknowledged.push(id);
			return status;
		};
		let writing = true;
		const writer = (async () => {
			while (writing) await writeOne();
		})();
		try {
			while (written < 20) await new Promise((done) => setTimeout(done, 20));
			await node1().stop('SIGTERM');
			const atStop = written;
			const acknowledgedAtStop = acknowledged.length;
			while (written < atStop + 40) await new Promise((done) => setTimeout(done, 20));
			expect(proxy.nodes.isHealthy(nodes[0]!.url)).toBe(false);
			// Reads go on too, through another node.
			expect((await couch<{ doc_count: number }>(through, 'GET', `/${db}`)).body.doc_count).toBeGreaterThanOrEqual(acknowledgedAtStop);
			await node1().start();
			for (let waited = 0; !proxy.nodes.isHealthy(nodes[0]!.url); waited += 100) {
				if (waited > 10_000) throw new Error('the proxy did not take node1 back after its restart');
				await new Promise((done) => setTimeout(done, 100));
			}
			const atRestart = written;
			while (written < atRestart + 20) await new Promise((done) => setTimeout(done, 20));
		} finally {
			writing = false;
			await writer;
		}

		console.log(`cluster proxy: ${written} writes, answers ${JSON.stringify(Object.fromEntries(statuses))}, ${retried} retried after a dropped answer`);
		expect([...statuses.keys()].every((status) => status === 201 || status === 202 || status === 409), JSON.stringify(Object.fromEntries(statuses))).toBe(true);
		expect(acknowledged.length).toBe(written);

		// Node1 catches up by internal replication; every node then holds every acknowledged write.
		for (const node of nodes) {
			let ids: string[] = [];
			for (let tries = 0; tries < 100; tries++) {
				const { body } = await couch<{ rows: Array<{ id: string }> }>(node, 'GET', `/${db}/_all_docs`);
				ids = body.rows.map((row) => row.id);
				if (ids.length >= acknowledged.length) break;
				await new Promise((done) => setTimeout(done, 200));
			}
			expect(ids).toEqual([...acknowledged].sort());
		}
	});
});
