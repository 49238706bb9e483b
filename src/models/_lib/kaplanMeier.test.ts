import { describe, expect, it } from 'vitest';
import { CurveBuilder } from './kaplanMeier.js';

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
});
