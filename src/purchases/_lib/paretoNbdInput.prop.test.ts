import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { isRecordFields, record } from './paretoNbdInput.js';

const field = fc.oneof(
  fc.double(),
  fc.integer({ min: -5, max: 50 }),
  fc.constantFrom(0, -0, 1e-300, 2 ** 53, 2 ** 53 - 1, Number.NaN, Number.POSITIVE_INFINITY, '1', null, undefined),
);

describe('isRecordFields', () => {
  it('accepts exactly the records the schema accepts', () => {
    fc.assert(
      fc.property(field, field, field, (frequency, recency, age) => {
        const accepted = z.safeParse(record, { frequency, recency, age }).success;
        expect(isRecordFields(frequency, recency, age)).toBe(accepted);
      }),
      { numRuns: 2000 },
    );
  });
});
