import { embeddedKind } from './embedded-server';
import { onboardingSuite } from './suites/onboarding.suite';

onboardingSuite(embeddedKind);
