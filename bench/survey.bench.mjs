// NPS and CSAT over 10 000 000 scores, as a plain array and as a Uint8Array, against (a) a hand-written
// unchecked counting loop, one function per shape of input (each compiled only for the data it is timed
// on), and (b) the naive way: a zod parse of the whole array, then decimal.js per element (measured on a
// sample, scaled up linearly). Goals: ours ≤ 1.5 × the unchecked loop on a plain array, ≤ 1 × on a
// Uint8Array, and the naive way at least 10 × slower.
//
// Then NPS by segment (`segmentBy`) over the same 10 000 000 scores in 50 segments, against one unsegmented
// pass of ours over the same scores, for each way a segment reaches a score: dictionary codes in a
// Uint8Array beside bytes of scores or a plain array (goal: ≤ 2 ×), a column of segment names, and a
// function of the index (no goal: one Map lookup or one call per response, reported for comparison).
//
// Last, surveyTrend by month and segment over bulk columns against one unsegmented pass (goal: ≤ 2 ×).
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { compare, goal, library, once, onSample, random, scaled, slower } from './harness.mjs';

function uncheckedNpsArray(scores) {
  let promoters = 0;
  let detractors = 0;
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const score = scores[i];
    if (score >= 9) promoters++;
    else if (score <= 6) detractors++;
  }
  return ((promoters - detractors) / n) * 100;
}

function uncheckedNpsBytes(bytes) {
  let promoters = 0;
  let detractors = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const score = bytes[i];
    if (score >= 9) promoters++;
    else if (score <= 6) detractors++;
  }
  return ((promoters - detractors) / n) * 100;
}

function uncheckedCsatArray(scores) {
  let satisfied = 0;
  let total = 0;
  const n = scores.length;
  for (let i = 0; i < n; i++) {
    const score = scores[i];
    total += score;
    if (score >= 4) satisfied++;
  }
  return { score: satisfied / n, average: total / n };
}

function uncheckedCsatBytes(bytes) {
  let satisfied = 0;
  let total = 0;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const score = bytes[i];
    total += score;
    if (score >= 4) satisfied++;
  }
  return { score: satisfied / n, average: total / n };
}

const npsSchema = z.array(z.number().int().min(0).max(10));
const csatSchema = z.array(z.number().int().min(1).max(5));

function naiveNps(scores) {
  const parsed = npsSchema.parse(scores);
  let promoters = new Decimal(0);
  let detractors = new Decimal(0);
  for (const score of parsed) {
    const value = new Decimal(score);
    if (value.gte(9)) promoters = promoters.plus(1);
    else if (value.lte(6)) detractors = detractors.plus(1);
  }
  return promoters.minus(detractors).div(parsed.length).times(100).toNumber();
}

function naiveCsat(scores) {
  const parsed = csatSchema.parse(scores);
  let satisfied = new Decimal(0);
  let total = new Decimal(0);
  for (const score of parsed) {
    const value = new Decimal(score);
    total = total.plus(value);
    if (value.gte(4)) satisfied = satisfied.plus(1);
  }
  return { score: satisfied.div(parsed.length).toNumber(), average: total.div(parsed.length).toNumber() };
}

function same(ours, theirs, what) {
  if (Math.abs(ours - theirs) > 1e-9) throw new Error(`${what}: approaches disagree (${ours}, ${theirs})`);
}

export async function run() {
  const { netPromoterScore, customerSatisfactionScore } = await library();
  const size = scaled(10_000_000);
  const naiveSize = Math.min(size, scaled(2_000_000));
  const factor = size / naiveSize;
  const scores = (seed, min, max) =>
    once(() => {
      const next = random(seed);
      const plain = new Array(size);
      for (let i = 0; i < size; i++) plain[i] = min + Math.floor(next() * (max - min + 1));
      return plain;
    });
  const npsPlain = scores(7, 0, 10);
  const csatPlain = scores(8, 1, 5);
  const npsBytes = once(() => Uint8Array.from(npsPlain()));
  const csatBytes = once(() => Uint8Array.from(csatPlain()));
  const npsSample = once(() => npsPlain().slice(0, naiveSize));
  const csatSample = once(() => csatPlain().slice(0, naiveSize));
  console.log(
    `${size.toLocaleString('en')} scores; the naive baseline runs on ${naiveSize.toLocaleString('en')} and is scaled up linearly`,
  );

  const sameCsat = (ours, theirs, what) => {
    same(ours.score, theirs.score, what);
    same(ours.average, theirs.average, `${what}, average`);
  };
  const groups = [
    {
      title: 'netPromoterScore, plain array',
      ours: () => netPromoterScore({ scores: npsPlain() }),
      unchecked: () => uncheckedNpsArray(npsPlain()),
      naive: () => naiveNps(npsSample()),
      check: () => {
        same(netPromoterScore({ scores: npsPlain() }).score, uncheckedNpsArray(npsPlain()), 'NPS, plain array');
        const sample = npsPlain().slice(0, 1000);
        same(naiveNps(sample), uncheckedNpsArray(sample), 'NPS, naive');
      },
      limit: 1.5,
    },
    {
      title: 'netPromoterScore, Uint8Array',
      ours: () => netPromoterScore({ scores: npsBytes() }),
      unchecked: () => uncheckedNpsBytes(npsBytes()),
      naive: () => naiveNps(npsSample()),
      check: () => same(netPromoterScore({ scores: npsBytes() }).score, uncheckedNpsBytes(npsBytes()), 'NPS, bytes'),
      limit: 1,
    },
    {
      title: 'customerSatisfactionScore, plain array',
      ours: () => customerSatisfactionScore({ scores: csatPlain() }),
      unchecked: () => uncheckedCsatArray(csatPlain()),
      naive: () => naiveCsat(csatSample()),
      check: () => {
        sameCsat(customerSatisfactionScore({ scores: csatPlain() }), uncheckedCsatArray(csatPlain()), 'CSAT');
        const sample = csatPlain().slice(0, 1000);
        sameCsat(naiveCsat(sample), uncheckedCsatArray(sample), 'CSAT, naive');
      },
      limit: 1.5,
    },
    {
      title: 'customerSatisfactionScore, Uint8Array',
      ours: () => customerSatisfactionScore({ scores: csatBytes() }),
      unchecked: () => uncheckedCsatBytes(csatBytes()),
      naive: () => naiveCsat(csatSample()),
      check: () =>
        sameCsat(customerSatisfactionScore({ scores: csatBytes() }), uncheckedCsatBytes(csatBytes()), 'CSAT, bytes'),
      limit: 1,
    },
  ];
  for (const group of groups) {
    const ratios = compare(group.title, {
      ours: group.ours,
      check: group.check,
      baselines: {
        'unchecked loop': group.unchecked,
        'naive (zod + decimal.js)': onSample(group.naive, factor),
      },
    });
    if (ratios === undefined) continue;
    goal(ratios, 'unchecked loop', group.limit);
    slower(ratios, 'naive (zod + decimal.js)', 10);
  }

  const SEGMENTS = 50;
  const segmentNames = Array.from({ length: SEGMENTS }, (_, k) => `segment ${String(k).padStart(2, '0')}`);
  const codes = once(() => {
    const next = random(9);
    const bytes = new Uint8Array(size);
    for (let i = 0; i < size; i++) bytes[i] = Math.floor(next() * SEGMENTS);
    return bytes;
  });
  const namesColumn = once(() => Array.from(codes(), (code) => segmentNames[code]));
  const coded = () => ({ plan: { codes: codes(), names: segmentNames } });
  const sameTotal = (segmented, unsegmented, what) => {
    same(segmented.total.score, unsegmented.score, what);
    if (segmented.segments.length !== SEGMENTS) throw new Error(`${what}: ${segmented.segments.length} segments`);
    const counted = segmented.segments.reduce((sum, segment) => sum + segment.size, 0);
    if (counted !== size) throw new Error(`${what}: the segments hold ${counted} responses, not ${size}`);
  };
  const segmentedGroups = [
    {
      title: `netPromoterScore by ${SEGMENTS} segments, Uint8Array scores and Uint8Array codes`,
      ours: () => netPromoterScore({ scores: npsBytes(), attributes: coded() }, { segmentBy: 'plan' }),
      unsegmented: () => netPromoterScore({ scores: npsBytes() }),
      limit: 2,
    },
    {
      title: `netPromoterScore by ${SEGMENTS} segments, plain array scores and Uint8Array codes`,
      ours: () => netPromoterScore({ scores: npsPlain(), attributes: coded() }, { segmentBy: 'plan' }),
      unsegmented: () => netPromoterScore({ scores: npsPlain() }),
      limit: 2,
    },
    {
      title: `netPromoterScore by ${SEGMENTS} segments, plain array scores and a column of segment names`,
      ours: () => netPromoterScore({ scores: npsPlain(), attributes: { plan: namesColumn() } }, { segmentBy: 'plan' }),
      unsegmented: () => netPromoterScore({ scores: npsPlain() }),
    },
    {
      title: `netPromoterScore by ${SEGMENTS} segments, plain array scores and a function of the index`,
      ours: () => {
        const column = namesColumn();
        return netPromoterScore({ scores: npsPlain() }, { segmentBy: (_score, index) => column[index] });
      },
      unsegmented: () => netPromoterScore({ scores: npsPlain() }),
    },
  ];
  for (const group of segmentedGroups) {
    const ratios = compare(group.title, {
      ours: group.ours,
      check: () => sameTotal(group.ours(), group.unsegmented(), group.title),
      baselines: { 'one unsegmented pass': group.unsegmented },
    });
    if (ratios !== undefined && group.limit !== undefined) goal(ratios, 'one unsegmented pass', group.limit);
  }
  await runTrend();
}

// surveyTrend over 10 000 000 responses in 24 months and 20 segments, from bulk columns (Uint8Array scores,
// a Float64Array of epoch milliseconds, Uint8Array segment codes), against one unsegmented pass of
// netPromoterScore over the same scores. Goal: ≤ 2 ×.
async function runTrend() {
  const { netPromoterScore, surveyTrend } = await library();
  const size = scaled(10_000_000);
  const MONTHS = 24;
  const SEGMENTS = 20;
  const names = Array.from({ length: SEGMENTS }, (_, k) => `segment ${String(k).padStart(2, '0')}`);
  const data = once(() => {
    const next = random(11);
    const scores = new Uint8Array(size);
    const at = new Float64Array(size);
    const days = new Uint16Array(size);
    const codes = new Uint8Array(size);
    const start = Date.UTC(2023, 0, 1);
    const end = Date.UTC(2025, 0, 1);
    for (let i = 0; i < size; i++) {
      scores[i] = Math.floor(next() * 11);
      at[i] = start + Math.floor(next() * (end - start));
      days[i] = Math.floor(at[i] / 86_400_000);
      codes[i] = Math.floor(next() * SEGMENTS);
    }
    return { scores, at, days, codes };
  });
  const check = (result) => {
    const rows = result.periods;
    const totals = rows.filter((row) => row.segment === undefined);
    if (totals.length !== MONTHS) throw new Error(`surveyTrend: ${totals.length} months, not ${MONTHS}`);
    if (rows.length !== MONTHS * (SEGMENTS + 1)) throw new Error(`surveyTrend: ${rows.length} rows`);
    const counted = totals.reduce((sum, row) => sum + row.responses, 0);
    if (counted !== size) throw new Error(`surveyTrend: the months hold ${counted} responses, not ${size}`);
  };
  const groups = [
    {
      title: 'day numbers (Uint16Array)',
      ours: () => {
        const { scores, days, codes } = data();
        return surveyTrend({ scores, days, segments: { codes, names } }, { metric: 'nps' });
      },
    },
    {
      title: 'epoch milliseconds (Float64Array)',
      ours: () => {
        const { scores, at, codes } = data();
        return surveyTrend({ scores, at, segments: { codes, names } }, { metric: 'nps' });
      },
    },
  ];
  for (const group of groups) {
    const ratios = compare(
      `surveyTrend, ${size.toLocaleString('en')} responses × ${MONTHS} months × ${SEGMENTS} segments, Uint8Array scores and codes, ${group.title}`,
      {
        ours: group.ours,
        check: () => check(group.ours()),
        baselines: { 'one unsegmented NPS pass': () => netPromoterScore({ scores: data().scores }) },
      },
    );
    if (ratios !== undefined) goal(ratios, 'one unsegmented NPS pass', 2);
  }
  // The contract's own input: records { at: 'YYYY-MM-DD', score, segment }, sorted by date as an export
  // gives them, each date string shared from a pool of the 731 days (as a parser interning them would), against
  // netPromoterScore({ responses }) on records { at, score } of the same responses (its record form has no
  // `segment` field).
  const records = once(() => {
    const { scores, days, codes } = data();
    // Days of a Uint16Array: a counting sort by day gives the order of an export sorted by date.
    const perDay = new Int32Array(65_537);
    for (let i = 0; i < size; i++) perDay[days[i] + 1] += 1;
    for (let d = 1; d <= 65_536; d++) perDay[d] += perDay[d - 1];
    const order = new Int32Array(size);
    for (let i = 0; i < size; i++) order[perDay[days[i]]++] = i;
    const low = days[order[0]];
    const pool = Array.from({ length: days[order[size - 1]] - low + 1 }, (_, d) =>
      new Date((low + d) * 86_400_000).toISOString().slice(0, 10),
    );
    const trend = new Array(size);
    const plain = new Array(size);
    for (let j = 0; j < size; j++) {
      const i = order[j];
      const at = pool[days[i] - low];
      trend[j] = { at, score: scores[i], segment: names[codes[i]] };
      plain[j] = { at, score: scores[i] };
    }
    return { trend, plain };
  });
  const ratios = compare(
    `surveyTrend, ${size.toLocaleString('en')} response records { at: 'YYYY-MM-DD', score, segment } × ${MONTHS} months × ${SEGMENTS} segments, sorted by date`,
    {
      ours: () => surveyTrend({ responses: records().trend }, { metric: 'nps' }),
      check: () => check(surveyTrend({ responses: records().trend }, { metric: 'nps' })),
      baselines: { 'one unsegmented NPS pass': () => netPromoterScore({ responses: records().plain }) },
      rounds: 2,
      repeat: 2,
    },
  );
  if (ratios !== undefined) goal(ratios, 'one unsegmented NPS pass', 2);
}
