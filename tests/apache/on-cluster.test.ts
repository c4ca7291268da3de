/**
 * The shared suites once more, on a three-node cluster (through its first node): provisioning,
 * the corpus and security cases, forged pushes, joining, the totals views and a first copy
 * into an empty device must hold there
 * exactly as on one node.
 */
import { initialSyncSuite } from '../integration/suites/initial-sync.suite';
import { onboardingSuite } from '../integration/suites/onboarding.suite';
import { provisioningSuite } from '../integration/suites/provisioning.suite';
import { replicatedEditsSuite } from '../integration/suites/replicated-edits.suite';
import { replicationSecuritySuite } from '../integration/suites/replication-security.suite';
import { reportsViewSuite } from '../integration/suites/reports-view.suite';
import { securitySuite } from '../integration/suites/security.suite';
import { apacheKind } from './apache-server';
import { clusterFromEnv } from './couchdb-env';
import { onApache } from './on-apache';

const kind = apacheKind(clusterFromEnv()?.nodes[0]);
const suites = { provisioning: provisioningSuite, security: securitySuite, 'replication-security': replicationSecuritySuite, onboarding: onboardingSuite, 'reports-view': reportsViewSuite, 'replicated-edits': replicatedEditsSuite, 'initial-sync': initialSyncSuite };
for (const [name, suite] of Object.entries(suites)) onApache(`${name} (cluster)`, kind, suite, 'COUCHDB_TEST_CLUSTER_URLS, COUCHDB_TEST_CLUSTER_DIR, COUCHDB_TEST_ADMIN');
