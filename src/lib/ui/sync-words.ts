import { SyncState } from '$lib/sync/sync-state';

/** The words for each sync state, shared by the badge and the live region that announces changes. */
export const syncStateKey = {
	[SyncState.Offline]: 'sync.offline',
	[SyncState.Connecting]: 'sync.connecting',
	[SyncState.Active]: 'sync.active',
	[SyncState.UpToDate]: 'sync.upToDate',
	[SyncState.Error]: 'sync.error',
	[SyncState.Unauthorized]: 'sync.unauthorized'
} as const;
