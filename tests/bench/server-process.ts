/**
 * Hosts the embedded server for the sync benchmark in a child process of its own.
 *
 * Why a process: express-pouchdb starts a heartbeat `setInterval` for every longpoll or
 * continuous `_changes` request and clears it only when the feed completes, errors or sees a
 * change — never when the client hangs up (a cancelled PouchDB feed emits no `complete`). Every
 * live replication the browser drops leaves one such interval behind, and those intervals kept
 * `npm run bench` alive after it had printed its table (`process.getActiveResourcesInfo()` listed
 * ten `Timeout`s created in express-pouchdb/lib/routes/changes.js). They are not reachable from
 * outside express-pouchdb, so the benchmark ends them by ending the process that owns them.
 *
 * Protocol (IPC): started with the data directory as argv[2], sends `{url, dbUrl, admin}` once
 * listening; exits when the parent disconnects or sends SIGTERM.
 */
import { startEmbeddedServer } from '../../couchdb/embedded/server';

const dataDir = process.argv[2];
if (!dataDir || !process.send) throw new Error('server-process.ts is started by tests/bench/browser.ts with an IPC channel and a data directory');

const server = await startEmbeddedServer({ dataDir, port: 0, appDir: 'build', passwordIterations: 10 });

async function stop(): Promise<void> {
	await server.close();
	// The leaked heartbeat intervals (above) would keep this process alive; it exists to end them.
	process.exit(0);
}
process.once('SIGTERM', () => void stop());
process.once('disconnect', () => void stop());
process.send({ url: server.url, dbUrl: server.dbUrl, admin: server.admin });
