import { apacheKind } from './apache-server';
import { onApache } from './on-apache';
import { replicationSecuritySuite } from '../integration/suites/replication-security.suite';

onApache('replication-security', apacheKind(), replicationSecuritySuite);
