import { describe, expect, it } from 'vitest';
import { catchMetricError } from '../../../test/support/errors.js';
import { exactOf, toDouble } from './exact.js';
import { type Measure, readMeasure, scaleScore, valueScore } from './scale.js';

const measure = (scale: Record<string, unknown>): Measure => ({ ...readMeasure('m', exactOf(2), scale), units: 1n });

describe('scale', () => {
  it('reads a linear scale and scores values on it exactly, clamped', () => {
    const usage = measure({ kind: 'linear', worst: 0, best: '0.8' });
    expect(usage.weight).toBe(2);
    expect(toDouble(scaleScore(usage, exactOf(0.6)))).toBe(75);
    expect(toDouble(scaleScore(usage, exactOf(2)))).toBe(100);
    expect(toDouble(valueScore(usage, '0.2', ['m']))).toBe(25);
  });

  it('scores steps by the last threshold reached, and `below` under the first', () => {
    const steps = measure({
      kind: 'steps',
      steps: [
        { from: 1, score: 20 },
        { from: 5, score: 70 },
      ],
      below: 10,
    });
    expect([0, 1, 4.99, 5, 1e9].map((v) => toDouble(scaleScore(steps, exactOf(v))))).toEqual([10, 20, 20, 70, 70]);
  });

  it('scores booleans and scores as given, and rejects values of the wrong kind by the schema', () => {
    const paying = measure({ kind: 'boolean' });
    expect(toDouble(valueScore(paying, true, ['paying']))).toBe(100);
    expect(catchMetricError(() => valueScore(paying, 1, ['paying'])).message).toBe(
      'createHealthScore: paying must be a boolean, not the number 1',
    );
    const rating = measure({ kind: 'score' });
    expect(toDouble(valueScore(rating, '12.5', ['csm']))).toBe(12.5);
    expect(catchMetricError(() => valueScore(rating, 100.5, ['csm'])).message).toBe(
      'createHealthScore: csm must be at most 100',
    );
  });

  it('rejects a scale whose bounds meet or whose steps do not ascend, naming the field', () => {
    const path = (scale: Record<string, unknown>) => catchMetricError(() => measure(scale)).issues[0]?.path;
    expect(path({ kind: 'linear', worst: 1, best: '1.0' })).toEqual(['measures', 'm', 'scale', 'best']);
    expect(
      path({
        kind: 'steps',
        steps: [
          { from: 2, score: 1 },
          { from: 1, score: 2 },
        ],
      }),
    ).toEqual(['measures', 'm', 'scale', 'steps', 1, 'from']);
    expect(path({ kind: 'log' })).toEqual(['measures', 'm', 'scale', 'kind']);
  });
});
