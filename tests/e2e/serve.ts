/**
 * The server the browser tests talk to: the built app and the demo county. A fresh, throw-away
 * county by default; with E2E_DATA_DIR it keeps its data, so a test can stop and restart it.
 * E2E_APP_DIR serves another copy of the build (a test can then change it, as a deploy would).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoCounty } from '../../couchdb/demo/seed';
import { provision } from '../../couchdb/provision';
import { startEmbeddedServer } from '../../couchdb/embedded/server';

const keep = process.env.E2E_DATA_DIR;
const dataDir = keep ?? mkdtempSync(join(tmpdir(), 'byttebank-e2e-'));
const server = await startEmbeddedServer({ dataDir, port: Number(process.env.PORT), appDir: process.env.E2E_APP_DIR ?? 'build', passwordIterations: 10 });
await provision({ url: server.dbUrl, admin: server.admin }, buildDemoCounty('byttebank'));
console.log(`e2e server at ${server.url}`);

const stop = () => {
	void server.close().finally(() => {
		if (!keep) rmSync(dataDir, { recursive: true, force: true });
		process.exit(0);
	});
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
