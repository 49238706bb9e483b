// Pareto/NBD. fitParetoNbd on the CDNOW calibration summary (2 357 customers, weeks) and on 200 000 customers
// drawn from the model fitted to CDNOW, against the stand-in for lifetimes' ParetoNBDFitter: the same
// likelihood in numpy with scipy.special.hyp2f1, minimised by scipy's Nelder-Mead (bench/peers/
// purchases_pareto.py, Debian's /usr/bin/python3), timed in its own process on the same data (written to a
// temporary file). Goal: ours at least 10 × faster, the same optimum to 1e-3 relative. The in-process
// baseline, a sum over the three columns, only gives the scale of reading the data. The last two groups
// time the predictions of the model fitted to CDNOW against lifetimes' prediction formulas in the stand-in
// (its `predict` task, with the same parameters): ours at least 10 × faster, the totals equal to 1e-9.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gammaDraw } from './draws.mjs';
import { compare, library, once, random, scaled } from './harness.mjs';
import { reportTotals, timeSteady, total } from './peer.mjs';

const { expectedPurchases, fitParetoNbd, probabilityAlive, purchaseCountProbability } = await library();

const cdnow = once(() => {
  const lines = readFileSync(new URL('../test/fixtures/purchases/cdnow-summary.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const columns = {
    frequency: new Float64Array(lines.length),
    recency: new Float64Array(lines.length),
    age: new Float64Array(lines.length),
  };
  lines.forEach((line, i) => {
    const [, x, recency, age] = line.split(',').map(Number);
    columns.frequency[i] = x;
    columns.recency[i] = recency;
    columns.age[i] = age;
  });
  return columns;
});

/**
 * Customers drawn from the Pareto/NBD fitted to CDNOW: λ ~ Gamma(r, α), μ ~ Gamma(s, β), a lifetime
 * ~ Exp(μ), purchases a Poisson process of rate λ while alive; first purchases spread over 12 weeks as in
 * CDNOW, so T is 27 to 39 weeks, and times are whole days counted in weeks, as a summary of dated
 * transactions gives them.
 */
const synthetic = once(() => {
  const fit = fitParetoNbd({ customers: cdnow() });
  const n = scaled(200_000);
  const next = random(20);
  const columns = { frequency: new Float64Array(n), recency: new Float64Array(n), age: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const lambda = gammaDraw(next, fit.r) / fit.alpha;
    const mu = gammaDraw(next, fit.s) / fit.beta;
    const ageDays = 189 + Math.floor(next() * 85);
    const alive = Math.min(-Math.log(1 - next()) / mu, ageDays / 7);
    let x = 0;
    let last = 0;
    for (let t = -Math.log(1 - next()) / lambda; t < alive; t += -Math.log(1 - next()) / lambda) {
      x++;
      last = t;
    }
    columns.frequency[i] = x;
    columns.recency[i] = x === 0 ? 0 : Math.min(Math.max(1, Math.ceil(last * 7)), ageDays) / 7;
    columns.age[i] = ageDays / 7;
  }
  return columns;
});

/** The stand-in's median time of `repeats` fits and its optimum, or why it could not be measured. */
function scipy({ frequency, recency, age }, repeats) {
  const directory = mkdtempSync(join(tmpdir(), 'pareto-bench-'));
  try {
    const path = join(directory, 'customers.f64');
    const n = frequency.length;
    const data = new Float64Array(1 + 3 * n);
    data[0] = n;
    data.set(frequency, 1);
    data.set(recency, 1 + n);
    data.set(age, 1 + 2 * n);
    writeFileSync(path, new Uint8Array(data.buffer));
    const script = new URL('peers/purchases_pareto.py', import.meta.url).pathname;
    const run = spawnSync('/usr/bin/python3', [script, path, String(repeats)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.error) return { missing: `/usr/bin/python3 is absent (${run.error.message})` };
    if (run.status !== 0) return { missing: `numpy/scipy could not run: ${run.stderr.trim().split('\n').at(-1)}` };
    return JSON.parse(run.stdout);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

function report(columns, label, repeats) {
  const times = [];
  const cpu = [];
  let ours;
  for (let i = 0; i < 3; i++) {
    const usage = process.cpuUsage();
    const start = performance.now();
    ours = fitParetoNbd({ customers: columns });
    times.push(performance.now() - start);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  const mine = times.sort((a, b) => a - b)[1];
  const mineCpu = cpu.sort((a, b) => a - b)[1];
  const reference = scipy(columns, repeats);
  if ('missing' in reference) {
    console.log(`  SciPy stand-in of lifetimes: not measured, ${reference.missing}`);
    return;
  }
  const names = ['r', 'alpha', 's', 'beta'];
  let gap = 0;
  names.forEach((name, j) => {
    gap = Math.max(gap, Math.abs(ours[name] / reference.params[j] - 1));
  });
  const wall = reference.ms / mine;
  const byCpu = reference.cpuMs / mineCpu;
  const verdict = (times) => (times >= 10 ? 'met' : 'MISSED');
  console.log(
    `  SciPy stand-in of lifetimes (Nelder-Mead, ${reference.evaluations} evaluations, median of ${repeats}): ` +
      `${reference.ms.toFixed(1)} ms (CPU ${reference.cpuMs.toFixed(1)} ms); ours ${mine.toFixed(1)} ms (CPU ` +
      `${mineCpu.toFixed(1)} ms, median of 3, ${ours.iterations} iterations) on ${label}`,
  );
  console.log(
    `  stand-in ÷ ours = ${wall.toFixed(1)} × (CPU ${byCpu.toFixed(1)} ×; goal ≥ 10 ×: ${verdict(wall)}, by CPU ` +
      `${verdict(byCpu)}); largest parameter difference ${gap.toExponential(1)} relative (goal ≤ 1e-3: ` +
      `${gap <= 1e-3 ? 'met' : 'MISSED'}); log-likelihood ${ours.logLikelihood.toFixed(4)} vs ` +
      `${reference.logLikelihood.toFixed(4)}; ours r ${ours.r.toFixed(4)}, α ${ours.alpha.toFixed(4)}, ` +
      `s ${ours.s.toFixed(4)}, β ${ours.beta.toFixed(4)}`,
  );
}

const sumColumns = ({ frequency, recency, age }) => {
  let total = 0;
  for (let i = 0; i < frequency.length; i++) total += frequency[i] + recency[i] + age[i];
  return total;
};

/** The stand-in's timings of lifetimes' predictions with `model`'s parameters, or why it could not run. */
function scipyPredictions({ frequency, recency, age }, model) {
  const directory = mkdtempSync(join(tmpdir(), 'pareto-bench-'));
  try {
    const path = join(directory, 'customers.f64');
    const n = frequency.length;
    const data = new Float64Array(1 + 3 * n);
    data[0] = n;
    data.set(frequency, 1);
    data.set(recency, 1 + n);
    data.set(age, 1 + 2 * n);
    writeFileSync(path, new Uint8Array(data.buffer));
    const script = new URL('peers/purchases_pareto.py', import.meta.url).pathname;
    const parameters = [model.r, model.alpha, model.s, model.beta].map(String);
    const run = spawnSync('/usr/bin/python3', [script, path, '5', 'predict', ...parameters], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.error) return { missing: `/usr/bin/python3 is absent (${run.error.message})` };
    if (run.status !== 0) return { missing: `numpy/scipy could not run: ${run.stderr.trim().split('\n').at(-1)}` };
    return JSON.parse(run.stdout);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/**
 * The predictions of the model fitted to CDNOW over a base (expectedPurchases 39 weeks ahead and
 * probabilityAlive of each customer, columns), and, with `single`, those of a customer just acquired
 * (expectedPurchases for t = 1…104 weeks, purchaseCountProbability for n = 0…49 at 39 weeks), against the
 * stand-in's lifetimes formulas with the same parameters.
 */
function predictionGroup(label, data, single) {
  let model;
  const fitted = () => {
    if (model === undefined) {
      const { r, alpha, s, beta } = fitParetoNbd({ customers: cdnow() });
      model = { model: 'pareto-nbd', r, alpha, s, beta };
    }
    return model;
  };
  const ratios = compare(`expectedPurchases and probabilityAlive (Pareto/NBD), ${label}, 39 weeks ahead`, {
    baselines: { 'sum the columns': () => sumColumns(data()) },
    ours: () => expectedPurchases({ model: fitted(), periods: 39, customers: data() }),
  });
  if (ratios === undefined) return;
  const reference = scipyPredictions(data(), fitted());
  if ('missing' in reference) {
    console.log(`  SciPy stand-in of lifetimes: not measured, ${reference.missing}`);
    return;
  }
  let values;
  const mine = timeSteady(() => {
    values = expectedPurchases({ model: fitted(), periods: 39, customers: data() });
  });
  reportTotals('expectedPurchases of each customer', mine, reference.conditionalExpected, total(values));
  const alive = timeSteady(() => {
    values = probabilityAlive({ model: fitted(), customers: data() });
  });
  reportTotals('probabilityAlive of each customer', alive, reference.probabilityAlive, total(values));
  if (!single) return;
  let scalar;
  const expected = timeSteady(() => {
    scalar = 0;
    for (let t = 1; t <= 104; t++) scalar += expectedPurchases({ model: fitted(), periods: t });
  });
  reportTotals('expectedPurchases of a new customer, t = 1…104 weeks', expected, reference.expected, scalar);
  const counts = timeSteady(() => {
    scalar = 0;
    for (let n = 0; n < 50; n++) scalar += purchaseCountProbability({ model: fitted(), purchases: n, periods: 39 });
  });
  reportTotals('purchaseCountProbability, n = 0…49, 39 weeks', counts, reference.countProbability, scalar);
}

export async function run() {
  const cases = [
    ['CDNOW, 2 357 customers (weeks)', cdnow, 3],
    [`${scaled(200_000).toLocaleString('en')} customers drawn from the CDNOW fit (weeks)`, synthetic, 1],
  ];
  for (const [label, data, repeats] of cases) {
    const ratios = compare(`fitParetoNbd, ${label}`, {
      baselines: { 'sum the columns': () => sumColumns(data()) },
      ours: () => fitParetoNbd({ customers: data() }),
      rounds: 1,
      repeat: 3,
    });
    if (ratios === undefined) continue;
    report(data(), label, repeats);
  }
  predictionGroup('CDNOW, 2 357 customers (columns)', cdnow, false);
  predictionGroup(
    `${scaled(200_000).toLocaleString('en')} customers drawn from the CDNOW fit (columns)`,
    synthetic,
    true,
  );
}
