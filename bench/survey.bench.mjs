// NPS and CSAT over 10 000 000 scores, as a plain array and as a Uint8Array, against
// (a) a hand-written unchecked counting loop and (b) the naive way: a zod parse of the whole array, then
// decimal.js per element.
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { compare, library, onSample, random, scaled } from './harness.mjs';

function uncheckedNps(scores) {
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

function uncheckedCsat(scores) {
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

const npsSchema = z.array(z.number().int().min(0).max(10));
const csatSchema = z.array(z.number().int().min(1).max(5));

function naiveNps(scores) {
  const parsed = npsSchema.parse(Array.from(scores));
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
  const parsed = csatSchema.parse(Array.from(scores));
  let satisfied = new Decimal(0);
  let total = new Decimal(0);
  for (const score of parsed) {
    const value = new Decimal(score);
    total = total.plus(value);
    if (value.gte(4)) satisfied = satisfied.plus(1);
  }
  return { score: satisfied.div(parsed.length).toNumber(), average: total.div(parsed.length).toNumber() };
}

export async function run() {
  const { netPromoterScore, customerSatisfactionScore } = await library();
  const size = scaled(10_000_000);
  const next = random(7);
  const npsPlain = new Array(size);
  const csatPlain = new Array(size);
  for (let i = 0; i < size; i++) {
    npsPlain[i] = Math.floor(next() * 11);
    csatPlain[i] = 1 + Math.floor(next() * 5);
  }
  const npsBytes = Uint8Array.from(npsPlain);
  const csatBytes = Uint8Array.from(csatPlain);

  // Same answers from every approach, before timing anything.
  const ours = netPromoterScore({ scores: npsPlain }).score;
  if (Math.abs(ours - uncheckedNps(npsPlain)) > 1e-9 || netPromoterScore({ scores: npsBytes }).score !== ours) {
    throw new Error('NPS approaches disagree');
  }
  const naiveSize = Math.min(size, scaled(2_000_000));
  console.log(
    `${size.toLocaleString('en')} scores; the naive baseline runs on ${naiveSize.toLocaleString('en')} and is scaled up linearly`,
  );
  const naiveNpsSample = npsPlain.slice(0, naiveSize);
  const naiveCsatSample = csatPlain.slice(0, naiveSize);
  const factor = size / naiveSize;

  const results = {};
  results.npsPlain = compare('netPromoterScore, plain array', {
    ours: () => netPromoterScore({ scores: npsPlain }),
    baselines: {
      'unchecked loop': () => uncheckedNps(npsPlain),
      'naive (zod + decimal.js)': onSample(() => naiveNps(naiveNpsSample), factor),
    },
  });
  results.npsBytes = compare('netPromoterScore, Uint8Array', {
    ours: () => netPromoterScore({ scores: npsBytes }),
    baselines: {
      'unchecked loop': () => uncheckedNps(npsBytes),
      'naive (zod + decimal.js)': onSample(() => naiveNps(naiveNpsSample), factor),
    },
  });
  results.csatPlain = compare('customerSatisfactionScore, plain array', {
    ours: () => customerSatisfactionScore({ scores: csatPlain }),
    baselines: {
      'unchecked loop': () => uncheckedCsat(csatPlain),
      'naive (zod + decimal.js)': onSample(() => naiveCsat(naiveCsatSample), factor),
    },
  });
  results.csatBytes = compare('customerSatisfactionScore, Uint8Array', {
    ours: () => customerSatisfactionScore({ scores: csatBytes }),
    baselines: {
      'unchecked loop': () => uncheckedCsat(csatBytes),
      'naive (zod + decimal.js)': onSample(() => naiveCsat(naiveCsatSample), factor),
    },
  });

  console.log('\nGoals: plain arrays ≤ 1.5 × the unchecked loop; Uint8Array ≤ 1 ×; ≥ 10 × faster than naive.');
  for (const [name, ratio] of Object.entries(results)) {
    const unchecked = ratio['unchecked loop'];
    const naive = ratio['naive (zod + decimal.js)'];
    const goal = name.endsWith('Bytes') ? 1 : 1.5;
    console.log(
      `  ${name.padEnd(10)} vs unchecked ${unchecked.toFixed(2)} (${unchecked <= goal ? 'met' : 'MISSED'})  ` +
        `naive is ${(1 / naive).toFixed(1)} × slower (${1 / naive >= 10 ? 'met' : 'MISSED'})`,
    );
  }
}
