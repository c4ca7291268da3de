/** The one place that names every state sync can be in; the UI shows each in plain words. */
export const SyncState = {
	Offline: 'offline',
	Connecting: 'connecting',
	Active: 'active',
	UpToDate: 'upToDate',
	Error: 'error',
	Unauthorized: 'unauthorized'
} as const;

export type SyncState = (typeof SyncState)[keyof typeof SyncState];
