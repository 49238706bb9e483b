// BG/NBD. fitBetaGeometricNbd on CDNOW (2 357 customers, weeks) and on 200 000 customers drawn from the model
// fitted to CDNOW (seeded; first purchases spread over 12 weeks, histories in whole days as summarizePurchases
// makes them, expressed in weeks), and the predictions on those 200 000 customers. Goal (issue): at least 10 ×
// faster than lifetimes, reaching the same optimum to 1e-3 relative. lifetimes cannot be installed here: its
// stand-in, bench/peers/purchases_bgnbd.py, fits and scores the same way with numpy and SciPy (Debian's
// /usr/bin/python3), in a process of its own, on the same data written to a temporary file. The in-process
// baseline is one pass summing the three columns, for scale.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bgNbdHistory } from './draws.mjs';
import { compare, library, once, random, scaled } from './harness.mjs';
import { timeSteady } from './peer.mjs';

const { expectedPurchases, fitBetaGeometricNbd, probabilityAlive, purchaseCountProbability } = await library();

const cdnow = once(() => {
  const rows = readFileSync(new URL('../test/fixtures/purchases/cdnow-summary.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
  return columns(rows.map(([, x, tx, T]) => [x, tx, T]));
});

function columns(rows) {
  return {
    frequency: Float64Array.from(rows, (row) => row[0]),
    recency: Float64Array.from(rows, (row) => row[1]),
    age: Float64Array.from(rows, (row) => row[2]),
  };
}

/** Gamma(shape, 1) by Marsaglia and Tsang, boosted below shape 1. */
function gamma(next, shape) {
  if (shape < 1) return gamma(next, shape + 1) * next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    const v = (1 + c * z) ** 3;
    if (v > 0 && Math.log(1 - next()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** 200 000 customers from the BG/NBD model fitted to CDNOW, observed 27 to 39 weeks, in whole days. */
const synthetic = once(() => {
  const { r, alpha, a, b } = fitBetaGeometricNbd({ customers: cdnow() });
  const next = random(20);
  const n = scaled(200_000);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const [x, lastDay, days] = bgNbdHistory(next, { r, alpha, a, b }, gamma);
    rows.push([x, lastDay / 7, days / 7]);
  }
  return columns(rows);
});

/** The stand-in's timings and results on `data`, or why it could not run. */
function standIn(data, tasks) {
  const directory = mkdtempSync(join(tmpdir(), 'bgnbd-bench-'));
  try {
    const path = join(directory, 'data.f64');
    const n = data.frequency.length;
    const matrix = new Float64Array(1 + 3 * n);
    matrix[0] = n;
    matrix.set(data.frequency, 1);
    matrix.set(data.recency, 1 + n);
    matrix.set(data.age, 1 + 2 * n);
    writeFileSync(path, new Uint8Array(matrix.buffer));
    const script = new URL('peers/purchases_bgnbd.py', import.meta.url).pathname;
    const run = spawnSync('/usr/bin/python3', [script, path, ...tasks], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.error) return { missing: `/usr/bin/python3 is absent (${run.error.message})` };
    if (run.status !== 0) return { missing: `the stand-in could not run: ${run.stderr.trim().split('\n').at(-1)}` };
    return JSON.parse(run.stdout);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const sum = (data) => {
  let total = 0;
  for (let i = 0; i < data.frequency.length; i++) total += data.frequency[i] + data.recency[i] + data.age[i];
  return total;
};

/** `mine` is a `timeSteady` timing: its median once compiled, and its first call. */
function report(name, mine, theirs, extra = '') {
  const ratio = theirs / mine.ms;
  console.log(
    `  ${name}: stand-in ${theirs.toFixed(3)} ms, ours ${mine.ms.toFixed(3)} ms (medians, same run, ours once ` +
      `compiled; our first call ${mine.first.toFixed(3)} ms): ours is ${ratio.toFixed(1)} × faster (goal ≥ 10 ×: ` +
      `${ratio >= 10 ? 'met' : 'MISSED'})${extra}`,
  );
}

function fitGroup(title, data) {
  let ours;
  const ratios = compare(title, {
    baselines: { 'sum the columns': () => sum(data()) },
    ours: () => {
      ours = fitBetaGeometricNbd({ customers: data() });
      return ours;
    },
  });
  if (ratios === undefined) return;
  const reference = standIn(data(), []);
  if ('missing' in reference) {
    console.log(`  stand-in: not measured, ${reference.missing}`);
    return;
  }
  const mine = timeSteady(() => fitBetaGeometricNbd({ customers: data() }));
  let gap = 0;
  for (const key of ['r', 'alpha', 'a', 'b']) gap = Math.max(gap, Math.abs(ours[key] / reference.fit[key] - 1));
  report(
    'fit',
    mine,
    reference.fit.ms,
    `; largest relative parameter difference ${gap.toExponential(1)} (goal ≤ 1e-3: ${gap <= 1e-3 ? 'met' : 'MISSED'}), ` +
      `log-likelihood ${ours.logLikelihood.toFixed(4)} vs ${reference.fit.logLikelihood.toFixed(4)}; ours ` +
      `${ours.iterations} iterations, converged ${ours.converged}; stand-in BFGS ${reference.fit.iterations} iterations`,
  );
}

export async function run() {
  fitGroup('fitBetaGeometricNbd, CDNOW (2 357 customers, columns)', cdnow);
  fitGroup('fitBetaGeometricNbd, 200k customers drawn from the CDNOW model (columns)', synthetic);
  let model;
  const ratios = compare('expectedPurchases and probabilityAlive, 200k customers (columns), 39 weeks ahead', {
    baselines: { 'sum the columns': () => sum(synthetic()) },
    ours: () => {
      model ??= fitBetaGeometricNbd({ customers: synthetic() });
      return expectedPurchases({ model, periods: 39, customers: synthetic() });
    },
  });
  if (ratios === undefined) return;
  const reference = standIn(synthetic(), ['predict']);
  if ('missing' in reference) {
    console.log(`  stand-in: not measured, ${reference.missing}`);
    return;
  }
  const params = { model: 'bg-nbd', ...reference.fit };
  let values;
  const total = (list) => list.reduce((s, v) => s + v, 0);
  report(
    'expectedPurchases of each customer',
    timeSteady(() => {
      values = expectedPurchases({ model: params, periods: 39, customers: synthetic() });
    }),
    reference.conditionalExpected.ms,
    `; totals ${total(values).toFixed(6)} vs ${reference.conditionalExpected.sum.toFixed(6)}`,
  );
  // The floor of any bulk P(alive) in JavaScript: one Math.exp per customer over the same columns, into a new
  // Float64Array (a result is new memory, and fresh pages cost the kernel's time here). BG/NBD needs more:
  // a logarithm and an exponential for each customer with repeat purchases. Timed before ours.
  const floor = timeSteady(() => {
    const { frequency, recency, age } = synthetic();
    const out = new Float64Array(frequency.length);
    for (let i = 0; i < out.length; i++) out[i] = Math.exp(recency[i] - age[i] - frequency[i]);
    return out;
  }).ms;
  const fresh = timeSteady(() => new Float64Array(synthetic().frequency.length).fill(1)).ms;
  const alive = timeSteady(() => {
    values = probabilityAlive({ model: params, customers: synthetic() });
  });
  report(
    'probabilityAlive of each customer',
    alive,
    reference.probabilityAlive.ms,
    `; totals ${total(values).toFixed(6)} vs ${reference.probabilityAlive.sum.toFixed(6)}`,
  );
  console.log(
    `  floor (one Math.exp per customer into a new Float64Array, same columns): ${floor.toFixed(3)} ms; ` +
      `probabilityAlive is ${(alive.ms / floor).toFixed(2)} × the floor, the stand-in ` +
      `${(reference.probabilityAlive.ms / floor).toFixed(2)} × (10 × faster than the stand-in would be ` +
      `${(reference.probabilityAlive.ms / 10 / floor).toFixed(2)} × the floor); a new Float64Array alone, filled: ` +
      `${fresh.toFixed(3)} ms`,
  );
  let scalar;
  report(
    'expectedPurchases of a new customer, t = 1…104 weeks',
    timeSteady(() => {
      scalar = 0;
      for (let t = 1; t <= 104; t++) scalar += expectedPurchases({ model: params, periods: t });
    }),
    reference.expected.ms,
    `; totals ${scalar.toFixed(9)} vs ${reference.expected.sum.toFixed(9)}`,
  );
  report(
    'purchaseCountProbability, n = 0…49, 39 weeks',
    timeSteady(() => {
      scalar = 0;
      for (let n = 0; n < 50; n++) scalar += purchaseCountProbability({ model: params, purchases: n, periods: 39 });
    }),
    reference.countProbability.ms,
    `; totals ${scalar.toFixed(9)} vs ${reference.countProbability.sum.toFixed(9)}`,
  );
}
