/**
 * One logged-in user on this device: their replica, read model, projector, writer and sync.
 * Opening needs no network; replication starts when the network is there and restarts when
 * it comes back or the app returns to the foreground.
 */
import { TransactionIdSource } from '$lib/domain/ids';
import { BankWriter } from '$lib/store/bank-writer';
import type { DeviceStore, LastSession } from '$lib/store/device';
import { Projector } from '$lib/store/projector';
import { ReadModel, readModelName } from '$lib/store/read-model';
import { openReplica, type Replica } from '$lib/store/replica';
import { startReplication } from '$lib/sync/replication';
import { DB_PATH } from '$lib/sync/session';
import { SyncState } from '$lib/sync/sync-state';
import { SyncStatus } from '$lib/sync/sync-status.svelte';

export const COUNTY_DB = 'byttebank';

export class BankSession {
	readonly sync = new SyncStatus();
	readonly readModel: ReadModel;
	writer!: BankWriter;
	#replica!: Replica;
	#projector!: Projector;
	#stopReplication: (() => void) | undefined;
	#listeners: Array<() => void> = [];

	constructor(
		readonly user: LastSession,
		private readonly device: DeviceStore
	) {
		this.readModel = new ReadModel(readModelName(user.name));
	}

	async open(): Promise<void> {
		this.#replica = await openReplica(this.user.name);
		const ids = new TransactionIdSource(await this.device.deviceId(), await this.device.clock());
		this.writer = new BankWriter(this.#replica, this.device, ids, { library: this.user.library }, this.user.name);
		this.#projector = new Projector(this.#replica, this.readModel, { onTransaction: (id) => ids.observe(id) });
		await this.#projector.start();
		await this.#countPending();
		this.#watchConnectivity();
		this.#startSync();
	}

	#startSync(): void {
		this.#stopReplication?.();
		this.#stopReplication = undefined;
		if (!this.sync.online) {
			this.sync.state = SyncState.Offline;
			return;
		}
		this.#stopReplication = startReplication(this.#replica, `${location.origin}${DB_PATH}/${COUNTY_DB}`, {
			state: (state) => {
				this.sync.state = state;
			},
			synced: (at) => {
				this.sync.lastSynced = at;
				void this.device.settings.put({ key: `lastSynced:${this.user.name}`, value: at });
			},
			pushed: (ids) => void this.device.outbox.bulkDelete(ids).then(() => this.#countPending()),
			denied: (id, reason) => {
				this.sync.denied = [...this.sync.denied.filter((d) => d.id !== id), { id, reason }];
				void this.device.outbox.update(id, { denied: reason }).then(() => this.#countPending());
			}
		});
	}

	/** Restarts sync after the user logs in again following an expired session. */
	resume(): void {
		this.#startSync();
	}

	async #countPending(): Promise<void> {
		const items = await this.device.outbox.where('user').equals(this.user.name).toArray();
		this.sync.pending = items.filter((i) => !i.denied).length;
		const last = await this.device.settings.get(`lastSynced:${this.user.name}`);
		if (typeof last?.value === 'number' && this.sync.lastSynced === null) this.sync.lastSynced = last.value;
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
