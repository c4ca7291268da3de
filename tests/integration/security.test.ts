import { embeddedKind } from './embedded-server';
import { securitySuite } from './suites/security.suite';

securitySuite(embeddedKind);
