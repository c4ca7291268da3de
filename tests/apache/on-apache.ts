/** Runs a shared suite on the Apache CouchDB the environment names, or says plainly that it did not. */
import { describe, it } from 'vitest';
import type { ServerKind } from '../integration/embedded-server';
import { saySkipped } from './couchdb-env';

export function onApache(name: string, kind: ServerKind | undefined, suite: (kind: ServerKind) => void, missing = 'COUCHDB_TEST_URL, COUCHDB_TEST_ADMIN'): void {
	if (kind) return suite(kind);
	saySkipped(`Apache CouchDB compatibility: ${name}`, missing);
	describe.skip(`${name} on Apache CouchDB (skipped: set ${missing})`, () => {
		it('needs an Apache CouchDB named by the environment', () => {});
	});
}
