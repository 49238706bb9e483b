import { describe, expect, it } from 'vitest';
import { CurveBuilder, midpoint } from './kaplanMeier.js';

describe('CurveBuilder', () => {
  it('multiplies the conditional survivals and sums Greenwood terms', () => {
    // Five customers: a churn at 1, a censoring at 2, two churns at 3, a censoring at 5.
    const builder = new CurveBuilder(0.95, 'log-log', 'midpoint');
    builder.start(5);
    builder.step(1, 1, 0);
    builder.step(2, 0, 1);
    builder.step(3, 2, 0);
    builder.step(5, 0, 1);
    const result = builder.result();
    expect(result.points.map((point) => point.atRisk)).toEqual([5, 4, 3, 1]);
    expect(result.points[0]?.survival).toBe(0.8);
    expect(result.points[2]?.survival).toBe(0.8 * (1 / 3));
    expect(result.points[2]?.standardError).toBeCloseTo((0.8 / 3) * Math.sqrt(1 / 20 + 2 / 3), 15);
    expect([result.observations, result.events, result.censored]).toEqual([5, 3, 2]);
    expect(result.median).toEqual({ reached: true, time: 3 });
  });

  it('takes the middle of a stretch at exactly one half, or its start', () => {
    for (const [rule, time] of [
      ['midpoint', 3],
      ['first', 2],
    ] as const) {
      const builder = new CurveBuilder(0.95, 'linear', rule);
      builder.start(2);
      builder.step(2, 1, 0);
      builder.step(4, 1, 0);
      expect(builder.result().median).toEqual({ reached: true, time });
    }
  });

  it('gives no band width where the curve is 1 or 0, and keeps bands within [0, 1]', () => {
    for (const interval of ['log-log', 'log', 'linear'] as const) {
      const builder = new CurveBuilder(0.9, interval, 'midpoint');
      builder.start(3);
      builder.step(1, 0, 1);
      builder.step(2, 1, 0);
      builder.step(3, 1, 0);
      const [first, second, last] = builder.result().points;
      expect([first?.low, first?.high, first?.standardError]).toEqual([1, 1, 0]);
      expect(second?.low).toBeGreaterThanOrEqual(0);
      expect(second?.high).toBeLessThanOrEqual(1);
      expect([last?.survival, last?.low, last?.high]).toEqual([0, 0, 0]);
    }
  });

  it('reports a median not reached when the curve stays above one half', () => {
    const builder = new CurveBuilder(0.95, 'log', 'midpoint');
    builder.start(4);
    builder.step(1, 1, 3);
    expect(builder.result().median).toEqual({ reached: false });
  });

  it('takes the midpoint of two times near the top of the double range without overflow', () => {
    const builder = new CurveBuilder(0.95, 'log-log', 'midpoint');
    builder.start(4);
    builder.step(1.6e308, 2, 0);
    builder.step(1.7e308, 2, 0);
    // Before, (a + b)/2 overflowed to a median of Infinity.
    expect(builder.result().median).toEqual({ reached: true, time: 1.6e308 / 2 + 1.7e308 / 2 });
  });
});

describe('midpoint', () => {
  it('is (a + b)/2 bit for bit where the sum is finite, and halves first only where it overflows', () => {
    expect(midpoint(1, 2)).toBe(1.5);
    expect(midpoint(0.1, 0.2)).toBe((0.1 + 0.2) / 2);
    expect(midpoint(5e-324, 5e-324)).toBe(5e-324);
    expect(midpoint(0, 5e-324)).toBe(0);
    expect(midpoint(Number.MAX_VALUE, Number.MAX_VALUE)).toBe(Number.MAX_VALUE);
    expect(midpoint(1e308, Number.MAX_VALUE)).toBe(1e308 / 2 + Number.MAX_VALUE / 2);
    expect(midpoint(0, Number.MAX_VALUE)).toBe(Number.MAX_VALUE / 2);
  });
});
