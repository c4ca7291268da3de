/**
 * The list of libraries people choose from when they ask to join, kept in a database anyone
 * may read (`<county>-public`, document `libraries`). The county's app publishes it whenever
 * the directory changes; only the county may write it (couchdb/design/public-validate.js).
 */
import { publicDbOf, type JoinableLibrary } from '$lib/domain/membership';
import { DB_PATH } from './session';

export const PUBLIC_DOC_PATH = (countyDb: string) => `${DB_PATH}/${publicDbOf(countyDb)}/libraries`;

type Published = { _id: 'libraries'; _rev?: string; libraries: JoinableLibrary[] };

/** The list; 'closed' when the server admits nobody anonymous (sign-up is off); undefined when unreachable. */
export async function readJoinableLibraries(countyDb: string, fetcher: typeof fetch = fetch): Promise<JoinableLibrary[] | 'closed' | undefined> {
	try {
		const response = await fetcher(PUBLIC_DOC_PATH(countyDb), { headers: { accept: 'application/json' } });
		if (response.status === 401) return 'closed';
		if (!response.ok) return undefined;
		return ((await response.json()) as Published).libraries;
	} catch {
		return undefined;
	}
}

/** Writes the list when it differs from the published one; true when it is now current. */
export async function publishJoinableLibraries(countyDb: string, libraries: JoinableLibrary[], fetcher: typeof fetch = fetch): Promise<boolean> {
	try {
		const current = await fetcher(PUBLIC_DOC_PATH(countyDb), { credentials: 'same-origin', headers: { accept: 'application/json' } });
		const published: Published | undefined = current.ok ? ((await current.json()) as Published) : undefined;
		if (published && JSON.stringify(published.libraries) === JSON.stringify(libraries)) return true;
		const doc: Published = { _id: 'libraries', ...(published?._rev ? { _rev: published._rev } : {}), libraries };
		const response = await fetcher(PUBLIC_DOC_PATH(countyDb), {
			method: 'PUT',
			credentials: 'same-origin',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(doc)
		});
		return response.ok;
	} catch {
		return false;
	}
}
