import { describe, expect, it } from 'vitest';
import { configFromEnv, parseCouchdbUrls } from './config';

const admin = { COUCHDB_ADMIN: 'admin', COUCHDB_PASSWORD: 'secret' };

describe('COUCHDB_URL', () => {
	it('names one node, or the nodes of a cluster separated by commas, in their order', () => {
		expect(configFromEnv({ ...admin, COUCHDB_URL: 'http://127.0.0.1:5984' }).couchdbUrls).toEqual(['http://127.0.0.1:5984']);
		expect(configFromEnv({ ...admin, COUCHDB_URL: ' http://couch1:5984/, http://couch3:5984 ,http://couch2:5984,' }).couchdbUrls).toEqual([
			'http://couch1:5984',
			'http://couch3:5984',
			'http://couch2:5984'
		]);
	});

	it('keeps a path prefix and drops trailing slashes', () => {
		expect(parseCouchdbUrls('https://db.example.org/couch/')).toEqual(['https://db.example.org/couch']);
	});

	it('means the embedded server when unset or blank', () => {
		expect(configFromEnv({}).couchdbUrls).toBeUndefined();
		expect(configFromEnv({ COUCHDB_URL: '  ' }).couchdbUrls).toBeUndefined();
	});

	it('needs the server admin to provision', () => {
		expect(() => configFromEnv({ COUCHDB_URL: 'http://a:5984,http://b:5984' })).toThrow(/COUCHDB_ADMIN and COUCHDB_PASSWORD/);
		expect(configFromEnv({ ...admin, COUCHDB_URL: 'http://a:5984' }).couchdbAdmin).toEqual({ name: 'admin', password: 'secret' });
	});

	it('refuses credentials inside a URL, which the proxy would hand to every browser', () => {
		expect(() => parseCouchdbUrls('http://a:5984,http://admin:pw@b:5984')).toThrow(/b:5984" carries credentials/);
		expect(() => parseCouchdbUrls('http://admin@a:5984')).toThrow(/carries credentials/);
	});

	it('refuses what is not a node URL, naming the entry', () => {
		expect(() => parseCouchdbUrls('http://a:5984,couch2:5984')).toThrow(/"couch2:5984" must start with http/);
		expect(() => parseCouchdbUrls('http://a:5984,not a url')).toThrow(/"not a url" is not a URL/);
		expect(() => parseCouchdbUrls('http://a:5984/?x=1')).toThrow(/query or fragment/);
		expect(() => parseCouchdbUrls(' , ')).toThrow(/names no CouchDB node/);
	});

	it('refuses the same node twice', () => {
		expect(() => parseCouchdbUrls('http://a:5984,http://A:5984/')).toThrow(/http:\/\/a:5984 twice/);
	});
});
