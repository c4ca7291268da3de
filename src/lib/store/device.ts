/**
 * Device-local state that must never replicate: the device id, the transaction clock and
 * the last session (so the app opens offline, logged in as before). Never a password.
 */
import Dexie, { type EntityTable } from 'dexie';
import { newDeviceId, ZERO_CLOCK, type Clock } from '$lib/domain/ids';

export interface LastSession {
	name: string;
	roles: string[];
	library: string;
	county: boolean;
	at: number;
}

interface Setting {
	key: string;
	value: unknown;
}

/** A local write the server has not confirmed yet; `denied` once the server refused it. */
export interface OutboxItem {
	id: string;
	user: string;
	at: number;
	denied?: string;
}

export class DeviceStore extends Dexie {
	settings!: EntityTable<Setting, 'key'>;
	outbox!: EntityTable<OutboxItem, 'id'>;

	constructor(name = 'byttebank-device') {
		super(name);
		this.version(1).stores({ settings: 'key', outbox: 'id, user' });
	}

	async #get<T>(key: string): Promise<T | undefined> {
		return (await this.settings.get(key))?.value as T | undefined;
	}

	async deviceId(): Promise<string> {
		const existing = await this.#get<string>('deviceId');
		if (existing) return existing;
		const id = newDeviceId();
		await this.settings.put({ key: 'deviceId', value: id });
		return id;
	}

	async clock(): Promise<Clock> {
		return (await this.#get<Clock>('clock')) ?? ZERO_CLOCK;
	}

	/**
	 * Before a document is written: the clock that stamped it and its outbox entry, in one
	 * transaction (one commit less on the way of every write than saving them one by one).
	 */
	async recordWrite(clock: Clock, item: OutboxItem): Promise<void> {
		await this.transaction('rw', this.settings, this.outbox, async () => {
			await this.settings.put({ key: 'clock', value: clock });
			await this.outbox.put(item);
		});
	}

	/** What to add to this device's clock to get the server's (sync/server-clock.svelte.ts). */
	async clockOffset(): Promise<number> {
		return (await this.#get<number>('clockOffset')) ?? 0;
	}

	async saveClockOffset(offset: number): Promise<void> {
		await this.settings.put({ key: 'clockOffset', value: offset });
	}

	async lastSession(): Promise<LastSession | undefined> {
		return this.#get<LastSession>('session');
	}

	async saveSession(session: LastSession | undefined): Promise<void> {
		if (session) await this.settings.put({ key: 'session', value: session });
		else await this.settings.delete('session');
	}
}
