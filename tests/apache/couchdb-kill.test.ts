/**
 * Apache CouchDB killed with SIGKILL in the middle of two devices' live sync, 20 times, and
 * started again each time: afterwards nothing is lost, nothing is there twice, the node and both
 * devices hold the same transactions and fold them to the same state. CouchDB's append-only
 * files and the replication checkpoints are what this leans on; the devices run the app's own
 * replication (retry and back-off).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provision } from '../../couchdb/provision';
import { census, expectNothingLost, heldByNode, heldByReplica } from './census';
import { apacheFromEnv, saySkipped } from './couchdb-env';
import { NodeProcess } from './node-process';
import { converged, outageCounty, pause, removeOutageCounty, writeThroughOutages } from './outage-run';
import { SyncingDevice } from './syncing-device';

const ROUNDS = 20;
const node = apacheFromEnv();
if (!node?.dir) saySkipped('CouchDB killed mid-replication', 'COUCHDB_TEST_NODE_DIR (with COUCHDB_TEST_URL, COUCHDB_TEST_ADMIN)');

describe.skipIf(!node?.dir)('Apache CouchDB killed with SIGKILL during two devices\' sync', () => {
	const { countyDb, accounts, plan } = outageCounty('kill');
	const devices: SyncingDevice[] = [];

	beforeAll(async () => {
		await provision(node!, plan);
		for (const account of accounts) devices.push(await SyncingDevice.connect(account, node!.url, countyDb));
	});
	afterAll(async () => {
		await Promise.all(devices.map((d) => d.destroy()));
		const process = new NodeProcess(node!.dir!);
		if (process.pid() === undefined) await process.start();
		await removeOutageCounty(node!, plan);
	});

	it(`loses nothing and duplicates nothing over ${ROUNDS} kills, and both devices converge`, async () => {
		const couchdb = new NodeProcess(node!.dir!);
		const downtimes: number[] = [];
		const traffic = await writeThroughOutages(devices, ROUNDS, async () => {
			const killed = Date.now();
			await couchdb.stop('SIGKILL');
			await pause(100 + Math.random() * 400); // the devices write on, offline
			await couchdb.start();
			downtimes.push(Date.now() - killed);
		});
		const convergence = await converged(devices, 60_000);

		const written = new Set(devices.flatMap((d) => d.written));
		const counts = [
			{ where: 'node', ...census(await heldByNode(node!, countyDb), written) },
			...(await Promise.all(devices.map(async (d) => ({ where: d.account.library, ...census(await heldByReplica(d.db), written) }))))
		];
		console.log(
			`CouchDB kill: ${ROUNDS} SIGKILLs and restarts (down ${Math.min(...downtimes)}–${Math.max(...downtimes)} ms), ` +
				`${traffic.writes} transactions written in ${traffic.seconds.toFixed(1)} s, converged ${convergence.toFixed(1)} s later; ` +
				counts.map((c) => `${c.where}: ${c.held} held, ${c.lost.length} lost, ${c.duplicated.length} duplicated`).join('; ') +
				`; sync states ${devices.map((d) => JSON.stringify(Object.fromEntries(d.states))).join(' ')}`
		);

		expect(downtimes).toHaveLength(ROUNDS);
		expect(convergence, 'both devices hold everything within a minute of the last restart').not.toBeNaN();
		expectNothingLost(counts, written);
		expect(devices.flatMap((d) => d.denied)).toEqual([]);
		// The exchanges moved along across the devices: what Tolga proposed, Hamar accepted.
		expect(counts[0]!.state.exchanges.filter(([, ex]) => ex.status === 'accepted').length).toBeGreaterThan(0);
	});
});
