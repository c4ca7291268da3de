import { apacheKind } from './apache-server';
import { onApache } from './on-apache';
import { sessionCookieSuite } from '../integration/suites/session-cookie.suite';

onApache('session-cookie', apacheKind(), sessionCookieSuite);
