import { describe, expect, it } from 'vitest';
import { expectMetricError, expectNoOptions } from '../../test/support/errors.js';
import { deepFreeze } from '../../test/support/fuzz.js';
import { renewalRate } from './renewalRate.js';

describe('renewalRate', () => {
  describe('worked examples', () => {
    it('is renewed ÷ up for renewal (doc 003, row 21)', () => {
      // Doc 003 gives the formula only: customers who renewed ÷ customers who were up for renewal.
      expect(renewalRate({ renewed: 85, upForRenewal: 100 })).toBe(0.85);
      expect(renewalRate({ renewed: 45, upForRenewal: 60 })).toBe(0.75);
    });
  });

  describe('edge cases', () => {
    it('is 0 when nobody renewed, 1 when everybody did, and one correctly rounded division otherwise', () => {
      expect(renewalRate({ renewed: 0, upForRenewal: 9 })).toBe(0);
      expect(renewalRate({ renewed: 9, upForRenewal: 9 })).toBe(1);
      expect(renewalRate({ renewed: 2, upForRenewal: 3 })).toBe(2 / 3);
    });
  });

  describe('validation', () => {
    it('rejects more renewals than customers up for renewal', () => {
      expectMetricError(
        () => renewalRate({ renewed: 4, upForRenewal: 3 }),
        'INVALID_INPUT',
        ['renewed'],
        'renewed must not exceed upForRenewal',
      );
    });

    it('rejects bad counts, missing and unknown keys', () => {
      expectMetricError(() => renewalRate({ renewed: -1, upForRenewal: 3 }), 'INVALID_INPUT', ['renewed']);
      expectMetricError(() => renewalRate({ renewed: 1, upForRenewal: 2.5 }), 'INVALID_INPUT', ['upForRenewal']);
      expectMetricError(() => renewalRate({ renewed: 1 } as never), 'INVALID_INPUT', ['upForRenewal']);
      expectMetricError(() => renewalRate({ renewed: 1, upForRenewal: 2, churned: 1 } as never), 'INVALID_INPUT', []);
      expectMetricError(() => renewalRate([] as never), 'INVALID_INPUT', []);
    });

    it('is NO_DATA when nobody was up for renewal', () => {
      expectMetricError(() => renewalRate({ renewed: 0, upForRenewal: 0 }), 'NO_DATA', ['upForRenewal']);
    });

    it('takes no options: refuses any key, saying where an input field belongs', () => {
      const input = { renewed: 85, upForRenewal: 100 };
      expectNoOptions('renewalRate', (options) => renewalRate(input, options), 0.85, 'renewed');
    });
  });

  describe('does not mutate input', () => {
    it('accepts a frozen input', () => {
      const input = deepFreeze({ renewed: 3, upForRenewal: 4 });
      expect(renewalRate(input)).toBe(0.75);
      expect(input).toEqual({ renewed: 3, upForRenewal: 4 });
    });
  });
});
