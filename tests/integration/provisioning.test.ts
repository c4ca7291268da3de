import { embeddedKind } from './embedded-server';
import { provisioningSuite } from './suites/provisioning.suite';

provisioningSuite(embeddedKind);
