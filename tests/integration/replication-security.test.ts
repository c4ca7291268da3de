import { embeddedKind } from './embedded-server';
import { replicationSecuritySuite } from './suites/replication-security.suite';

replicationSecuritySuite(embeddedKind);
