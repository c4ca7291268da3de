// Lets pouchdb-browser and Dexie run under Node in unit tests (STACK-NOTES.md).
import 'fake-indexeddb/auto';

const g = globalThis as Record<string, unknown>;
g.self ??= globalThis;
