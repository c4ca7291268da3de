import { embeddedKind } from './embedded-server';
import { sessionCookieSuite } from './suites/session-cookie.suite';

sessionCookieSuite(embeddedKind);
