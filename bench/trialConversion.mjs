// trialConversion over a million trials spanning 24 months, with dates as epoch milliseconds and as ISO
// strings, against (a) a hand-written unchecked loop over the same data, one function per shape of dates
// (Date.parse for ISO strings), which skips a record outside the period without reading its other dates, and
// (b) the naive way: a zod parse of the whole array, then the same counting (measured on a sample, scaled up
// linearly). The groups of this file run first in `revenue.bench.mjs`, before its eager data exists.
import * as z from 'zod';
import { compare, goal, once, onSample, random, scaled, slower } from './harness.mjs';

const DAY = 86_400_000;
const FIRST = Date.UTC(2023, 0, 1);
const LAST = Date.UTC(2025, 0, 1);
const OPTIONS = { from: Date.UTC(2024, 0, 1), to: Date.UTC(2025, 0, 1), asOf: Date.UTC(2025, 2, 1), within: 30 };
const WITHIN_MS = OPTIONS.within * DAY;

/**
 * Trials starting uniformly over 24 months, 14 days long: about a quarter convert (most at the end of the
 * trial, some weeks later), most of the others end unconverted, a few are still open. Ids like Stripe's;
 * some customers trial twice.
 */
function makeTrials(size, next) {
  const trials = new Array(size);
  for (let i = 0; i < size; i++) {
    const start = FIRST + Math.floor((next() * (LAST - FIRST)) / 1000) * 1000;
    const customerId = `cus_${(Math.floor(i * 0.97) * 7919 + 104_729).toString(36)}`;
    const end = start + 14 * DAY;
    const roll = next();
    if (roll < 0.2) trials[i] = { customerId, start, end, convertedAt: end };
    else if (roll < 0.25) trials[i] = { customerId, start, end, convertedAt: end + Math.floor(next() * 60) * DAY };
    else if (roll < 0.9) trials[i] = { customerId, start, end };
    else trials[i] = { customerId, start };
  }
  return trials;
}

function asStrings(trials) {
  const iso = (time) => new Date(time).toISOString();
  return trials.map((trial) => {
    const out = { customerId: trial.customerId, start: iso(trial.start) };
    if (trial.end !== undefined) out.end = iso(trial.end);
    if (trial.convertedAt !== undefined) out.convertedAt = iso(trial.convertedAt);
    return out;
  });
}

/** The hand-written loop over epoch milliseconds: no checks, out-of-period records skipped at once. */
function handEpoch(trials, from, to, asOf, within) {
  let started = 0;
  let converted = 0;
  let pending = 0;
  for (let i = 0; i < trials.length; i++) {
    const trial = trials[i];
    const start = trial.start;
    if (start < from || start >= to || start > asOf) continue;
    started++;
    const convertedAt = trial.convertedAt == null ? Number.POSITIVE_INFINITY : trial.convertedAt;
    if (convertedAt <= asOf) {
      if (convertedAt <= start + within) converted++;
    } else if ((trial.end == null || trial.end > asOf) && asOf < start + within) pending++;
  }
  return { started, converted, pending, rate: converted / started };
}

/** The same loop for ISO strings, parsing each date with Date.parse only when it is needed. */
function handIso(trials, from, to, asOf, within) {
  let started = 0;
  let converted = 0;
  let pending = 0;
  for (let i = 0; i < trials.length; i++) {
    const trial = trials[i];
    const start = Date.parse(trial.start);
    if (start < from || start >= to || start > asOf) continue;
    started++;
    const convertedAt = trial.convertedAt == null ? Number.POSITIVE_INFINITY : Date.parse(trial.convertedAt);
    if (convertedAt <= asOf) {
      if (convertedAt <= start + within) converted++;
    } else if ((trial.end == null || Date.parse(trial.end) > asOf) && asOf < start + within) pending++;
  }
  return { started, converted, pending, rate: converted / started };
}

const naiveSchema = z.array(
  z.strictObject({
    customerId: z.string().min(1),
    start: z.coerce.date(),
    end: z.coerce.date().nullish(),
    convertedAt: z.coerce.date().nullish(),
  }),
);

/** The naive way: parse everything with zod into Dates, then count. */
function naive(trials, from, to, asOf, within) {
  const parsed = naiveSchema.parse(trials);
  let started = 0;
  let converted = 0;
  for (const trial of parsed) {
    const start = trial.start.getTime();
    if (start < from || start >= to || start > asOf) continue;
    started++;
    const convertedAt = trial.convertedAt ? trial.convertedAt.getTime() : Number.POSITIVE_INFINITY;
    if (convertedAt <= asOf && convertedAt <= start + within) converted++;
  }
  return converted / started;
}

function same(ours, hand, what) {
  const ok =
    ours.started === hand.started &&
    ours.converted === hand.converted &&
    ours.pending === hand.pending &&
    ours.rate === hand.rate;
  if (!ok) throw new Error(`${what}: trialConversion approaches disagree`);
}

/** The groups of trialConversion, with `lib` the library under test. */
export function trialConversionGroups(lib) {
  const size = scaled(1_000_000);
  const naiveSize = Math.min(size, scaled(100_000));
  const factor = size / naiveSize;
  const numeric = once(() => makeTrials(size, random(31)));
  const iso = once(() => asStrings(numeric()));
  const { from, to, asOf } = OPTIONS;
  const report = (ratios) => {
    if (ratios === undefined) return;
    goal(ratios, 'hand-written loop', 2);
    slower(ratios, 'naive (zod parse)');
  };
  console.log(
    `\n${size.toLocaleString('en')} trials (string ids) starting over 24 months, a year of them measured, ` +
      `within 30 days; the naive baseline runs on ${naiveSize.toLocaleString('en')} and is scaled up linearly`,
  );
  for (const [shape, data, hand] of [
    ['epoch milliseconds', numeric, handEpoch],
    ['ISO strings', iso, handIso],
  ]) {
    const sample = once(() => data().slice(0, naiveSize));
    report(
      compare(`trialConversion, ${shape}`, {
        check: () => {
          same(lib.trialConversion({ trials: data() }, OPTIONS), hand(data(), from, to, asOf, WITHIN_MS), shape);
          const head = data().slice(0, 1000);
          if (naive(head, from, to, asOf, WITHIN_MS) !== hand(head, from, to, asOf, WITHIN_MS).rate) {
            throw new Error('naive approach disagrees');
          }
        },
        ours: () => lib.trialConversion({ trials: data() }, OPTIONS),
        baselines: {
          'hand-written loop': () => hand(data(), from, to, asOf, WITHIN_MS),
          'naive (zod parse)': onSample(() => naive(sample(), from, to, asOf, WITHIN_MS), factor),
        },
      }),
    );
  }
}
