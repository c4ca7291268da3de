/**
 * `latest=true` for a revision the database does not hold made pouchdb-merge 9 throw ("Unable
 * to resolve latest revision") inside a LevelDB callback, where nothing catches it. Replication
 * asks for `latest=true` on every document it fetches one by one (`open_revs=[…]&latest=true`),
 * so refusing the parameter broke sync; instead an unknown revision resolves to itself, which
 * the adapter then answers as missing, as CouchDB does. pouchdb-adapter-leveldb-core reads
 * `latest` from pouchdb-merge's exports at each call, so patching the export is enough.
 * Import this before anything opens a database (server.ts does).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const merge = require('pouchdb-merge') as { latest: (rev: string, metadata: unknown) => string; __byttebankPatched?: boolean };

if (!merge.__byttebankPatched) {
	const latest = merge.latest;
	merge.latest = (rev, metadata) => {
		try {
			return latest(rev, metadata);
		} catch {
			return rev;
		}
	};
	merge.__byttebankPatched = true;
}
