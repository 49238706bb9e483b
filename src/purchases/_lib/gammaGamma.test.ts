import { describe, expect, it } from 'vitest';
import { logGamma } from '../../internal/special.js';
import { expectMetricError } from '../../../test/support/errors.js';
import { conditionalSpend, gammaGammaLogLikelihood, readSpend, readSpendData } from './gammaGamma.js';

const CUSTOMERS = [
  { frequency: 2, monetaryValue: 22.35 },
  { frequency: 1, monetaryValue: 11.77 },
  { frequency: 0, monetaryValue: 0 },
  { frequency: 5, monetaryValue: 47.2 },
  { frequency: 2, monetaryValue: 31.9 },
  { frequency: 1, monetaryValue: 18.5 },
];

/** The note's density, customer by customer. */
function direct(p: number, q: number, v: number): number {
  let total = 0;
  for (const { frequency: x, monetaryValue: m } of CUSTOMERS) {
    if (x === 0) continue;
    total +=
      logGamma(p * x + q) -
      logGamma(p * x) -
      logGamma(q) +
      q * Math.log(v) +
      (p * x - 1) * Math.log(m) +
      p * x * Math.log(x) -
      (p * x + q) * Math.log(v + x * m);
  }
  return total;
}

describe('gammaGammaLogLikelihood', () => {
  const data = readSpendData('test', { customers: CUSTOMERS });

  it('equals the note’s equation 4 summed customer by customer', () => {
    for (const [p, q, v] of [
      [6.25, 3.74, 15.44],
      [0.3, 12, 400],
    ] as const) {
      const value = gammaGammaLogLikelihood(data, [Math.log(p), Math.log(q), Math.log(v)], new Float64Array(3));
      expect(value).toBeCloseTo(direct(p, q, v), 10);
    }
  });

  it('has the gradient of its finite differences (with respect to the log parameters)', () => {
    for (const point of [
      [1.8, 1.3, 2.7],
      [-1, 2.5, 6],
      [0, 0, 0],
    ]) {
      const gradient = new Float64Array(3);
      gammaGammaLogLikelihood(data, point, gradient);
      for (let k = 0; k < 3; k++) {
        const h = 1e-5;
        const up = point.slice();
        const down = point.slice();
        up[k] = (up[k] as number) + h;
        down[k] = (down[k] as number) - h;
        const scratch = new Float64Array(3);
        const numeric =
          (gammaGammaLogLikelihood(data, up, scratch) - gammaGammaLogLikelihood(data, down, scratch)) / (2 * h);
        expect(Math.abs((gradient[k] as number) - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)));
      }
    }
  });

  it('groups the repeat buyers by frequency and leaves the others out', () => {
    expect(data.withoutRepeat).toBe(1);
    expect(Array.from(data.distinct).sort()).toEqual([1, 2, 5]);
    expect(Array.from(data.distinctCount).reduce((a, b) => a + b, 0)).toBe(5);
  });
});

describe('conditionalSpend', () => {
  it('is the weighted mean of the population’s mean and the customer’s own', () => {
    const [p, q, v] = [6.25, 3.74, 15.44];
    const w = (p * 3) / (p * 3 + q - 1);
    expect(conditionalSpend(p, q, v, 3, 40)).toBeCloseTo((1 - w) * ((p * v) / (q - 1)) + w * 40, 12);
    expect(conditionalSpend(p, q, v, 0, 0)).toBeCloseTo((p * v) / (q - 1), 12);
  });

  it('is null when the mean is infinite', () => {
    expect(conditionalSpend(2, 0.5, 10, 0, 0)).toBeNull();
    expect(conditionalSpend(0.2, 0.5, 10, 1, 5)).toBeNull();
  });
});

describe('readSpend: the largest spend', () => {
  it('refuses a mean spend above 1e15, whose squares would leave the double range', () => {
    expectMetricError(() => readSpend('test', 2, 4.5e153, ['m']), 'INVALID_INPUT', ['m'], 'at most 1000000000000000');
    expect(readSpend('test', 2, 1e15, ['m'])).toBe(1e15);
  });
});
