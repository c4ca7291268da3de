import { embeddedKind } from './embedded-server';
import { colleagueWaitingSuite } from './suites/colleague-waiting.suite';

colleagueWaitingSuite(embeddedKind);
