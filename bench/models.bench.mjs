// Retention models. survivalCurve over 1 000 000 observations against (a) a hand-written unchecked loop
// with its sort: the durations copied into typed arrays, sorted numerically, merged into the same point
// objects with the same Greenwood errors and log-log band; (b) the usual hand-written way, sorting the
// records with a comparator; (c) the naive way, a zod parse of the whole array first. Goal: at most 3× (a).
// fitShiftedBetaGeometric on a 12-period cohort against a hand-written Nelder–Mead fit of the same
// likelihood (what most published sBG code does). Goal: under 5 ms a fit. Columns (a Float64Array and a
// Uint8Array) have a hand-written loop of their own.
// compareSurvivalCurves (2 and 5 groups, 1 000 000 observations in all) and cumulativeHazard over 1 000 000
// observations against the floor of any exact estimator: the durations read into a Float64Array and sorted.
// Goal: at most 3×. With a million distinct times cumulativeHazard returns a million points, and making those
// objects alone costs several sorts (survivalCurve's baselines make the same objects): its `columns: true`
// form returns the same numbers in typed arrays. Whole days show the estimate itself.
import * as z from 'zod';
import { compare, goal, library, once, onSample, random, scaled } from './harness.mjs';

const Z95 = 1.959963984540054;

/** Curve points from sorted churn and censoring times, with the Greenwood error and log-log band. */
function pointsFromSorted(churnTimes, censorTimes) {
  const points = [];
  let atRisk = churnTimes.length + censorTimes.length;
  let survival = 1;
  let greenwood = 0;
  let i = 0;
  let j = 0;
  while (i < churnTimes.length || j < censorTimes.length) {
    const a = i < churnTimes.length ? churnTimes[i] : Number.POSITIVE_INFINITY;
    const b = j < censorTimes.length ? censorTimes[j] : Number.POSITIVE_INFINITY;
    const time = Math.min(a, b);
    let d = 0;
    let c = 0;
    while (i < churnTimes.length && churnTimes[i] === time) {
      d++;
      i++;
    }
    while (j < censorTimes.length && censorTimes[j] === time) {
      c++;
      j++;
    }
    if (d > 0) {
      survival *= (atRisk - d) / atRisk;
      if (d < atRisk) greenwood += d / (atRisk * (atRisk - d));
    }
    let low = survival;
    let high = survival;
    let standardError = 0;
    if (survival > 0 && greenwood > 0) {
      standardError = survival * Math.sqrt(greenwood);
      const logSurvival = Math.log(survival);
      const widen = Math.exp((Z95 * Math.sqrt(greenwood)) / -logSurvival);
      low = Math.exp(logSurvival * widen);
      high = Math.exp(logSurvival / widen);
    }
    points.push({ time, atRisk, events: d, censored: c, survival, standardError, low, high });
    atRisk -= d + c;
  }
  return points;
}

/** (a) Hand-written, unchecked: typed arrays and numeric sorts. */
function handWritten(observations) {
  const n = observations.length;
  const times = new Float64Array(n);
  let churned = 0;
  let censored = n;
  for (let i = 0; i < n; i++) {
    const o = observations[i];
    if (o.churned) times[churned++] = o.duration;
    else times[--censored] = o.duration;
  }
  return pointsFromSorted(times.subarray(0, churned).sort(), times.subarray(censored).sort());
}

/** (a) for columns: the same over a Float64Array of durations and a Uint8Array of churn flags. */
function handWrittenColumns(durations, churned) {
  const n = durations.length;
  const times = new Float64Array(n);
  let churnCount = 0;
  let censored = n;
  for (let i = 0; i < n; i++) {
    if (churned[i] === 1) times[churnCount++] = durations[i];
    else times[--censored] = durations[i];
  }
  return pointsFromSorted(times.subarray(0, churnCount).sort(), times.subarray(censored).sort());
}

/** The floor: every duration read from its record into a Float64Array, sorted numerically. */
function sortDurations(observations) {
  const n = observations.length;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = observations[i].duration;
  return times.sort();
}

/** The same floor over the groups of a comparison, one array for all of them. */
function sortGroupDurations(groups) {
  let n = 0;
  for (const name in groups) n += groups[name].length;
  const times = new Float64Array(n);
  let k = 0;
  for (const name in groups) {
    const observations = groups[name];
    for (let i = 0; i < observations.length; i++) times[k++] = observations[i].duration;
  }
  return times.sort();
}

/** (b) Hand-written the usual way: sort the records, churns before censorings at equal times. */
function handWrittenComparator(observations) {
  const sorted = observations
    .slice()
    .sort((p, q) => p.duration - q.duration || (q.churned ? 1 : 0) - (p.churned ? 1 : 0));
  const churnTimes = [];
  const censorTimes = [];
  for (const o of sorted) (o.churned ? churnTimes : censorTimes).push(o.duration);
  return pointsFromSorted(churnTimes, censorTimes);
}

const observationsSchema = z.array(z.strictObject({ duration: z.number().min(0), churned: z.boolean() }));

/** (c) Naive: validate the whole array with zod first. */
function naive(observations) {
  return handWrittenComparator(observationsSchema.parse(observations));
}

/** sBG log-likelihood from the recursions (Fader & Hardie 2007, appendix B). */
function sbgLogLikelihood(alpha, beta, survivors) {
  let ll = 0;
  let s = 1;
  for (let t = 1; t < survivors.length; t++) {
    const p = (s * alpha) / (alpha + beta + t - 1);
    ll += (survivors[t - 1] - survivors[t]) * Math.log(p);
    s -= p;
  }
  return ll + survivors[survivors.length - 1] * Math.log(s);
}

/** A plain Nelder–Mead on (ln α, ln β), as published sBG code fits it. */
function nelderMeadFit(survivors) {
  const f = (x) => -sbgLogLikelihood(Math.exp(x[0]), Math.exp(x[1]), survivors);
  let simplex = [
    [0, 0],
    [0.5, 0],
    [0, 0.5],
  ].map((x) => ({ x, v: f(x) }));
  for (let iteration = 0; iteration < 2000; iteration++) {
    simplex.sort((p, q) => p.v - q.v);
    const [best, middle, worst] = simplex;
    if (Math.abs(worst.v - best.v) < 1e-12 * (1 + Math.abs(best.v))) break;
    const centre = [(best.x[0] + middle.x[0]) / 2, (best.x[1] + middle.x[1]) / 2];
    const along = (t) => [centre[0] + t * (worst.x[0] - centre[0]), centre[1] + t * (worst.x[1] - centre[1])];
    const reflected = { x: along(-1), v: 0 };
    reflected.v = f(reflected.x);
    if (reflected.v < best.v) {
      const expanded = { x: along(-2), v: 0 };
      expanded.v = f(expanded.x);
      simplex[2] = expanded.v < reflected.v ? expanded : reflected;
    } else if (reflected.v < middle.v) simplex[2] = reflected;
    else {
      const contracted = { x: along(0.5), v: 0 };
      contracted.v = f(contracted.x);
      if (contracted.v < worst.v) simplex[2] = contracted;
      else {
        simplex = simplex.map((point, index) => {
          if (index === 0) return point;
          const x = [(point.x[0] + best.x[0]) / 2, (point.x[1] + best.x[1]) / 2];
          return { x, v: f(x) };
        });
      }
    }
  }
  simplex.sort((p, q) => p.v - q.v);
  return { alpha: Math.exp(simplex[0].x[0]), beta: Math.exp(simplex[0].x[1]), logLikelihood: -simplex[0].v };
}

function sameCurve(ours, theirs) {
  if (ours.points.length !== theirs.length) throw new Error('survivalCurve approaches disagree on the points');
  for (let k = 0; k < theirs.length; k += 997) {
    const p = ours.points[k];
    const q = theirs[k];
    if (p.time !== q.time || p.atRisk !== q.atRisk || Math.abs(p.survival - q.survival) > 1e-12) {
      throw new Error(`survivalCurve approaches disagree at point ${k}`);
    }
  }
}

const HAZARD_FIELDS = ['time', 'atRisk', 'events', 'cumulativeHazard', 'standardError', 'low', 'high'];

/** The columns of cumulativeHazard hold exactly the numbers of its records. */
function sameHazard(cumulativeHazard, observations) {
  const records = cumulativeHazard({ observations }).points;
  const columns = cumulativeHazard({ observations }, { columns: true }).points;
  for (const field of HAZARD_FIELDS) {
    const column = columns[field];
    if (!(column instanceof Float64Array) || column.length !== records.length) {
      throw new Error(`cumulativeHazard: column ${field} is not a Float64Array of ${records.length}`);
    }
    for (let k = 0; k < records.length; k++) {
      if (!Object.is(column[k], records[k][field])) throw new Error(`cumulativeHazard: ${field} differs at point ${k}`);
    }
  }
}

export async function run() {
  const { survivalCurve, fitShiftedBetaGeometric, compareSurvivalCurves, cumulativeHazard } = await library();
  const size = scaled(1_000_000);
  // Exponential lifetimes (mean 12 months), censored by independent follow-up (mean 36 months).
  const data = once(() => {
    const next = random(11);
    const continuous = new Array(size);
    const days = new Array(size);
    const durations = new Float64Array(size);
    const churned = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      const lifetime = -Math.log(1 - next()) * 12;
      const followUp = -Math.log(1 - next()) * 36;
      const duration = Math.min(lifetime, followUp);
      const flag = lifetime <= followUp;
      continuous[i] = { duration, churned: flag };
      days[i] = { duration: Math.floor(duration * 30.4), churned: flag };
      durations[i] = duration;
      churned[i] = flag ? 1 : 0;
    }
    return { continuous, days, durations, churned };
  });
  const naiveSize = Math.min(size, scaled(200_000));
  const naiveSample = once(() => data().continuous.slice(0, naiveSize));
  const factor = size / naiveSize;
  console.log(
    `${size.toLocaleString('en')} observations; the naive baseline runs on ${naiveSize.toLocaleString('en')} and is scaled up linearly`,
  );

  const report = (ratios) => ratios && goal(ratios, 'hand-written, typed sort', 3);
  report(
    compare('survivalCurve, 1M records, continuous durations (1M distinct times)', {
      check: () => sameCurve(survivalCurve({ observations: data().continuous }), handWritten(data().continuous)),
      ours: () => survivalCurve({ observations: data().continuous }),
      baselines: {
        'hand-written, typed sort': () => handWritten(data().continuous),
        'hand-written, comparator': () => handWrittenComparator(data().continuous),
        'naive (zod parse first)': onSample(() => naive(naiveSample()), factor),
      },
    }),
  );
  report(
    compare('survivalCurve, 1M records, durations in whole days (~1 900 distinct times)', {
      check: () => sameCurve(survivalCurve({ observations: data().days }), handWrittenComparator(data().days)),
      ours: () => survivalCurve({ observations: data().days }),
      baselines: {
        'hand-written, typed sort': () => handWritten(data().days),
        'hand-written, comparator': () => handWrittenComparator(data().days),
      },
    }),
  );
  report(
    compare('survivalCurve, columns: Float64Array + Uint8Array (continuous)', {
      check: () => {
        const { durations, churned } = data();
        sameCurve(survivalCurve({ durations, churned }), handWrittenColumns(durations, churned));
      },
      ours: () => survivalCurve({ durations: data().durations, churned: data().churned }),
      baselines: { 'hand-written, typed sort': () => handWrittenColumns(data().durations, data().churned) },
    }),
  );

  const survivalGroups = once(() => {
    const records = data().continuous;
    const half = records.length >> 1;
    return { onboarded: records.slice(0, half), 'self-serve': records.slice(half) };
  });
  const survivalDayGroups = once(() => {
    const records = data().days;
    const half = records.length >> 1;
    return { onboarded: records.slice(0, half), 'self-serve': records.slice(half) };
  });
  /** The records in `k` groups of equal size, in order. */
  const split = (records, k) => {
    const groups = {};
    for (let g = 0; g < k; g++) {
      groups[`plan ${g + 1}`] = records.slice(
        Math.floor((g * records.length) / k),
        Math.floor(((g + 1) * records.length) / k),
      );
    }
    return groups;
  };
  const fiveGroups = once(() => split(data().continuous, 5));
  const fiveDayGroups = once(() => split(data().days, 5));
  const floor = 'sorting the durations';
  const survivalReport = (ratios) => ratios && goal(ratios, floor, 3);
  survivalReport(
    compare('compareSurvivalCurves, log-rank, 2 groups of 500 000 records (continuous durations)', {
      check: () => {
        const result = compareSurvivalCurves({ groups: survivalGroups() });
        if (!(result.pValue >= 0 && result.pValue <= 1)) throw new Error('compareSurvivalCurves: p out of range');
      },
      ours: () => compareSurvivalCurves({ groups: survivalGroups() }),
      baselines: { [floor]: () => sortGroupDurations(survivalGroups()) },
    }),
  );
  survivalReport(
    compare('compareSurvivalCurves, Fleming–Harrington [1, 1], same groups', {
      ours: () => compareSurvivalCurves({ groups: survivalGroups() }, { weights: { flemingHarrington: [1, 1] } }),
      baselines: { [floor]: () => sortGroupDurations(survivalGroups()) },
    }),
  );
  survivalReport(
    compare('cumulativeHazard, 1M records, continuous durations', {
      check: () => {
        const { points } = cumulativeHazard({ observations: data().continuous });
        const curve = survivalCurve({ observations: data().continuous }).points;
        for (let k = 0; k < curve.length; k += 997) {
          if (points[k].time !== curve[k].time || points[k].atRisk !== curve[k].atRisk) {
            throw new Error(`cumulativeHazard and survivalCurve disagree at point ${k}`);
          }
        }
      },
      ours: () => cumulativeHazard({ observations: data().continuous }),
      baselines: { [floor]: () => sortDurations(data().continuous) },
    }),
  );
  survivalReport(
    compare('cumulativeHazard, columns: true, 1M records, continuous durations', {
      check: () => sameHazard(cumulativeHazard, data().continuous),
      ours: () => cumulativeHazard({ observations: data().continuous }, { columns: true }),
      baselines: { [floor]: () => sortDurations(data().continuous) },
    }),
  );
  survivalReport(
    compare('cumulativeHazard, 1M records, durations in whole days (~1 900 distinct times)', {
      ours: () => cumulativeHazard({ observations: data().days }),
      baselines: { [floor]: () => sortDurations(data().days) },
    }),
  );
  survivalReport(
    compare('cumulativeHazard, columns: true, 1M records in whole days', {
      check: () => sameHazard(cumulativeHazard, data().days),
      ours: () => cumulativeHazard({ observations: data().days }, { columns: true }),
      baselines: { [floor]: () => sortDurations(data().days) },
    }),
  );
  survivalReport(
    compare('compareSurvivalCurves, log-rank, 2 groups of 500 000 records in whole days', {
      ours: () => compareSurvivalCurves({ groups: survivalDayGroups() }),
      baselines: { [floor]: () => sortGroupDurations(survivalDayGroups()) },
    }),
  );
  survivalReport(
    compare('compareSurvivalCurves, log-rank, 5 groups of 200 000 records (continuous durations)', {
      check: () => {
        const result = compareSurvivalCurves({ groups: fiveGroups() });
        if (result.degreesOfFreedom !== 4) throw new Error('compareSurvivalCurves: 5 groups, not 4 degrees of freedom');
      },
      ours: () => compareSurvivalCurves({ groups: fiveGroups() }),
      baselines: { [floor]: () => sortGroupDurations(fiveGroups()) },
    }),
  );
  survivalReport(
    compare('compareSurvivalCurves, Tarone–Ware, 5 groups of 200 000 records (continuous durations)', {
      ours: () => compareSurvivalCurves({ groups: fiveGroups() }, { weights: 'tarone-ware' }),
      baselines: { [floor]: () => sortGroupDurations(fiveGroups()) },
    }),
  );
  survivalReport(
    compare('compareSurvivalCurves, log-rank, 5 groups of 200 000 records in whole days', {
      ours: () => compareSurvivalCurves({ groups: fiveDayGroups() }),
      baselines: { [floor]: () => sortGroupDurations(fiveDayGroups()) },
    }),
  );

  // Fader & Hardie (2007)'s high-end cohort (years 0–7), extended to year 12 with its fitted model's projection.
  const survivors = [1000, 869, 743, 653, 593, 551, 517, 491, 460, 436, 414, 395, 378];
  const fits = 200;
  let ours;
  const ratios = compare(`fitShiftedBetaGeometric, 12-period cohort (${fits} fits per timing)`, {
    check: () => {
      ours = fitShiftedBetaGeometric({ survivors });
      const theirs = nelderMeadFit(survivors);
      if (!ours.converged || Math.abs(ours.logLikelihood - theirs.logLikelihood) > 1e-6) {
        throw new Error('sBG fits disagree');
      }
    },
    ours: () => {
      for (let i = 0; i < fits; i++) fitShiftedBetaGeometric({ survivors });
    },
    baselines: {
      'hand-written Nelder–Mead': () => {
        for (let i = 0; i < fits; i++) nelderMeadFit(survivors);
      },
    },
  });
  if (ratios === undefined) return;
  const start = performance.now();
  for (let i = 0; i < fits; i++) fitShiftedBetaGeometric({ survivors });
  const perFit = (performance.now() - start) / fits;
  console.log(
    `  one fit: ${(perFit * 1000).toFixed(0)} µs (goal: under 5 ms); ${ours.iterations} Newton steps ` +
      `(Nelder–Mead takes ${(1 / ratios['hand-written Nelder–Mead']).toFixed(1)}× as long)`,
  );
}
