import { apacheKind } from './apache-server';
import { onApache } from './on-apache';
import { initialSyncSuite } from '../integration/suites/initial-sync.suite';

onApache('initial-sync', apacheKind(), initialSyncSuite);
