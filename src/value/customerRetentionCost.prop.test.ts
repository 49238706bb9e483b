import { costPerCustomerProperties } from '../../test/support/costPerCustomer.js';
import { customerRetentionCost } from './customerRetentionCost.js';

costPerCustomerProperties('customerRetentionCost', (cost, n) =>
  customerRetentionCost({ retentionCost: cost, customersRetained: n }),
);
