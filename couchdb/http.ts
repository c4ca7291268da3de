/** A tiny CouchDB HTTP client for provisioning: it speaks only what both servers understand. */

export interface CouchTarget {
	/** Server root: `http://host:5984` for Apache CouchDB, `http://host:8080/db` embedded. */
	url: string;
	admin: { name: string; password: string };
}

export class CouchError extends Error {
	constructor(
		readonly status: number,
		readonly body: unknown,
		what: string
	) {
		super(`${what}: HTTP ${status} ${JSON.stringify(body)}`);
	}
}

export async function couch<T = unknown>(
	target: CouchTarget,
	method: string,
	path: string,
	body?: unknown,
	accept: number[] = []
): Promise<{ status: number; body: T }> {
	const auth = Buffer.from(`${target.admin.name}:${target.admin.password}`).toString('base64');
	const response = await fetch(target.url.replace(/\/$/, '') + path, {
		method,
		headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json', accept: 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const text = await response.text();
	const parsed = (text ? JSON.parse(text) : null) as T;
	if (!response.ok && !accept.includes(response.status)) throw new CouchError(response.status, parsed, `${method} ${path}`);
	return { status: response.status, body: parsed };
}
