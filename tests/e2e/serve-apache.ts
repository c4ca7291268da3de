/**
 * The browser tests' server in proxy mode, as `npm start` runs with COUCHDB_URL: the built app
 * on one origin, `/db` forwarded to the Apache CouchDB the environment names (wiped first, then
 * the demo county provisioned as `couchdb:setup --demo` does).
 */
import { buildDemoCounty } from '../../couchdb/demo/seed';
import { startExternalProxy } from '../../couchdb/proxy/external';
import { provision } from '../../couchdb/provision';
import { wipe } from '../apache/apache-server';
import { apacheFromEnv } from '../apache/couchdb-env';

const node = apacheFromEnv();
if (!node) throw new Error('serve-apache needs COUCHDB_TEST_URL and COUCHDB_TEST_ADMIN');
await wipe(node);
await provision(node, buildDemoCounty('byttebank'));
const proxy = await startExternalProxy({ port: Number(process.env.PORT), host: '127.0.0.1', appDir: 'build', couchdbUrl: node.url, admin: node.admin });
console.log(`e2e proxy at ${proxy.url} for ${node.url}`);

const stop = () => void proxy.close().finally(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
