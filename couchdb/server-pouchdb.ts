/** The PouchDB the embedded server stores its databases in: LevelDB on disk, or memory. */
import PouchDB from 'pouchdb-core';
import LevelAdapter from 'pouchdb-adapter-leveldb';
import MemoryAdapter from 'pouchdb-adapter-memory';
import HttpAdapter from 'pouchdb-adapter-http';
import mapreduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

export function createServerPouchDB(prefix: string, inMemory: boolean): PouchDB.Static {
	const Base = PouchDB.plugin(HttpAdapter).plugin(mapreduce).plugin(replication);
	if (inMemory) return Base.plugin(MemoryAdapter).defaults({ adapter: 'memory' });
	return Base.plugin(LevelAdapter).defaults({ prefix: prefix + '/', adapter: 'leveldb' });
}
