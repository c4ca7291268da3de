import { apacheKind } from './apache-server';
import { onApache } from './on-apache';
import { replicatedEditsSuite } from '../integration/suites/replicated-edits.suite';

onApache('replicated-edits', apacheKind(), replicatedEditsSuite);
