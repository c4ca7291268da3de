declare module 'express-pouchdb' {
	import type { Express } from 'express';
	interface CouchConfig {
		get(section: string, key: string): unknown;
		set(section: string, key: string, value: unknown, callback?: (error?: Error) => void): void;
	}
	interface ExpressPouchDBApp extends Express {
		couchConfig: CouchConfig;
	}
	function expressPouchDB(PouchDB: unknown, options?: Record<string, unknown>): ExpressPouchDBApp;
	export default expressPouchDB;
}
declare module 'pouchdb-adapter-leveldb';
declare module 'pouchdb-adapter-memory';
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-replication';
declare module 'pouchdb-mapreduce';
