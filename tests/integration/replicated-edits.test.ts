import { embeddedKind } from './embedded-server';
import { replicatedEditsSuite } from './suites/replicated-edits.suite';

replicatedEditsSuite(embeddedKind);
