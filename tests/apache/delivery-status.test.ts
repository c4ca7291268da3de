import { apacheKind } from './apache-server';
import { onApache } from './on-apache';
import { deliveryStatusSuite } from '../integration/suites/delivery-status.suite';

onApache('delivery status', apacheKind(), deliveryStatusSuite);
