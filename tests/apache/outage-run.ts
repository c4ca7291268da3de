/**
 * The shared course of the outage tests: a county of two librarians provisioned under a prefix
 * of its own (the Apache CouchDB's `_users` is shared with the other suites), two devices that
 * write every few tens of milliseconds while their live sync runs, an outage made `rounds`
 * times at a random moment of that traffic, and then the wait until every replica holds what
 * both devices wrote.
 */
import { couch, type CouchTarget } from '../../couchdb/http';
import type { ProvisionPlan } from '../../couchdb/provision';
import { publicDbOf } from '../../couchdb/security';
import { USER_ID_PREFIX } from '../../src/lib/domain/membership';
import type { DeviceAccount, SyncingDevice } from './syncing-device';

export const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const between = (min: number, max: number) => min + Math.random() * (max - min);

export function outageCounty(suite: string): { countyDb: string; accounts: [DeviceAccount, DeviceAccount]; plan: ProvisionPlan } {
	const prefix = `${suite}-${process.pid}-${Date.now().toString(36)}`;
	const accounts: [DeviceAccount, DeviceAccount] = [
		{ library: 'hamar', name: `${prefix}-hamar`, password: 'hamar-pw', deviceId: 'hamaroutage01' },
		{ library: 'tolga', name: `${prefix}-tolga`, password: 'tolga-pw', deviceId: 'tolgaoutage01' }
	];
	const countyDb = `${prefix}-county`;
	const plan: ProvisionPlan = {
		countyDb,
		users: accounts.map((a) => ({ name: a.name, password: a.password, roles: ['librarian', `library:${a.library}`] })),
		documents: []
	};
	return { countyDb, accounts, plan };
}

export async function removeOutageCounty(target: CouchTarget, plan: ProvisionPlan): Promise<void> {
	for (const db of [plan.countyDb, publicDbOf(plan.countyDb)]) await couch(target, 'DELETE', `/${db}`, undefined, [404]);
	for (const user of plan.users) {
		const path = `/_users/${encodeURIComponent(USER_ID_PREFIX + user.name)}`;
		const current = await couch<{ _rev: string }>(target, 'GET', path, undefined, [404]);
		if (current.status === 200) await couch(target, 'DELETE', `${path}?rev=${current.body._rev}`, undefined, [404, 409]);
	}
}

export interface TrafficFigures {
	writes: number;
	seconds: number;
}

/**
 * Both devices keep writing while `outage` runs `rounds` times, each after 0.3–1.2 s of
 * traffic, so it always strikes in the middle of replication.
 */
export async function writeThroughOutages(devices: SyncingDevice[], rounds: number, outage: (round: number) => Promise<void>): Promise<TrafficFigures> {
	const started = Date.now();
	let writing = true;
	let writes = 0;
	const writers = devices.map(async (device) => {
		while (writing) {
			await device.write();
			writes++;
			await pause(between(20, 60));
		}
	});
	try {
		for (let round = 1; round <= rounds; round++) {
			await pause(between(300, 1200));
			await outage(round);
		}
	} finally {
		writing = false;
		await Promise.all(writers);
	}
	return { writes, seconds: (Date.now() - started) / 1000 };
}

/** Waits until every device holds what every device wrote (their sync keeps running). */
export async function converged(devices: SyncingDevice[], timeoutMs: number): Promise<number> {
	const started = Date.now();
	const all = devices.flatMap((d) => d.written);
	for (;;) {
		const held = await Promise.all(devices.map((d) => d.holds(all)));
		if (held.every(Boolean)) return (Date.now() - started) / 1000;
		if (Date.now() - started > timeoutMs) return Number.NaN;
		await pause(250);
	}
}
