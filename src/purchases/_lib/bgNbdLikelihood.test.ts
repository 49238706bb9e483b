import { describe, expect, it } from 'vitest';
import { cdnowSummary } from '../../../test/support/cdnowSummary.js';
import { logBeta, logGamma } from '../../internal/special.js';
import { bgNbdLogLikelihood, prepareBgNbd } from './bgNbdLikelihood.js';
import { readCustomers } from './customers.js';

function prepared(customers: { frequency: number; recency: number; age: number }[]) {
  const columns = readCustomers('test', customers);
  return prepareBgNbd(columns);
}

/** Eq. 6 of Fader, Hardie & Lee (2005), term by term, for one customer. */
function direct(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number): number {
  const a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
  const a2 = logBeta(a, b + x) - logBeta(a, b);
  const a3 = -(r + x) * Math.log(alpha + T);
  const a4 = x > 0 ? Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx) : Number.NEGATIVE_INFINITY;
  return a1 + a2 + Math.log(Math.exp(a3) + Math.exp(a4));
}

describe('bgNbdLogLikelihood', () => {
  const parameters = [0.243, 4.414, 0.793, 2.426] as const;
  const point = Float64Array.from(parameters, Math.log);

  it('is the sum of eq. 6 over the customers', () => {
    const customers = cdnowSummary().slice(0, 200);
    const expected = customers.reduce((sum, c) => sum + direct(...parameters, c.frequency, c.recency, c.age), 0);
    expect(bgNbdLogLikelihood(prepared(customers), point, new Float64Array(4))).toBeCloseTo(expected, 9);
  });

  it('weights each distinct history by its customers: a base repeated twice has twice the value and gradient', () => {
    const customers = cdnowSummary().slice(0, 300);
    const once = new Float64Array(4);
    const twice = new Float64Array(4);
    const single = bgNbdLogLikelihood(prepared(customers), point, once);
    const doubled = bgNbdLogLikelihood(prepared([...customers, ...customers.slice().reverse()]), point, twice);
    expect(doubled / single).toBeCloseTo(2, 12);
    for (let k = 0; k < 4; k++) expect((twice[k] as number) / (once[k] as number)).toBeCloseTo(2, 9);
  });

  it('has the analytic gradient: finite differences agree', () => {
    const data = prepared(cdnowSummary());
    const gradient = new Float64Array(4);
    bgNbdLogLikelihood(data, point, gradient);
    // Five-point central differences: truncation O(h⁴), rounding about 1e-16 × |ln L| / h.
    const h = 1e-3;
    const at = (k: number, step: number) => {
      const moved = Float64Array.from(point);
      moved[k] = (moved[k] as number) + step;
      return bgNbdLogLikelihood(data, moved, new Float64Array(4));
    };
    for (let k = 0; k < 4; k++) {
      const numeric = (at(k, -2 * h) - 8 * at(k, -h) + 8 * at(k, h) - at(k, 2 * h)) / (12 * h);
      expect(Math.abs((gradient[k] as number) - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
    }
  });

  it('has the analytic Hessian: central differences of the gradient agree, and it is symmetric', () => {
    const data = prepareBgNbd(readCustomers('test', cdnowSummary()), 30);
    // At the published optimum (α in units of the scale) and far from it, where the weights w are extreme.
    for (const at of [
      [0.243, 4.414 / 30, 0.793, 2.426],
      [3, 0.01, 0.05, 40],
    ]) {
      const here = Float64Array.from(at, Math.log);
      const hessian = new Float64Array(16);
      bgNbdLogLikelihood(data, here, new Float64Array(4), hessian);
      const h = 1e-5;
      for (let k = 0; k < 4; k++) {
        const up = Float64Array.from(here);
        const down = Float64Array.from(here);
        up[k] = (up[k] as number) + h;
        down[k] = (down[k] as number) - h;
        const gUp = new Float64Array(4);
        const gDown = new Float64Array(4);
        bgNbdLogLikelihood(data, up, gUp);
        bgNbdLogLikelihood(data, down, gDown);
        for (let m = 0; m < 4; m++) {
          const numeric = ((gUp[m] as number) - (gDown[m] as number)) / (2 * h);
          const analytic = hessian[m * 4 + k] as number;
          expect(Math.abs(analytic - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
          expect(hessian[k * 4 + m]).toBe(analytic);
        }
      }
    }
  });

  it('stays finite for x = 500 over T = 5000, where the terms of eq. 6 overflow', () => {
    const customers = [
      { frequency: 500, recency: 4990, age: 5000 },
      { frequency: 500, recency: 100, age: 5000 },
    ];
    const gradient = new Float64Array(4);
    const value = bgNbdLogLikelihood(
      prepared(customers),
      Float64Array.from([0.243, 31, 0.793, 2.426], Math.log),
      gradient,
    );
    expect(Number.isFinite(value)).toBe(true);
    for (const g of gradient) expect(Number.isFinite(g)).toBe(true);
    // The naive sum of exponentials underflows to ln 0 for the second customer.
    expect(direct(0.243, 31, 0.793, 2.426, 500, 100, 5000)).toBe(Number.NEGATIVE_INFINITY);
  });

  it('is −Infinity outside the searched box', () => {
    const data = prepared([{ frequency: 1, recency: 1, age: 2 }]);
    expect(bgNbdLogLikelihood(data, Float64Array.from([31, 0, 0, 0]), new Float64Array(4))).toBe(
      Number.NEGATIVE_INFINITY,
    );
  });
});
