import { apacheKind } from './apache-server';
import { onApache } from './on-apache';
import { onboardingSuite } from '../integration/suites/onboarding.suite';

onApache('onboarding', apacheKind(), onboardingSuite);
