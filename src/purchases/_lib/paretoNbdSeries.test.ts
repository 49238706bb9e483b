import { describe, expect, it } from 'vitest';
import { logHypergeometric, unitHypergeometric, unitHypergeometricValue } from './paretoNbdSeries.js';

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);

// References: mpmath 1.2.1 at 40 digits, hyp2f1(1, b, c, z) and mp.diff of it in b, c and z.
const REFERENCES: [number, number, number, [number, number, number, number]][] = [
  [0.5, 1.6, 0.3, [1.11437669226916, 0.2446262272658573, -0.08091970309256709, 0.4691928022803704]],
  // A customer with 500 purchases (b = r + x): the naive series of F(a, b; a + 1; z) overflows here.
  [500.5, 501.6, 0.99, [84.10128417879591, 12.37013361720511, -12.3462047549868, 7198.277198711251]],
  [0.55, 1.61, 0.999, [3.838693097380805, 13.54420980796792, -8.711258500731475, 377.9450780316234]],
  // Near z = 1: the connection formula.
  [0.55, 1.61, 0.9999999, [6.524096294971333, 46.1789995043282, -36.32596422335911, 2185538.854468494]],
  [7.38, 7.49, 0.9999999, [2263091.722737204, 30357865.34574194, -30322030.94319402, 20141566555502.48]],
  [1.6, 501.6, 0.99999999, [1.00320641279342, 0.002010433672763357, -0.000006425676940384843, 0.00322315313323916]],
  [1.6, 2.15, 0.99999999, [9406.623140796666, 151127.3885523076, -147467.6421992314, 423413028391.8348]],
  [500, 501.06, 0.99999, [2049.966306864247, 4887.135915609878, -4883.770813502604, 36681585.82141174]],
];

describe('unitHypergeometric', () => {
  it.each(REFERENCES)('F(1, %d; %d; %d) and its derivatives match 40-digit values', (b, c, z, reference) => {
    const out = new Float64Array(4);
    unitHypergeometric(b, c, z, 1 - z, out);
    reference.forEach((value, i) => expect(relative(out[i] as number, value), `slot ${i}`).toBeLessThan(1e-12));
  });

  it('interpolates across a whole d = c − b − 1, where both parts of the connection formula have poles', () => {
    // mpmath: F(1, 1.6; 3.6; 0.99999) = 2.599576306364807 (d = 1 exactly), derivatives 2.597129429, −1.597537740.
    const out = new Float64Array(4);
    unitHypergeometric(1.6, 3.6, 0.99999, 0.00001, out);
    expect(relative(out[0] as number, 2.599576306364807)).toBeLessThan(1e-9);
    expect(relative(out[1] as number, 2.597129429)).toBeLessThan(1e-5);
    expect(relative(out[2] as number, -1.59753774)).toBeLessThan(1e-5);
  });

  it('is 1 at z = 0, with ∂F/∂z = b/c', () => {
    const out = new Float64Array(4);
    unitHypergeometric(2, 5, 0, 1, out);
    expect(Array.from(out)).toEqual([1, 0, 0, 0.4]);
  });
});

describe('logHypergeometric', () => {
  it('matches 40-digit values, also where the terms grow a long way before they fall', () => {
    // mpmath: ln hyp2f1(a, b, c, z).
    expect(relative(logHypergeometric(1.16, 1.6, 2.16, 0.0934), 0.0839150958554401)).toBeLessThan(1e-13);
    expect(relative(logHypergeometric(500, 400, 30, 0.9), 2470.213912380008)).toBeLessThan(1e-12);
    expect(logHypergeometric(3, 4, 5, 0)).toBe(0);
  });
});

describe('unitHypergeometricValue', () => {
  it.each(REFERENCES)('F(1, %d; %d; %d) matches the 40-digit value and unitHypergeometric', (b, c, z, reference) => {
    const out = new Float64Array(4);
    unitHypergeometric(b, c, z, 1 - z, out);
    const value = unitHypergeometricValue(b, c, z, 1 - z);
    expect(relative(value, reference[0])).toBeLessThan(1e-12);
    expect(relative(value, out[0] as number)).toBeLessThan(1e-15);
  });

  it('is 1 at z = 0', () => {
    expect(unitHypergeometricValue(0.5, 1.6, 0, 1)).toBe(1);
  });
});
