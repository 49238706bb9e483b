// BG/BB and Gamma-Gamma: the fits, the expected spends and the customer value, on the published data
// (the donations' 22 weighted patterns, CDNOW's 946 repeat buyers) and on synthetic bases of 200 000
// customers drawn from the fitted models with a seeded generator. Goal: at least 10 × faster than lifetimes
// on the same data, at the same optimum to 1e-3 relative. lifetimes cannot be installed here: its stand-in
// is bench/peers/purchases_bgbb.py, the same likelihoods and predictions written the way lifetimes writes
// them (numpy over customers, scipy.optimize.minimize BFGS from 0.1, tol 1e-7, with finite-difference
// gradients where lifetimes uses autograd), timed in a process of its own with Debian's /usr/bin/python3.
// The in-process baseline is a copy of the input columns, for scale.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bgBbHistory, gammaDraw } from './draws.mjs';
import { compare, library, once, random, scaled } from './harness.mjs';
import { reportRatio, runPeer, timeSteady } from './peer.mjs';

const lib = await library();
const PEER = fileURLToPath(new URL('peers/purchases_bgbb.py', import.meta.url));
const fixtures = new URL('../test/fixtures/purchases/', import.meta.url);
const csv = (file) =>
  readFileSync(new URL(file, fixtures), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));

const donations = once(() => {
  const rows = csv('donations.csv');
  const column = (k) => Float64Array.from(rows, (row) => row[k]);
  return { frequency: column(0), recency: column(1), opportunities: column(2), count: column(3) };
});

/** 200 000 customers from the donations' BG/BB fit, 1 to 24 monthly opportunities each. */
const bgBbBase = once(() => {
  const n = scaled(200_000);
  const next = random(2010);
  const [alpha, beta, gamma, delta] = [1.204, 0.75, 0.657, 2.783];
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const opportunities = new Float64Array(n);
  const monetaryValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [x, last, total] = bgBbHistory(next, [alpha, beta, gamma, delta]);
    frequency[i] = x;
    recency[i] = last;
    opportunities[i] = total;
    monetaryValue[i] = x > 0 ? Math.round(100 * (5 + 60 * next())) / 100 : 0;
  }
  return { n, frequency, recency, opportunities, monetaryValue };
});

const cdnow = once(() => {
  const rows = csv('cdnow-summary.csv');
  return {
    frequency: Float64Array.from(rows, (row) => row[1]),
    monetaryValue: Float64Array.from(rows, (row) => row[4]),
  };
});

/** 200 000 customers from CDNOW's Gamma-Gamma fit, their repeat purchases resampled from CDNOW's. */
const spendBase = once(() => {
  const n = scaled(200_000);
  const next = random(2013);
  const [p, q, v] = [6.25, 3.74, 15.44];
  const source = cdnow().frequency;
  const frequency = new Float64Array(n);
  const monetaryValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = source[Math.floor(next() * source.length)];
    frequency[i] = x;
    if (x > 0) {
      const nu = gammaDraw(next, q) / v;
      monetaryValue[i] = gammaDraw(next, p * x) / (nu * x);
    }
  }
  return { n, frequency, monetaryValue };
});

const largest = (a, b) => Math.max(...a.map((value, k) => Math.abs(value / b[k] - 1)));

function fitGroup(title, name, fit, baseline, task, n, columns, names, runs = 3) {
  const ratios = compare(title, { baselines: { 'copy the columns': baseline }, ours: fit });
  if (ratios === undefined) return;
  const mine = timeSteady(fit);
  const reference = runPeer(PEER, task, n, columns, runs);
  const params = names.map((key) => mine.result[key]);
  reportRatio(
    name,
    mine,
    reference,
    'missing' in reference
      ? ''
      : `largest relative parameter difference ${largest(params, reference.params).toExponential(1)} (goal ≤ 1e-3), ` +
          `log-likelihood ${mine.result.logLikelihood.toFixed(3)} vs ${reference.ll.toFixed(3)}; converged ${mine.result.converged}, ` +
          `${mine.result.iterations} iterations`,
  );
}

export async function run() {
  {
    const d = donations();
    fitGroup(
      'fitBetaGeometricBetaBinomial, the donations (22 patterns, 11 104 supporters, columns)',
      'fit',
      () => lib.fitBetaGeometricBetaBinomial({ customers: d }),
      () => [d.frequency, d.recency, d.opportunities, d.count].map((c) => Float64Array.from(c)),
      'bgbb-fit',
      d.count.length,
      [d.frequency, d.recency, d.opportunities, d.count],
      ['alpha', 'beta', 'gamma', 'delta'],
    );
  }
  {
    const title = 'fitBetaGeometricBetaBinomial, 200k synthetic customers (1–24 opportunities, one row each, columns)';
    const input = () => {
      const b = bgBbBase();
      return { frequency: b.frequency, recency: b.recency, opportunities: b.opportunities };
    };
    const b = () => bgBbBase();
    fitGroup(
      title,
      'fit',
      () => lib.fitBetaGeometricBetaBinomial({ customers: input() }),
      () => [b().frequency, b().recency, b().opportunities].map((c) => Float64Array.from(c)),
      'bgbb-fit',
      scaled(200_000),
      [b().frequency, b().recency, b().opportunities, new Float64Array(b().n).fill(1)],
      ['alpha', 'beta', 'gamma', 'delta'],
      1,
    );
  }
  {
    const c = () => cdnow();
    fitGroup(
      'fitGammaGamma, CDNOW (2 357 customers, 946 repeat buyers, columns)',
      'fit',
      () => lib.fitGammaGamma({ customers: c() }),
      () => [c().frequency, c().monetaryValue].map((column) => Float64Array.from(column)),
      'gg-fit',
      2357,
      [c().frequency, c().monetaryValue],
      ['p', 'q', 'v'],
    );
  }
  {
    const s = () => spendBase();
    fitGroup(
      'fitGammaGamma, 200k synthetic customers (columns)',
      'fit',
      () => lib.fitGammaGamma({ customers: { frequency: s().frequency, monetaryValue: s().monetaryValue } }),
      () => [s().frequency, s().monetaryValue].map((column) => Float64Array.from(column)),
      'gg-fit',
      scaled(200_000),
      [s().frequency, s().monetaryValue],
      ['p', 'q', 'v'],
    );
  }
  {
    const model = { model: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 };
    const records = once(() => {
      const { n, frequency, monetaryValue } = spendBase();
      return Array.from({ length: n }, (_, i) => ({ frequency: frequency[i], monetaryValue: monetaryValue[i] }));
    });
    const fn = () => lib.expectedMonetaryValue({ model, customers: records() });
    const ratios = compare('expectedMonetaryValue, 200k synthetic customers (records; then columns)', {
      baselines: { 'copy the records': () => records().map((row) => ({ ...row })) },
      ours: fn,
    });
    if (ratios !== undefined) {
      const mine = timeSteady(fn);
      const { n, frequency, monetaryValue } = spendBase();
      // The columns form on the same data: the stand-in's input (numpy reads columns), Float64Arrays read in place.
      // One call first, as the records' runs above warmed theirs up.
      const columns = () => lib.expectedMonetaryValue({ model, customers: { frequency, monetaryValue } });
      columns();
      const fromColumns = timeSteady(columns);
      const reference = runPeer(PEER, 'gg-expected', n, [frequency, monetaryValue, Float64Array.of(6.25, 3.74, 15.44)]);
      const agreement = (result) =>
        'missing' in reference
          ? ''
          : `largest relative difference ${largest(Array.from(result.slice(0, 5)), reference.first).toExponential(1)}`;
      reportRatio('expected spends from records', mine, reference, agreement(mine.result));
      const same = mine.result.every((value, i) => Object.is(value, fromColumns.result[i]));
      reportRatio(
        'expected spends from columns',
        fromColumns,
        reference,
        `${agreement(fromColumns.result)}; the same doubles as from records: ${same}`,
      );
      // What any result of 200 000 doubles costs here: a new Float64Array, every element written once.
      const floor = timeSteady(() => new Float64Array(n).fill(1));
      console.log(
        `  floor (a new Float64Array of ${n} doubles, filled): ${floor.ms.toFixed(2)} ms (CPU ${floor.cpu.toFixed(2)} ms); ` +
          `columns are ${(fromColumns.ms / floor.ms).toFixed(2)} × the floor, the stand-in ${(reference.ms / floor.ms).toFixed(2)} ×`,
      );
    }
  }
  {
    const purchaseModel = { model: 'bg-bb', alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
    const valueModel = { model: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44 };
    const records = once(() => {
      const { n, frequency, recency, opportunities, monetaryValue } = bgBbBase();
      return Array.from({ length: n }, (_, i) => ({
        frequency: frequency[i],
        recency: recency[i],
        opportunities: opportunities[i],
        monetaryValue: monetaryValue[i],
      }));
    });
    const fn = () =>
      lib.predictCustomerValue(
        { purchaseModel, valueModel, customers: records(), months: 24, discountRate: 0.01 },
        { unit: 'month' },
      );
    const ratios = compare(
      'predictCustomerValue, BG/BB and Gamma-Gamma, 200k synthetic customers, 24 months (records)',
      {
        baselines: { 'copy the records': () => records().map((row) => ({ ...row })) },
        ours: fn,
      },
    );
    if (ratios !== undefined) {
      const mine = timeSteady(fn);
      const { n, frequency, recency, opportunities, monetaryValue } = bgBbBase();
      const reference = runPeer(
        PEER,
        'clv',
        n,
        [
          frequency,
          recency,
          opportunities,
          monetaryValue,
          Float64Array.of(1.204, 0.75, 0.657, 2.783, 6.25, 3.74, 15.44, 24, 0.01, 1),
        ],
        1,
      );
      reportRatio(
        'customer values',
        mine,
        reference,
        'missing' in reference
          ? ''
          : `total ${mine.result.total.toFixed(2)} vs ${reference.total.toFixed(2)} (relative ${Math.abs(mine.result.total / reference.total - 1).toExponential(1)})`,
      );
    }
  }
}
