import { apacheKind } from './apache-server';
import { onApache } from './on-apache';
import { provisioningSuite } from '../integration/suites/provisioning.suite';

onApache('provisioning', apacheKind(), provisioningSuite);
