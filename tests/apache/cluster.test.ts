/**
 * A three-node Apache CouchDB cluster (n = 3) while one node keeps failing: two devices write
 * and sync live, Hamar's through node1 and Tolga's through node3, while node2 is stopped
 * (SIGTERM, every third round SIGKILL) and started again in the middle of replication, 20
 * times. Afterwards both replicas and every node hold the same transactions, none lost, none
 * twice (one leaf, first revision), and all fold to the same state. Each node is read on its
 * own, with the other two stopped, so a node cannot pass on copies the others hold for it.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { couch, type CouchTarget } from '../../couchdb/http';
import { provision } from '../../couchdb/provision';
import { census, expectNothingLost, heldByNode, heldByReplica, type Census } from './census';
import { clusterFromEnv, saySkipped } from './couchdb-env';
import { NodeProcess } from './node-process';
import { converged, outageCounty, pause, removeOutageCounty, writeThroughOutages } from './outage-run';
import { SyncingDevice } from './syncing-device';

const ROUNDS = 20;
/**
 * Each round waits for node2 to answer /_up again, which takes 3–6 s on these machines, and the
 * checks afterwards restart two nodes three times: the run takes 1–3 minutes, each wait bounded.
 */
const TEST_TIMEOUT_MS = 360_000;
const cluster = clusterFromEnv();
if (!cluster) saySkipped('cluster outage', 'COUCHDB_TEST_CLUSTER_URLS, COUCHDB_TEST_CLUSTER_DIR, COUCHDB_TEST_ADMIN');

/** Until no node has internal replication (copies between nodes) left to do. */
async function settled(nodes: CouchTarget[], timeoutMs: number): Promise<void> {
	const started = Date.now();
	let quiet = 0;
	while (quiet < 3) {
		const jobs = await Promise.all(nodes.map(async (n) => (await couch<{ internal_replication_jobs: number }>(n, 'GET', '/_node/_local/_system')).body.internal_replication_jobs));
		quiet = jobs.every((j) => j === 0) ? quiet + 1 : 0;
		if (Date.now() - started > timeoutMs) throw new Error(`internal replication still busy after ${timeoutMs} ms: ${jobs.join(', ')}`);
		await pause(300);
	}
}

describe.skipIf(!cluster)('a three-node cluster while one node is stopped and restarted', () => {
	const { nodes, dir } = cluster ?? { nodes: [], dir: '' };
	// The body is collected even when skipped: without a cluster there are no folders to name.
	const processes = cluster ? [1, 2, 3].map((i) => new NodeProcess(`${dir}/node${i}`)) : [];
	const { countyDb, accounts, plan } = outageCounty('cluster');
	const devices: SyncingDevice[] = [];

	beforeAll(async () => {
		await provision(nodes[0]!, plan);
		devices.push(await SyncingDevice.connect(accounts[0], nodes[0]!.url, countyDb));
		devices.push(await SyncingDevice.connect(accounts[1], nodes[2]!.url, countyDb));
	});
	afterAll(async () => {
		await Promise.all(devices.map((d) => d.destroy()));
		for (const p of processes) if (p.pid() === undefined) await p.start();
		await removeOutageCounty(nodes[0]!, plan);
	});

	it(`keeps every replica and every node identical over ${ROUNDS} stops and restarts of node2`, async () => {
		const node2 = processes[1]!;
		const began = Date.now();
		const phases: string[] = [];
		const reached = (phase: string) => phases.push(`${phase} at ${((Date.now() - began) / 1000).toFixed(1)} s`);
		// If a phase overruns, the failure says which one.
		onTestFailed(() => console.log(`cluster outage phases: ${phases.join('; ') || 'none reached'}`));
		const signals: string[] = [];
		const downtimes: number[] = [];
		const traffic = await writeThroughOutages(devices, ROUNDS, async (round) => {
			const signal = round % 3 === 0 ? 'SIGKILL' : 'SIGTERM';
			const stopped = Date.now();
			await node2.stop(signal);
			signals.push(signal);
			await pause(200 + Math.random() * 600); // the cluster runs on two nodes meanwhile
			await node2.start();
			downtimes.push(Date.now() - stopped);
			reached(`round ${round}`);
		});
		const convergence = await converged(devices, 60_000);
		reached('devices converged');
		devices.forEach((d) => d.close());

		const written = new Set(devices.flatMap((d) => d.written));
		const counts: Array<Census & { where: string }> = [];
		for (const d of devices) counts.push({ where: `${d.account.library}'s device`, ...census(await heldByReplica(d.db), written) });

		// Each node alone: the other two stopped, so what it answers is its own copy.
		await settled(nodes, 60_000);
		reached('internal replication settled');
		for (let i = 0; i < 3; i++) {
			const others = processes.filter((_, j) => j !== i);
			await Promise.all(others.map((p) => p.stop('SIGTERM')));
			try {
				counts.push({ where: `node${i + 1} alone`, ...census(await heldByNode(nodes[i]!, countyDb), written) });
			} finally {
				await Promise.all(others.map((p) => p.start()));
			}
			reached(`node${i + 1} read alone`);
		}

		console.log(
			`Cluster outage: node2 stopped and restarted ${downtimes.length} times (${signals.filter((s) => s === 'SIGKILL').length} by SIGKILL; ` +
				`down ${Math.min(...downtimes)}–${Math.max(...downtimes)} ms), ${traffic.writes} transactions written in ${traffic.seconds.toFixed(1)} s, ` +
				`devices converged ${convergence.toFixed(1)} s later; ` +
				counts.map((c) => `${c.where}: ${c.held} held, ${c.lost.length} lost, ${c.duplicated.length} duplicated`).join('; ') +
				`; sync states ${devices.map((d) => JSON.stringify(Object.fromEntries(d.states))).join(' ')}`
		);

		expect(downtimes).toHaveLength(ROUNDS);
		expect(convergence, 'both devices hold everything within a minute of the last restart').not.toBeNaN();
		expectNothingLost(counts, written);
		expect(devices.flatMap((d) => d.denied)).toEqual([]);
		expect(counts[0]!.state.exchanges.filter(([, ex]) => ex.status === 'accepted').length).toBeGreaterThan(0);
	}, TEST_TIMEOUT_MS);
});
