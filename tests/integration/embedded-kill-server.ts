/**
 * The embedded server as its own process, for embedded-kill.test.ts: `tsx embedded-kill-server.ts
 * <dataDir> <port>` starts it on LevelDB in dataDir and prints one JSON line with its URL and
 * admin, then serves until it is killed.
 */
import { startEmbeddedServer } from '../../couchdb/embedded/server';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir || port === undefined) throw new Error('usage: embedded-kill-server.ts <dataDir> <port>');
const server = await startEmbeddedServer({ dataDir, port: Number(port), passwordIterations: 10 });
console.log(JSON.stringify({ url: server.url, dbUrl: server.dbUrl, admin: server.admin }));
