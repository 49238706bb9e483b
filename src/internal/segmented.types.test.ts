// The segmented result type comes only with segmentBy: `tsc` checks these lines, vitest runs them.
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CohortRetentionResult,
  type CustomerChurnResult,
  cohortRetention,
  customerChurn,
  type HealthDistributionResult,
  healthDistribution,
  type Segmented,
  type SupportResponseTimesResult,
  supportResponseTimes,
} from '../index.js';

const customers = [{ id: 'a', start: '2024-01-01', attributes: { plan: 'pro' } }];
const period = { from: '2024-02-01', to: '2024-03-01' };
const tickets = [{ createdAt: 0, attributes: { channel: 'chat' } }];

describe('segmented result types', () => {
  it('are the plain result without segmentBy and the segmented one with it', () => {
    expectTypeOf(customerChurn({ customers, period })).toEqualTypeOf<CustomerChurnResult>();
    expectTypeOf(customerChurn({ customers, period }, { segmentBy: 'plan' })).toEqualTypeOf<
      Segmented<CustomerChurnResult>
    >();
    expectTypeOf(cohortRetention({ customers }, { asOf: '2024-03-01' })).toEqualTypeOf<CohortRetentionResult>();
    expectTypeOf(cohortRetention({ customers }, { asOf: '2024-03-01', segmentBy: (c) => String(c.id) })).toEqualTypeOf<
      Segmented<CohortRetentionResult>
    >();
    expectTypeOf(supportResponseTimes({ tickets }, { unit: 'minute' })).toEqualTypeOf<SupportResponseTimesResult>();
    expectTypeOf(supportResponseTimes({ tickets }, { segmentBy: 'channel' })).toEqualTypeOf<
      Segmented<SupportResponseTimesResult>
    >();
    expectTypeOf(healthDistribution(['red'])).toEqualTypeOf<HealthDistributionResult>();
    expectTypeOf(healthDistribution(['red'], { segmentBy: () => 'all' })).toEqualTypeOf<
      Segmented<HealthDistributionResult>
    >();
  });
});
