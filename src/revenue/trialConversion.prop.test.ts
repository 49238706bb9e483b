import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { anyValue } from '../../test/support/fuzz.js';
import { isMetricError } from '../errors.js';
import {
  type TrialConversionOptions,
  type TrialConversionResult,
  type TrialRecord,
  trialConversion,
  trialSchema,
} from './trialConversion.js';

const BASE = Date.UTC(2024, 0, 1);
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** Trials on an hourly grid over about two months; some ended, some converted (possibly after they ended). */
const trials = fc
  .array(
    fc.record({
      start: fc.integer({ min: 0, max: 1500 }),
      end: fc.option(fc.integer({ min: 0, max: 800 }), { nil: undefined }),
      convertedAt: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: undefined }),
      customer: fc.integer({ min: 0, max: 20 }),
    }),
    { maxLength: 60 },
  )
  .map((list) =>
    list.map(({ start, end, convertedAt, customer }): TrialRecord => {
      const from = BASE + start * HOUR;
      return {
        customerId: `cus_${customer}`,
        start: from,
        ...(end === undefined ? {} : { end: from + end * HOUR }),
        ...(convertedAt === undefined ? {} : { convertedAt: from + convertedAt * HOUR }),
      };
    }),
  );

/** A period, an asOf not before its start, and maybe a window in days (whole or fractional). */
const options = fc
  .record({
    from: fc.integer({ min: 0, max: 1500 }),
    length: fc.integer({ min: 1, max: 800 }),
    asOf: fc.integer({ min: 0, max: 2500 }),
    within: fc.option(fc.oneof(fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.01, max: 60, noNaN: true })), {
      nil: undefined,
    }),
  })
  .map(
    ({ from, length, asOf, within }): TrialConversionOptions => ({
      from: BASE + from * HOUR,
      to: BASE + (from + length) * HOUR,
      asOf: BASE + (from + asOf) * HOUR,
      ...(within === undefined ? {} : { within }),
    }),
  );

/** trialConversion, or undefined when no trial started. */
function conversion(list: readonly TrialRecord[], opts: TrialConversionOptions): TrialConversionResult | undefined {
  try {
    return trialConversion({ trials: list }, opts);
  } catch (error) {
    if (isMetricError(error) && error.code === 'NO_DATA') return undefined;
    throw error;
  }
}

const time = (value: TrialRecord['start'] | null | undefined) =>
  value === undefined || value === null ? undefined : (value as number);

describe('trialConversion properties', () => {
  it('counts what the definitions say, trial by trial', () => {
    fc.assert(
      fc.property(trials, options, (list, opts) => {
        const result = conversion(list, opts);
        const from = opts.from as number;
        const to = opts.to as number;
        const asOf = opts.asOf as number;
        const started = list.filter((t) => time(t.start)! >= from && time(t.start)! < to && time(t.start)! <= asOf);
        if (result === undefined) {
          expect(started.length).toBe(0);
          return;
        }
        const windowEnd = (t: TrialRecord) =>
          opts.within === undefined ? Number.POSITIVE_INFINITY : time(t.start)! + opts.within * DAY;
        const known = (t: TrialRecord) => time(t.convertedAt) !== undefined && time(t.convertedAt)! <= asOf;
        const converted = started.filter((t) => known(t) && time(t.convertedAt)! <= windowEnd(t));
        const running = (t: TrialRecord) => time(t.end) === undefined || time(t.end)! > asOf;
        const pending = started.filter((t) => !known(t) && running(t) && asOf < windowEnd(t));
        expect(result.started).toBe(started.length);
        expect(result.converted).toBe(converted.length);
        expect(result.pending).toBe(pending.length);
        expect(result.rate).toBe(converted.length / started.length);
      }),
    );
  });

  it('keeps 0 ≤ converted ≤ started, pending + converted ≤ started, and the rate inside its interval', () => {
    fc.assert(
      fc.property(trials, options, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (list, opts, confidence) => {
        const result = conversion(list, { ...opts, confidence });
        if (result === undefined) return;
        expect(result.converted).toBeGreaterThanOrEqual(0);
        expect(result.converted).toBeLessThanOrEqual(result.started);
        expect(result.pending).toBeGreaterThanOrEqual(0);
        expect(result.pending + result.converted).toBeLessThanOrEqual(result.started);
        expect(result.interval.low).toBeGreaterThanOrEqual(0);
        expect(result.interval.low).toBeLessThanOrEqual(result.rate);
        expect(result.rate).toBeLessThanOrEqual(result.interval.high);
        expect(result.interval.high).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('is monotonic in within: a longer window never converts fewer trials or leaves fewer pending', () => {
    fc.assert(
      fc.property(
        trials,
        options,
        fc.double({ min: 0.01, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 60, noNaN: true }),
        (list, opts, shorter, extra) => {
          const { within: _, ...open } = opts;
          const narrow = conversion(list, { ...open, within: shorter });
          const wide = conversion(list, { ...open, within: shorter + extra });
          const unlimited = conversion(list, open);
          if (narrow === undefined || wide === undefined || unlimited === undefined) {
            expect([narrow, wide, unlimited]).toEqual([undefined, undefined, undefined]);
            return;
          }
          expect(wide.started).toBe(narrow.started);
          expect(wide.converted).toBeGreaterThanOrEqual(narrow.converted);
          expect(unlimited.converted).toBeGreaterThanOrEqual(wide.converted);
          expect(wide.pending).toBeGreaterThanOrEqual(narrow.pending);
          expect(unlimited.pending).toBeGreaterThanOrEqual(wide.pending);
        },
      ),
    );
  });

  it('never lowers the conversions of a period as asOf moves on under a window, once the window has closed', () => {
    fc.assert(
      fc.property(trials, options, fc.integer({ min: 0, max: 2000 }), (list, opts, later) => {
        const asOf = opts.asOf as number;
        const first = conversion(list, opts);
        const next = conversion(list, { ...opts, asOf: asOf + later * HOUR });
        if (first === undefined || next === undefined) return;
        expect(next.converted).toBeGreaterThanOrEqual(first.converted);
        // With a window and every trial of the period known, the figure is final once all windows closed.
        if (opts.within !== undefined && asOf >= (opts.to as number) + opts.within * DAY) {
          expect(next).toEqual(first);
        }
      }),
    );
  });

  it('does not depend on the order of the records, and counts from shards add up', () => {
    fc.assert(
      fc.property(trials, options, fc.nat(), (list, opts, split) => {
        const result = conversion(list, opts);
        expect(conversion([...list].reverse(), opts)).toEqual(result);
        if (result === undefined) return;
        // An anchor trial that started in the period, not converted and ended at once, keeps NO_DATA away.
        const anchor: TrialRecord = { customerId: 'anchor', start: opts.from, end: opts.from };
        const shard = (part: readonly TrialRecord[]) => {
          const counts = trialConversion({ trials: [...part, anchor] }, opts);
          return { started: counts.started - 1, converted: counts.converted, pending: counts.pending };
        };
        const cut = list.length === 0 ? 0 : split % list.length;
        const left = shard(list.slice(0, cut));
        const right = shard(list.slice(cut));
        expect(left.started + right.started).toBe(result.started);
        expect(left.converted + right.converted).toBe(result.converted);
        expect(left.pending + right.pending).toBe(result.pending);
      }),
    );
  });

  it('accepts a record exactly when its schema does (the fast check mirrors it)', () => {
    const field = fc.oneof(
      anyValue,
      fc.constantFrom('2024-05-02', '2024-05-02T10:00:00Z', BASE, new Date(BASE), null, undefined, 'cus_1', ''),
    );
    const record = fc.oneof(
      fc.record(
        { customerId: field, start: field, end: field, convertedAt: field },
        { requiredKeys: [] },
      ) as fc.Arbitrary<unknown>,
      fc.record({ customerId: fc.constant('cus_1'), start: field, extra: field }, { requiredKeys: ['customerId'] }),
      anyValue,
    );
    fc.assert(
      fc.property(record, (value) => {
        const accepted = z.safeParse(trialSchema, value).success;
        const options = { from: -8.64e15, to: 8.64e15 };
        try {
          trialConversion({ trials: [value as TrialRecord] }, options);
          expect(accepted).toBe(true);
        } catch (error) {
          if (!isMetricError(error)) throw error;
          if (error.code === 'NO_DATA') {
            expect(accepted).toBe(true);
            return;
          }
          const path = error.issues[0]?.path ?? [];
          const crossField = path.length === 3 && (path[2] === 'end' || path[2] === 'convertedAt');
          if (crossField && error.issues[0]?.reason === 'must not be before start') expect(accepted).toBe(true);
          else expect(accepted).toBe(false);
        }
      }),
    );
  });
});
