/** The PouchDB the embedded server stores its databases in: LevelDB on disk, or memory. */
import PouchDB from 'pouchdb-core';
import LevelAdapter from 'pouchdb-adapter-leveldb';
import MemoryAdapter from 'pouchdb-adapter-memory';
import HttpAdapter from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

// Plugins change the PouchDB class itself, so they are installed once per process.
const ServerPouchDB = PouchDB.plugin(HttpAdapter).plugin(mapreduce).plugin(replication).plugin(LevelAdapter).plugin(MemoryAdapter);

export function createServerPouchDB(prefix: string, inMemory: boolean) {
	if (inMemory) return ServerPouchDB.defaults({ adapter: 'memory' });
	return ServerPouchDB.defaults({ prefix: prefix + '/', adapter: 'leveldb' });
}
