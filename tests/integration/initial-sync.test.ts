import { embeddedKind } from './embedded-server';
import { initialSyncSuite } from './suites/initial-sync.suite';

initialSyncSuite(embeddedKind);
