import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { discountedExpectedLifetime } from './discountedExpectedLifetime.js';

const alpha = fc.double({ min: 0.01, max: 100, noNaN: true });
const beta = fc.double({ min: 0.01, max: 100, noNaN: true });
const rate = fc.double({ min: 1e-9, max: 10, noNaN: true });

describe('discountedExpectedLifetime properties', () => {
  it('lies between 1 (the first period) and (1 + d)/d (a customer who never leaves)', () => {
    fc.assert(
      fc.property(alpha, beta, rate, (a, b, d) => {
        const value = discountedExpectedLifetime({ alpha: a, beta: b, discountRate: d });
        expect(value).toBeGreaterThanOrEqual(1);
        expect(value).toBeLessThanOrEqual(((1 + d) / d) * (1 + 1e-12));
      }),
    );
  });

  it('counts the first period in full: DEL = 1 + DERL(0 renewals)/(1 + d)', () => {
    fc.assert(
      fc.property(alpha, beta, rate, (a, b, d) => {
        const del = discountedExpectedLifetime({ alpha: a, beta: b, discountRate: d });
        const derl = discountedExpectedLifetime({ alpha: a, beta: b, discountRate: d, renewals: 0 });
        expect(Math.abs(del / (1 + derl / (1 + d)) - 1)).toBeLessThan(1e-11);
      }),
    );
  });

  it('falls as the discount rate rises, and rises with the renewals already made', () => {
    fc.assert(
      fc.property(alpha, beta, rate, fc.integer({ min: 0, max: 1000 }), (a, b, d, renewals) => {
        const base = { alpha: a, beta: b };
        expect(discountedExpectedLifetime({ ...base, discountRate: d * 1.5 })).toBeLessThanOrEqual(
          discountedExpectedLifetime({ ...base, discountRate: d }) * (1 + 1e-12),
        );
        expect(discountedExpectedLifetime({ ...base, discountRate: d, renewals: renewals + 1 })).toBeGreaterThanOrEqual(
          discountedExpectedLifetime({ ...base, discountRate: d, renewals }) * (1 - 1e-12),
        );
      }),
    );
  });

  it('equals the residual lifetime one renewal on, discounted once, plus the coming period (a recursion)', () => {
    // DERL(r) = r(r + 1)·(1 + DERL(r + 1)/(1 + d)): renew at the coming decision, then the rest.
    fc.assert(
      fc.property(alpha, beta, rate, fc.integer({ min: 0, max: 200 }), (a, b, d, r) => {
        const now = discountedExpectedLifetime({ alpha: a, beta: b, discountRate: d, renewals: r });
        const next = discountedExpectedLifetime({ alpha: a, beta: b, discountRate: d, renewals: r + 1 });
        const renew = (b + r) / (a + b + r);
        expect(Math.abs(now / (renew * (1 + next / (1 + d))) - 1)).toBeLessThan(1e-11);
      }),
    );
  });
});
