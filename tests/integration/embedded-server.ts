/** Starts a real embedded server (LevelDB in a temp folder) on a free port for a test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provision, type ProvisionPlan } from '../../couchdb/provision';
import { startEmbeddedServer, type EmbeddedServer } from '../../couchdb/embedded/server';

export interface TestServer extends EmbeddedServer {
	dataDir: string;
	stop(): Promise<void>;
}

export async function startTestServer(plan?: ProvisionPlan, options: { notifyUrl?: () => string | undefined } = {}): Promise<TestServer> {
	const dataDir = mkdtempSync(join(tmpdir(), 'byttebank-test-'));
	// Few iterations: these are throw-away test passwords and the JS hash is slow.
	const server = await startEmbeddedServer({ dataDir, port: 0, passwordIterations: 10, ...options });
	if (plan) await provision({ url: server.dbUrl, admin: server.admin }, plan);
	return {
		...server,
		dataDir,
		stop: async () => {
			await server.close();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** Logs in through `_session` like the app does and returns the session cookie. */
export async function login(dbUrl: string, name: string, password: string): Promise<string> {
	const response = await fetch(`${dbUrl}/_session`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name, password })
	});
	if (!response.ok) throw new Error(`login ${name}: HTTP ${response.status} ${await response.text()}`);
	const cookie = response.headers.get('set-cookie');
	if (!cookie) throw new Error('no session cookie');
	return cookie.split(';')[0]!;
}

export async function request(dbUrl: string, method: string, path: string, options: { cookie?: string; body?: unknown } = {}) {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (options.cookie) headers.cookie = options.cookie;
	if (options.body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(dbUrl + path, {
		method,
		headers,
		body: options.body === undefined ? undefined : JSON.stringify(options.body)
	});
	const text = await response.text();
	return { status: response.status, body: (text ? JSON.parse(text) : null) as Record<string, unknown> };
}

/** A server the shared suites (tests/integration/suites) run against: this one, or Apache CouchDB. */
export interface ServerKind {
	flavor: 'embedded' | 'apache';
	start(plan?: ProvisionPlan): Promise<TestServer>;
}

export const embeddedKind: ServerKind = { flavor: 'embedded', start: startTestServer };
