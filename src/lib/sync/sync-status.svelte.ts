/**
 * What the user always sees about sync: online or not, the state, the last time the device
 * and the county agreed, how many local changes are still waiting, and refusals.
 */
import { SyncState } from './sync-state';

export interface Denial {
	id: string;
	reason: string;
}

export class SyncStatus {
	state = $state<SyncState>(SyncState.Offline);
	online = $state(typeof navigator === 'undefined' ? true : navigator.onLine);
	lastSynced = $state<number | null>(null);
	pending = $state(0);
	denied = $state<Denial[]>([]);

	/** What the badge says: offline wins over everything, because nothing else can happen. */
	get shown(): SyncState {
		return this.online ? this.state : SyncState.Offline;
	}
}
