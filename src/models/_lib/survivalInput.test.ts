import { describe, expect, it } from 'vitest';
import { catchMetricError } from '../../../test/support/errors.js';
import { type CurveSteps, fromColumns, fromObservations, fromTable } from './survivalInput.js';

/** Records what a form hands to the curve. */
function recorder(): CurveSteps & { observations: number; steps: number[][] } {
  return {
    observations: -1,
    steps: [],
    start(observations) {
      this.observations = observations;
    },
    enter() {
      throw new Error('no late entry in these forms');
    },
    step(time, events, censored) {
      this.steps.push([time, events, censored]);
    },
  };
}

const expected = [
  [0, 1, 0],
  [2, 1, 1],
  [5, 0, 2],
];

describe('survival input forms', () => {
  it('hand the same distinct times, in increasing order, from each form', () => {
    const records = recorder();
    fromObservations(
      'm',
      [
        { duration: 5, churned: false },
        { duration: 2, churned: true },
        { duration: -0, churned: true },
        { duration: 2, churned: false },
        { duration: 5, churned: false },
      ],
      records,
    );
    const columns = recorder();
    fromColumns('m', new Float64Array([5, 2, 0, 2, 5]), new Uint8Array([0, 1, 1, 0, 0]), columns);
    const table = recorder();
    fromTable(
      'm',
      [
        { time: 5, events: 0, censored: 2 },
        { time: 3, events: 0, censored: 0 },
        { time: 2, events: 1, censored: 0 },
        { time: 0, events: 1, censored: 0 },
        { time: 2, events: 0, censored: 1 },
      ],
      table,
    );
    for (const form of [records, columns, table]) {
      expect(form.observations).toBe(5);
      expect(form.steps).toEqual(expected);
      expect(Object.is(form.steps[0]?.[0], 0)).toBe(true);
    }
  });

  it('names the element that fails', () => {
    const path = (call: () => void) => catchMetricError(call).issues[0]?.path;
    expect(path(() => fromObservations('m', [{ duration: 1, churned: true }, null], recorder()))).toEqual([
      'observations',
      1,
    ]);
    expect(path(() => fromObservations('m', [{ duration: 1, churned: true, x: 1 }], recorder()))).toEqual([
      'observations',
      0,
    ]);
    expect(path(() => fromObservations('m', [{ duration: Number.NaN, churned: true }], recorder()))).toEqual([
      'observations',
      0,
      'duration',
    ]);
    expect(path(() => fromObservations('m', [{ duration: 1, churned: 1 }], recorder()))).toEqual([
      'observations',
      0,
      'churned',
    ]);
    expect(path(() => fromColumns('m', [1, -1], [1, 0], recorder()))).toEqual(['durations', 1]);
    expect(path(() => fromColumns('m', [1, 1], [1, 2], recorder()))).toEqual(['churned', 1]);
    expect(path(() => fromColumns('m', [1, 1], [1], recorder()))).toEqual(['churned']);
    expect(path(() => fromTable('m', [{ time: 1, events: 0.5, censored: 0 }], recorder()))).toEqual([
      'table',
      0,
      'events',
    ]);
    const huge = { time: 1, events: Number.MAX_SAFE_INTEGER, censored: 0 };
    expect(catchMetricError(() => fromTable('m', [huge, huge], recorder())).message).toBe(
      'm: table totals more than 2^53 − 1 observations',
    );
  });

  it('reads each field of every record and row once, and each element once', () => {
    // A getter that throws on a second read: a form that checks one read and stores another fails here,
    // rather than hanging on the NaN a changing getter would slip past its check (as the table form once did).
    const reads = new Map<string, number>();
    const once = <T extends object>(name: string, record: T): T => {
      const out = {};
      for (const [key, value] of Object.entries(record)) {
        Object.defineProperty(out, key, {
          enumerable: true,
          get() {
            const count = (reads.get(`${name}.${key}`) ?? 0) + 1;
            reads.set(`${name}.${key}`, count);
            if (count > 1) throw new Error(`${name}.${key} read ${count} times`);
            return value;
          },
        });
      }
      return out as T;
    };
    const elementsOnce = <T>(name: string, items: T[]): T[] =>
      new Proxy(items, {
        get(target, key, receiver) {
          if (typeof key === 'string' && /^\d+$/.test(key))
            return once(`${name}[${key}]`, { v: target[Number(key)] }).v;
          return Reflect.get(target, key, receiver);
        },
      });
    const table = recorder();
    fromTable(
      'm',
      elementsOnce('table', [
        once('row0', { time: 2, events: 1, censored: 1 }),
        once('row1', { time: 0, events: 1, censored: 0 }),
        once('row2', { time: 5, events: 0, censored: 2 }),
      ]),
      table,
    );
    expect(table.steps).toEqual(expected);
    const records = recorder();
    fromObservations(
      'm',
      elementsOnce('observations', [
        once('o0', { duration: 5, churned: false }),
        once('o1', { duration: 2, churned: true }),
        once('o2', { duration: 0, churned: true }),
        once('o3', { duration: 2, churned: false }),
        once('o4', { duration: 5, churned: false }),
      ]),
      records,
    );
    expect(records.steps).toEqual(expected);
    const columns = recorder();
    fromColumns(
      'm',
      elementsOnce('durations', [5, 2, 0, 2, 5]),
      elementsOnce('churned', [false, true, true, false, false]),
      columns,
    );
    expect(columns.steps).toEqual(expected);
    expect([...reads.values()].every((count) => count === 1)).toBe(true);
    expect(reads.size).toBe(9 + 3 + 10 + 5 + 10);
  });
});
