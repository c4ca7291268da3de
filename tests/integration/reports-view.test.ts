import { embeddedKind } from './embedded-server';
import { reportsViewSuite } from './suites/reports-view.suite';

reportsViewSuite(embeddedKind);
