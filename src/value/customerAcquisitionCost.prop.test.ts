import { costPerCustomerProperties } from '../../test/support/costPerCustomer.js';
import { customerAcquisitionCost } from './customerAcquisitionCost.js';

costPerCustomerProperties('customerAcquisitionCost', (cost, n) =>
  customerAcquisitionCost({ salesAndMarketingCost: cost, newCustomers: n }),
);
