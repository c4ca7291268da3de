import { apacheKind } from './apache-server';
import { onApache } from './on-apache';
import { securitySuite } from '../integration/suites/security.suite';

onApache('security', apacheKind(), securitySuite);
