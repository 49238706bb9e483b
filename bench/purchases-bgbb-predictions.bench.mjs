// BG/BB predictions: probabilityAlive and expectedPurchases of each customer of a base (columns), and
// expectedPurchases of a customer just acquired, on the donations (Fader, Hardie & Shang 2010: 11 104
// supporters, one row each) and on 200 000 customers drawn from the donations' fit as in
// purchases-bgbb.bench.mjs. Goal: at least 10 × faster than lifetimes, the totals equal to 1e-9 relative.
// lifetimes cannot be installed here: its stand-in is bench/peers/purchases_bgbb_predictions.py, the
// formulas of BetaGeoBetaBinomFitter 0.11 in numpy (conditional_probability_alive with m = 1,
// conditional_expected_number_of_purchases_up_to_time), timed in a process of its own with Debian's
// /usr/bin/python3 with the same parameters. The in-process baseline sums the three columns, for scale.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bgBbHistory } from './draws.mjs';
import { compare, library, once, random, scaled } from './harness.mjs';
import { reportTotals, timeSteady, total } from './peer.mjs';

const { expectedPurchases, probabilityAlive } = await library();
const PEER = fileURLToPath(new URL('peers/purchases_bgbb_predictions.py', import.meta.url));
const PARAMETERS = [1.204, 0.75, 0.657, 2.783];
const model = { model: 'bg-bb', alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

/** The donations' 22 patterns (x, t_x, n = 6) expanded to one row per supporter. */
const donations = once(() => {
  const rows = readFileSync(new URL('../test/fixtures/purchases/donations.csv', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
  const n = rows.reduce((sum, row) => sum + row[3], 0);
  const columns = { frequency: new Float64Array(n), recency: new Float64Array(n), age: new Float64Array(n) };
  let i = 0;
  for (const [x, t, opportunities, count] of rows) {
    for (let k = 0; k < count; k++, i++) {
      columns.frequency[i] = x;
      columns.recency[i] = t;
      columns.age[i] = opportunities;
    }
  }
  return columns;
});

/** 200 000 customers from the donations' BG/BB fit, 1 to 24 monthly opportunities each (purchases-bgbb's base). */
const synthetic = once(() => {
  const n = scaled(200_000);
  const next = random(2010);
  const [alpha, beta, gamma, delta] = PARAMETERS;
  const columns = { frequency: new Float64Array(n), recency: new Float64Array(n), age: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const [x, last, total] = bgBbHistory(next, [alpha, beta, gamma, delta]);
    // purchases-bgbb's base also draws a spend for each repeat buyer: drawn here too, so the customers match.
    if (x > 0) next();
    columns.frequency[i] = x;
    columns.recency[i] = last;
    columns.age[i] = total;
  }
  return columns;
});

/** The stand-in's timings and totals on `columns` for a horizon of `periods`, or why it could not run. */
function standIn({ frequency, recency, age }, periods) {
  const directory = mkdtempSync(join(tmpdir(), 'bgbb-predictions-'));
  try {
    const path = join(directory, 'data.f64');
    const n = frequency.length;
    const matrix = new Float64Array(3 * n);
    matrix.set(frequency, 0);
    matrix.set(recency, n);
    matrix.set(age, 2 * n);
    writeFileSync(path, new Uint8Array(matrix.buffer));
    const args = [PEER, path, String(n), String(periods), '5', ...PARAMETERS.map(String)];
    const run = spawnSync('/usr/bin/python3', args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (run.error) return { missing: `/usr/bin/python3 is absent (${run.error.message})` };
    if (run.status !== 0) return { missing: `the stand-in could not run: ${run.stderr.trim().split('\n').at(-1)}` };
    return JSON.parse(run.stdout);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const sumColumns = ({ frequency, recency, age }) => {
  let total = 0;
  for (let i = 0; i < frequency.length; i++) total += frequency[i] + recency[i] + age[i];
  return total;
};

function group(label, data, periods, single) {
  const ratios = compare(`probabilityAlive and expectedPurchases (BG/BB), ${label}, ${periods} opportunities ahead`, {
    baselines: { 'sum the columns': () => sumColumns(data()) },
    ours: () => probabilityAlive({ model, customers: data() }),
  });
  if (ratios === undefined) return;
  const reference = standIn(data(), periods);
  if ('missing' in reference) {
    console.log(`  stand-in: not measured, ${reference.missing}`);
    return;
  }
  let values;
  const alive = timeSteady(() => {
    values = probabilityAlive({ model, customers: data() });
  });
  reportTotals('probabilityAlive of each customer', alive, reference.probabilityAlive, total(values));
  const expected = timeSteady(() => {
    values = expectedPurchases({ model, periods, customers: data() });
  });
  reportTotals('expectedPurchases of each customer', expected, reference.conditionalExpected, total(values));
  if (!single) return;
  let scalar;
  const fresh = timeSteady(() => {
    scalar = 0;
    for (let t = 1; t <= 104; t++) scalar += expectedPurchases({ model, periods: t });
  });
  reportTotals('expectedPurchases of a new customer, t = 1…104 opportunities', fresh, reference.expected, scalar);
}

export async function run() {
  group('the donations, 11 104 supporters (columns)', donations, 5, false);
  group(
    `${scaled(200_000).toLocaleString('en')} synthetic customers, 1–24 opportunities (columns)`,
    synthetic,
    24,
    true,
  );
}
