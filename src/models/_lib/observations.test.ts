import { describe, expect, it } from 'vitest';
import { catchMetricError } from '../../../test/support/errors.js';
import { type CurveSteps, readObservations, sampleSize, walk } from './observations.js';

function recorder(): CurveSteps & { calls: (string | number)[][] } {
  return {
    calls: [],
    start(observations, atStart) {
      this.calls.push(['start', observations, atStart]);
    },
    enter(count) {
      this.calls.push(['enter', count]);
    },
    step(time, events, censored) {
      this.calls.push(['step', time, events, censored]);
    },
  };
}

describe('readObservations and walk', () => {
  it('sorts churn, censoring and entry times, and lets late entrants in strictly before a time', () => {
    const sample = readObservations(
      'm',
      [
        { duration: 4, churned: true, entry: 2 },
        { duration: 1, churned: true },
        { duration: 6, churned: false, entry: 4 },
        { duration: 4, churned: false, entry: 0 },
        { duration: 3, churned: true, entry: 3 },
      ],
      ['observations'],
    );
    expect([...sample.churn]).toEqual([1, 4]);
    expect([...sample.censor]).toEqual([4, 6]);
    expect([...sample.entries]).toEqual([2, 4]);
    expect(sampleSize(sample)).toBe(4);
    const steps = recorder();
    walk(sample, steps);
    expect(steps.calls).toEqual([
      ['start', 4, 2],
      ['step', 1, 1, 0],
      ['enter', 1],
      ['step', 4, 1, 1],
      ['enter', 1],
      ['step', 6, 0, 1],
    ]);
  });

  it('names the field that fails under the given path', () => {
    const path = (records: unknown[]) =>
      catchMetricError(() => readObservations('m', records, ['groups', 'a'])).issues[0]?.path;
    expect(path([null])).toEqual(['groups', 'a', 0]);
    expect(path([{ duration: 1, churned: true, other: 1 }])).toEqual(['groups', 'a', 0]);
    expect(path([{ duration: 1, churned: true, entry: 2 }])).toEqual(['groups', 'a', 0, 'entry']);
    expect(path([{ duration: 1, churned: true, entry: -1 }])).toEqual(['groups', 'a', 0, 'entry']);
    expect(path([{ duration: 1, churned: true, attributes: [] }])).toEqual(['groups', 'a', 0, 'attributes']);
  });
});
