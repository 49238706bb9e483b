import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectSegmentsOf } from '../../test/support/segmented.js';
import type { HealthStatus } from './_lib/bands.js';
import { type HealthAccount, healthDistribution } from './healthDistribution.js';

const account = (status: HealthStatus, csm: string): HealthAccount => ({ status, attributes: { csm } });

describe('healthDistribution with segmentBy (properties)', () => {
  it('gives the unsegmented call as total, and on each segment the call on its accounts alone', () => {
    const arb = fc.array(
      fc.record({
        status: fc.constantFrom<HealthStatus>('red', 'yellow', 'green'),
        csm: fc.constantFrom('a', 'b', 'c'),
      }),
      { minLength: 1, maxLength: 80 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 20 }), (list, minimum) => {
        const input = list.map(({ status, csm }) => account(status, csm));
        expectSegmentsOf(
          healthDistribution(input, { segmentBy: 'csm', minimumSegmentSize: minimum }),
          input,
          (a) => a.attributes?.csm ?? '(none)',
          (subset) => healthDistribution(subset),
          (subset) => subset.length,
          minimum,
        );
      }),
      { numRuns: 200 },
    );
  });
});
