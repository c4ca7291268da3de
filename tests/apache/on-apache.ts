/** Runs a shared suite on the Apache CouchDB the environment names, or says plainly that it did not. */
import { describe, it } from 'vitest';
import type { ServerKind } from '../integration/embedded-server';
import { saySkipped } from './couchdb-env';

export function onApache(name: string, kind: ServerKind | undefined, suite: (kind: ServerKind) => void): void {
	if (kind) return suite(kind);
	saySkipped(`Apache CouchDB compatibility: ${name}`, 'COUCHDB_TEST_URL, COUCHDB_TEST_ADMIN');
	describe.skip(`${name} on Apache CouchDB (skipped: set COUCHDB_TEST_URL and COUCHDB_TEST_ADMIN)`, () => {
		it('needs an Apache CouchDB named by the environment', () => {});
	});
}
