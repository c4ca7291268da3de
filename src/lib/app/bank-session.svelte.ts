/**
 * One logged-in user on this device: their replica, read model, projector, writer and sync.
 * Opening needs no network; replication starts when the network is there and restarts when
 * it comes back or the app returns to the foreground.
 */
import { liveQuery } from 'dexie';
import { StampSource } from '$lib/domain/ids';
import { BankWriter } from '$lib/store/bank-writer';
import type { DeviceStore, LastSession } from '$lib/store/device';
import { Projector } from '$lib/store/projector';
import { ReadModel, readModelName } from '$lib/store/read-model';
import { rowsInFormat } from '$lib/store/projection-snapshot';
import { openReplica, type Replica } from '$lib/store/replica';
import { DEFAULT_BATCH_SIZE, startReplication } from '$lib/sync/replication';
import { ServerClock } from '$lib/sync/server-clock.svelte';
import { COUNTY_DB, DB_PATH } from '$lib/sync/session';
import { SyncState } from '$lib/sync/sync-state';
import { SyncStatus } from '$lib/sync/sync-status.svelte';
import { DirectoryPublisher } from './directory-publisher';


/** Asks the browser not to evict the replica under storage pressure; it may say no. */
async function askForPersistentStorage(): Promise<void> {
	if (!navigator.storage?.persist) return;
	if (await navigator.storage.persisted()) return;
	await navigator.storage.persist().catch(() => false);
}

export class BankSession {
	readonly sync = new SyncStatus();
	readonly clock: ServerClock;
	readonly readModel: ReadModel;
	/** False while a warm start's fold catches up behind the pages (acts wait for it). */
	caughtUp = $state(false);
	writer!: BankWriter;
	#replica: Replica | undefined;
	#projector!: Projector;
	#stopReplication: (() => void) | undefined;
	#listeners: Array<() => void> = [];
	#publisher: DirectoryPublisher | undefined;

	constructor(
		readonly user: LastSession,
		private readonly device: DeviceStore
	) {
		this.readModel = new ReadModel(readModelName(user.name));
		this.clock = new ServerClock((offset) => device.saveClockOffset(offset));
	}

	/**
	 * Opens the session. On a warm start the pages open on the read model at once, before the
	 * replica (PouchDB, the largest part of the app) is even loaded: rows written by this version
	 * of the app are a whole projection of this user's replica. Should the replica turn out not to
	 * be the one they were made from, the projector refolds and the pages follow.
	 */
	async open(): Promise<void> {
		this.#deviceId = await this.device.deviceId();
		this.clock.restore(await this.device.clockOffset());
		const stamps = new StampSource(this.#deviceId, await this.device.clock(), this.clock.now);
		// The county acts with its role, which the server checks and county-only acts require.
		const actor = this.user.county ? { library: this.user.library, role: 'county' as const } : { library: this.user.library };
		this.#opening = this.#openReplica(stamps);
		// Acts are checked against the state once it holds everything the replica holds.
		const current = async () => {
			await this.#opening;
			await this.#projector.caughtUp;
			return this.#projector.state;
		};
		const replica = async () => (await this.#opening, this.#replica!);
		this.writer = new BankWriter(replica, this.device, stamps, actor, this.user.name, current, (ms) => this.clock.check(ms));
		if (await rowsInFormat(this.readModel)) this.#opening.catch((error: unknown) => console.error('Could not open the replica', error));
		else await this.#opening;
		this.#watchOutbox();
		const last = await this.device.settings.get(`lastSynced:${this.user.name}`);
		if (typeof last?.value === 'number') this.sync.lastSynced = last.value;
		void askForPersistentStorage();
		this.#watchConnectivity();
		this.#startSync();
		void this.#opening.then(() => this.#startSync());
	}

	#opening: Promise<void> | undefined;

	/** Opens the replica and starts the projector; resolves once the read model may be shown. */
	async #openReplica(stamps: StampSource): Promise<void> {
		this.#replica = await openReplica(this.user.name);
		this.#projector = new Projector(this.#replica, this.readModel, { onTransaction: (id) => stamps.observe(id) });
		// The fold catches up behind the pages, which follow through their live queries.
		const starting = this.#projector.start();
		starting.then(
			() => (this.caughtUp = true),
			(error: unknown) => console.error('Projector: could not start', error)
		);
		await this.#projector.shown;
		if (this.user.county) this.#publisher = new DirectoryPublisher(COUNTY_DB, this.readModel, () => this.#projector.settled());
	}

	#batchSize = DEFAULT_BATCH_SIZE;
	#deviceId = '';

	#startSync(): void {
		this.#stopReplication?.();
		this.#stopReplication = undefined;
		if (!this.sync.online) {
			this.sync.state = SyncState.Offline;
			return;
		}
		// Before the replica is open there is nothing to sync; opening starts it.
		if (!this.#replica) return;
		this.#stopReplication = startReplication(this.#replica, `${location.origin}${DB_PATH}/${COUNTY_DB}`, {
			state: (state) => {
				this.sync.state = state;
			},
			synced: (at) => {
				this.sync.lastSynced = at;
				void this.device.settings.put({ key: `lastSynced:${this.user.name}`, value: at });
				void this.#publisher?.publish();
			},
			pushed: (ids) => void this.device.outbox.bulkDelete(ids),
			denied: (id, reason) => {
				void this.device.outbox.update(id, { denied: reason });
			},
			// The rows wait for the whole copy, then are written once (Projector.holdRows).
			copying: (active) => (active ? this.#projector.holdRows() : this.#projector.releaseRows()),
			shrink: (size) => {
				this.#batchSize = size;
				this.#startSync();
			}
		}, {
			deviceId: this.#deviceId,
			batchSize: this.#batchSize,
			request: this.clock.fetch,
			unsent: () => this.device.outbox.where('user').equals(this.user.name).count()
		});
	}

	/** Restarts sync after the user logs in again following an expired session. */
	resume(): void {
		this.#startSync();
	}

	/** Pending and refused changes, live from the outbox: a write shows up at once, a reload keeps them. */
	#watchOutbox(): void {
		const subscription = liveQuery(() => this.device.outbox.where('user').equals(this.user.name).toArray()).subscribe((items) => {
			this.sync.pending = items.filter((i) => !i.denied).length;
			this.sync.denied = items.filter((i) => i.denied).map((i) => ({ id: i.id, reason: i.denied! }));
		});
		this.#listeners.push(() => subscription.unsubscribe());
	}

	async dismissDenied(id: string): Promise<void> {
		await this.device.outbox.delete(id);
	}

	#watchConnectivity(): void {
		const online = () => {
			this.sync.online = true;
			this.#startSync();
		};
		const offline = () => {
			this.sync.online = false;
			this.sync.state = SyncState.Offline;
		};
		const visible = () => {
			if (document.visibilityState === 'visible' && this.sync.online && this.sync.state !== SyncState.UpToDate) this.#startSync();
			// Put away or switched off: a good moment to save the fold (a no-op when it is saved).
			if (document.visibilityState === 'hidden') void this.#projector?.persist().catch(() => undefined);
		};
		window.addEventListener('online', online);
		window.addEventListener('offline', offline);
		document.addEventListener('visibilitychange', visible);
		this.#listeners.push(
			() => window.removeEventListener('online', online),
			() => window.removeEventListener('offline', offline),
			() => document.removeEventListener('visibilitychange', visible)
		);
	}

	async close(erase: boolean): Promise<void> {
		await this.#opening?.catch(() => undefined);
		this.#stopReplication?.();
		this.#projector?.stop();
		for (const remove of this.#listeners) remove();
		this.readModel.close();
		if (erase) {
			await this.#replica?.destroy();
			await this.readModel.delete();
			await this.device.outbox.where('user').equals(this.user.name).delete();
		} else {
			await this.#replica?.close();
		}
	}
}
