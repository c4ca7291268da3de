/**
 * A librarian's device for the outage tests: an in-memory PouchDB replica that syncs with the
 * county database on one CouchDB node through the app's own live replication
 * (src/lib/sync/replication.ts: retry, back-off, push filter), logged in with a session cookie,
 * and keeps writing valid transactions chosen from what it has seen, as a librarian would:
 * Hamar posts offers and accepts proposals for them, Tolga proposes on Hamar's offers and posts
 * requests. Everything it writes is remembered, to prove afterwards that nothing was lost.
 */
import PouchDB from 'pouchdb-core';
import '../../couchdb/embedded/server-pouchdb'; // installs the memory, http and replication plugins on pouchdb-core
import { fold } from '../../src/lib/domain/fold';
import { StampSource } from '../../src/lib/domain/ids';
import type { BankState } from '../../src/lib/domain/state';
import { makeTransaction, type Transaction, type TransactionFields } from '../../src/lib/domain/transactions';
import { validateTransaction } from '../../src/lib/domain/validation';
import type { Replica } from '../../src/lib/store/replica';
import { startReplication } from '../../src/lib/sync/replication';
import { SyncState } from '../../src/lib/sync/sync-state';

export interface DeviceAccount {
	library: 'hamar' | 'tolga';
	name: string;
	password: string;
	deviceId: string;
}

/** Every transaction in a replica, by id order. */
export async function transactionsOf(db: Replica): Promise<Transaction[]> {
	const all = await db.allDocs({ include_docs: true, startkey: 'tx:', endkey: 'tx:\uffff' });
	return all.rows.map((row) => row.doc as unknown as Transaction);
}

async function login(nodeUrl: string, name: string, password: string): Promise<string> {
	const response = await fetch(`${nodeUrl}/_session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name, password })
	});
	const cookie = response.headers.get('set-cookie')?.split(';')[0];
	if (!response.ok || !cookie) throw new Error(`login ${name} on ${nodeUrl}: HTTP ${response.status} ${await response.text()}`);
	return cookie;
}

let replicas = 0;

/**
 * The devices' PouchDB: pouchdb-core with every plugin, whose remote databases have an info()
 * that cannot reject. PouchDB 9's replicator asks the source's info after each batch for its
 * progress figures (active tasks) without handling a failure (pouchdb-replication,
 * `src.info().then(...)` after writing a batch): a server killed right then leaves an unhandled
 * rejection, which vitest counts as an error of the run. Nothing else of replication reads
 * info; its requests fail and are retried as before. startReplication opens the remote with
 * the replica's own constructor, so the remote is one of these too.
 */
class DevicePouch extends PouchDB {
	constructor(name: string, options: PouchDB.Configuration.DatabaseConfiguration) {
		super(name, options);
		// PouchDB 9 defines its methods on each instance, so the patch goes on the instance.
		if ((this as unknown as { adapter?: string }).adapter !== 'http') return;
		const info = this.info.bind(this);
		this.info = (() => info().catch(() => ({ db_name: name, doc_count: 0, update_seq: 0 }))) as typeof this.info;
	}
}

export class SyncingDevice {
	readonly db: Replica;
	/** Ids of every transaction this device wrote, in order. */
	readonly written: string[] = [];
	readonly denied: string[] = [];
	/** Sync states seen, with how often: shows the outages were felt. */
	readonly states = new Map<SyncState, number>();
	private readonly ids: StampSource;
	private stop?: () => void;

	private constructor(
		readonly account: DeviceAccount,
		private readonly remoteUrl: string,
		private readonly cookie: string
	) {
		this.db = new DevicePouch(`device-${process.pid}-${++replicas}-${account.deviceId}`, { adapter: 'memory' }) as Replica;
		this.ids = new StampSource(account.deviceId);
	}

	/** Logs in on the node and starts live two-way replication with `nodeUrl/countyDb`. */
	static async connect(account: DeviceAccount, nodeUrl: string, countyDb: string): Promise<SyncingDevice> {
		const device = new SyncingDevice(account, `${nodeUrl}/${countyDb}`, await login(nodeUrl, account.name, account.password));
		device.start();
		return device;
	}

	private start(): void {
		const request: typeof fetch = (url, init) => {
			const headers = new Headers(init?.headers);
			headers.set('cookie', this.cookie);
			return fetch(url, { ...init, headers });
		};
		this.stop = startReplication(
			this.db,
			this.remoteUrl,
			{
				state: (state) => this.states.set(state, (this.states.get(state) ?? 0) + 1),
				synced: () => {},
				pushed: () => {},
				denied: (id, reason) => this.denied.push(`${id}: ${reason}`),
				shrink: () => {}
			},
			{ deviceId: this.account.deviceId, request }
		);
	}

	/** Writes the next transaction a librarian could write from what this replica shows. */
	async write(): Promise<void> {
		const state = fold(await transactionsOf(this.db));
		if (state.lastId) this.ids.observe(state.lastId);
		const fields = this.next(state);
		const tx = makeTransaction(this.ids.next(), { ...fields, by: { library: this.account.library } } as Omit<Transaction, '_id' | 'type'>);
		const checked = validateTransaction(tx);
		if (!checked.ok) throw new Error(`the device wrote an invalid transaction: ${JSON.stringify(checked.issues)}`);
		await this.db.put(tx);
		this.written.push(tx._id);
	}

	private next(state: BankState): TransactionFields {
		const me = this.account.library;
		for (const ex of state.exchanges.values()) {
			if (ex.status === 'proposed' && ex.proposedBy !== me && (ex.host === me || ex.provider === me)) {
				return { kind: 'exchange.accepted', exchange: ex.id };
			}
		}
		if (me === 'tolga') {
			const proposed = new Set([...state.exchanges.values()].map((ex) => ('offer' in ex.source ? ex.source.offer : '')));
			for (const offer of state.offers.values()) {
				if (offer.status === 'open' && offer.library !== me && !proposed.has(offer.id) && offer.days - offer.daysTaken >= 0.5) {
					return { kind: 'exchange.proposed', offer: offer.id, days: 0.5, dates: { from: '2027-05-04', to: '2027-05-05' } };
				}
			}
			return { kind: 'request.posted', skills: ['front-desk'], description: 'Skranke', days: 1, dates: [], urgency: 'planned' };
		}
		return { kind: 'offer.posted', skills: ['cataloguing'], description: 'Katalogisering', days: 1, dates: [] };
	}

	/** Whether this replica holds every one of `ids`. */
	async holds(ids: Iterable<string>): Promise<boolean> {
		const wanted = [...ids];
		const { rows } = await this.db.allDocs({ keys: wanted });
		return rows.every((row) => 'value' in row && row.value && !(row.value as { deleted?: boolean }).deleted);
	}

	close(): void {
		this.stop?.();
		this.stop = undefined;
	}

	async destroy(): Promise<void> {
		this.close();
		await this.db.destroy();
	}
}
