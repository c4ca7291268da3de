import { apacheKind } from './apache-server';
import { onApache } from './on-apache';
import { colleagueWaitingSuite } from '../integration/suites/colleague-waiting.suite';

onApache('colleague waiting', apacheKind(), colleagueWaitingSuite);
