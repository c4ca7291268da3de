import { apacheKind } from './apache-server';
import { onApache } from './on-apache';
import { reportsViewSuite } from '../integration/suites/reports-view.suite';

onApache('reports-view', apacheKind(), reportsViewSuite);
