/**
 * The name PouchDB gives the county database inside replication ids (the server's uuid and the
 * database name), kept in the replica instead of asked for each time replication starts.
 *
 * Why: PouchDB's HTTP adapter fetches the server's root for it whenever a replication begins,
 * once per direction: a round trip on the way to pushing anything (400 ms on slow 3G). Worse,
 * when that fetch fails it silently uses the URL instead, so a replication that began offline
 * looked for checkpoints under another id once the line came back and read the county's
 * changes from the beginning. Here the id is the one PouchDB computes when it gets an answer
 * (existing checkpoints stay valid), read once from the server and then from the replica; with
 * no answer and nothing remembered, replication fails and retries rather than guess.
 *
 * Remembering it is safe if the server is replaced: checkpoints are kept on both sides, and a
 * server without ours makes PouchDB start from the beginning whatever the id.
 */
import type { Replica } from '$lib/store/replica';

const REMEMBERED = '_local/remote-id';

interface Remembered {
	_id: typeof REMEMBERED;
	_rev?: string;
	url: string;
	id: string;
}

async function remembered(replica: Replica): Promise<Remembered | undefined> {
	try {
		return (await replica.get(REMEMBERED)) as unknown as Remembered;
	} catch (error) {
		if ((error as { status?: number }).status === 404) return undefined;
		throw error;
	}
}

async function askServer(remoteUrl: string, request: typeof fetch): Promise<string> {
	const url = new URL(remoteUrl);
	const db = url.pathname.replace(/\/+$/, '').split('/').pop() ?? '';
	url.pathname = url.pathname.replace(/\/+$/, '').slice(0, -db.length);
	const response = await request(url.href, { credentials: 'same-origin', headers: { accept: 'application/json' } });
	if (!response.ok) throw Object.assign(new Error(`GET ${url.pathname}: HTTP ${response.status}`), { status: response.status });
	const { uuid } = (await response.json()) as { uuid?: string };
	// As PouchDB does: no uuid (a server that does not say) means the database's URL.
	return uuid ? uuid + db : remoteUrl.replace(/\/?$/, '/');
}

/** Makes `remote.id()` answer from the replica, asking the server only the first time. */
export function rememberRemoteId(replica: Replica, remote: Replica, remoteUrl: string, request: typeof fetch): void {
	let known: Promise<string> | undefined;
	const lookUp = async (): Promise<string> => {
		const stored = await remembered(replica);
		if (stored?.url === remoteUrl) return stored.id;
		const id = await askServer(remoteUrl, request);
		await replica.put({ _id: REMEMBERED, _rev: stored?._rev, url: remoteUrl, id } as unknown as PouchDB.Core.PutDocument<Record<string, unknown>>);
		return id;
	};
	(remote as unknown as { id: () => Promise<string> }).id = () =>
		(known ??= lookUp().catch((error: unknown) => {
			known = undefined;
			throw error;
		}));
}
