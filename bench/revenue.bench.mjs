// Revenue benchmarks: MRR over a million subscription records, MRR movements over a million customers, a
// 36-month series over 100 000 subscriptions, and trial conversion over a million trials (trialConversion.mjs),
// each against hand-written loops measured in the same run (and the naive zod + decimal.js approach, and the
// same series in DuckDB with the data in memory).
// Honest baselines: one loop per data shape, written for it (the totals-only movements get a join that
// computes totals only), each compiled and measured before ours.
import { performance } from 'node:perf_hooks';
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { fxSeriesGroup, monthRange, rowsSql, spansSql } from './fxSeries.mjs';
import { compare, library, onSample, random, scaled, selected } from './harness.mjs';
import { invoiceRevenueSeriesGroups } from './invoiceRevenueSeries.mjs';
import { trialConversionGroups } from './trialConversion.mjs';
import { addFloatSpan, floatRows, monthWindow } from './floatSeries.mjs';

const FACTORS = { day: 365 / 12, week: 52 / 12, month: 1, quarter: 1 / 3, year: 1 / 12 };
const INTERVALS = ['month', 'month', 'month', 'month', 'year', 'year', 'quarter', 'week', 'day'];

/** Subscription records: mixed intervals, cent amounts as numbers and as strings, some seats. */
function subscriptionRecords(count, seed) {
  const rnd = random(seed);
  const records = new Array(count);
  for (let i = 0; i < count; i++) {
    const cents = 100 + Math.floor(rnd() * 99_900);
    const record = {
      customerId: `cus_${Math.floor(rnd() * count * 0.7)}`,
      amount: i % 2 === 0 ? cents / 100 : (cents / 100).toFixed(2),
      interval: INTERVALS[i % INTERVALS.length],
    };
    if (i % 5 === 0) record.quantity = 1 + (i % 7);
    records[i] = record;
  }
  return records;
}

/** The hand-written loop: unchecked float arithmetic. */
function floatMrr(records) {
  let total = 0;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    total += (Number(r.amount) * (r.quantity ?? 1) * FACTORS[r.interval ?? 'month']) / (r.intervalCount ?? 1);
  }
  return total;
}

const naiveSchema = z.array(
  z
    .object({
      customerId: z.string().min(1),
      amount: z.union([z.number().nonnegative(), z.string().regex(/^\d+(\.\d+)?$/)]),
      interval: z.enum(['day', 'week', 'month', 'quarter', 'year']).optional(),
      intervalCount: z.number().int().positive().optional(),
      quantity: z.number().int().nonnegative().optional(),
    })
    .strict(),
);
const DECIMAL_FACTORS = Object.fromEntries(
  Object.entries({ day: [365, 12], week: [52, 12], month: [1, 1], quarter: [1, 3], year: [1, 12] }).map(
    ([k, [a, b]]) => [k, new Decimal(a).div(b)],
  ),
);

/** The naive approach: zod parses the whole array, decimal.js per element. */
function naiveMrr(records) {
  const parsed = naiveSchema.parse(records);
  let total = new Decimal(0);
  for (const r of parsed) {
    total = total.plus(
      new Decimal(r.amount)
        .times(r.quantity ?? 1)
        .times(DECIMAL_FACTORS[r.interval ?? 'month'])
        .div(r.intervalCount ?? 1),
    );
  }
  return total.toNumber();
}

/** Two snapshots of MRR by customer: churn, contraction, expansion, new and reactivated customers. */
function movementRows(customers, seed) {
  const rnd = random(seed);
  const previous = [];
  const current = [];
  const former = [];
  for (let i = 0; i < customers; i++) {
    const id = `cus_${i}`;
    const cents = 1000 + Math.floor(rnd() * 200_000);
    const r = rnd();
    if (r < 0.05) previous.push({ customerId: id, mrr: cents / 100 });
    else if (r < 0.1) {
      current.push({ customerId: id, mrr: cents / 100 });
      if (r < 0.07) former.push(id);
    } else {
      previous.push({ customerId: id, mrr: cents / 100 });
      const next = r < 0.2 ? cents + 1500 : r < 0.3 ? cents - 500 : cents;
      current.push({ customerId: id, mrr: next / 100 });
    }
  }
  return { previous, current, formerCustomers: former };
}

/** The hand-written Map join with floats, producing the same totals and per-customer rows. */
function floatMovements({ previous, current, formerCustomers }) {
  const before = new Map();
  for (const r of previous) before.set(r.customerId, (before.get(r.customerId) ?? 0) + r.mrr);
  const after = new Map();
  for (const r of current) after.set(r.customerId, (after.get(r.customerId) ?? 0) + r.mrr);
  const former = new Set(formerCustomers);
  const totals = { starting: 0, new: 0, expansion: 0, contraction: 0, churned: 0, reactivation: 0, ending: 0 };
  const customers = [];
  const row = (customerId, movement, p, c) =>
    customers.push({ customerId, movement, previousMrr: p, currentMrr: c, change: c - p });
  for (const [id, p] of before) {
    const c = after.get(id) ?? 0;
    totals.starting += p;
    totals.ending += c;
    if (c === p) row(id, 'unchanged', p, c);
    else if (c === 0) {
      totals.churned += p;
      row(id, 'churned', p, c);
    } else if (c > p) {
      totals.expansion += c - p;
      row(id, 'expansion', p, c);
    } else {
      totals.contraction += p - c;
      row(id, 'contraction', p, c);
    }
  }
  for (const [id, c] of after) {
    if (before.has(id)) continue;
    totals.ending += c;
    const movement = former.has(id) ? 'reactivation' : 'new';
    totals[movement] += c;
    row(id, movement, 0, c);
  }
  return { totals, customers };
}

/** The hand-written Map join with floats for the totals alone (no per-customer rows). */
function floatMovementTotals({ previous, current, formerCustomers }) {
  const before = new Map();
  for (const r of previous) before.set(r.customerId, (before.get(r.customerId) ?? 0) + r.mrr);
  const after = new Map();
  for (const r of current) after.set(r.customerId, (after.get(r.customerId) ?? 0) + r.mrr);
  const former = new Set(formerCustomers);
  let starting = 0;
  let ending = 0;
  let expansion = 0;
  let contraction = 0;
  let churned = 0;
  let gained = 0;
  let reactivation = 0;
  for (const [id, p] of before) {
    const c = after.get(id) ?? 0;
    starting += p;
    if (c === 0) churned += p;
    else if (c > p) expansion += c - p;
    else contraction += p - c;
  }
  for (const [id, c] of after) {
    ending += c;
    if (before.has(id)) continue;
    if (former.has(id)) reactivation += c;
    else gained += c;
  }
  return { starting, ending, expansion, contraction, churned, new: gained, reactivation };
}

/**
 * Runs each baseline a few times before a group is measured, so that every baseline is compiled on its
 * own data shape first and is not measured in the wake of our code.
 */
function warmBaselines(baselines) {
  for (const fn of Object.values(baselines)) for (let i = 0; i < 3; i++) fn();
}

const DAY = 86_400_000;
const EPOCH_2021 = Date.UTC(2021, 0, 1);

function isoDay(time) {
  return new Date(time).toISOString().slice(0, 10);
}

/** Subscriptions over four years: plan spans with starts and ends, a few trials and past-due accounts. */
export function seriesRecords(count, seed) {
  const rnd = random(seed);
  const records = new Array(count);
  const customers = Math.floor(count * 0.6);
  for (let i = 0; i < count; i++) {
    const start = EPOCH_2021 + Math.floor(rnd() * 4 * 365) * DAY;
    const r = rnd();
    const record = {
      customerId: `cus_${Math.floor(rnd() * customers)}`,
      amount: (500 + Math.floor(rnd() * 50_000)) / 100,
      interval: INTERVALS[i % INTERVALS.length],
      start: isoDay(start),
    };
    if (r < 0.45) record.end = isoDay(start + (15 + Math.floor(rnd() * 900)) * DAY);
    if (r < 0.1) record.status = 'canceled';
    else if (r > 0.97) record.status = 'trialing';
    else if (r > 0.95) record.status = 'past_due';
    if (i % 6 === 0) record.quantity = 1 + (i % 5);
    records[i] = record;
  }
  return records;
}

const monthIndex = (time) => {
  const d = new Date(time);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/** The hand-written loop: floats, a Map of customers and an array of months per customer. */
function floatSeries(records, from, to, lookback) {
  const { low, last, size } = monthWindow(from, to, lookback);
  const customers = new Map();
  for (const r of records) {
    const status = r.status ?? 'active';
    if (status === 'trialing' || status === 'paused' || (status === 'canceled' && r.end === undefined)) continue;
    const amount = (Number(r.amount) * (r.quantity ?? 1) * FACTORS[r.interval ?? 'month']) / (r.intervalCount ?? 1);
    const a = r.start === undefined ? -Infinity : monthIndex(Date.parse(r.start));
    const b = r.end === undefined ? Infinity : monthIndex(Date.parse(r.end)) - 1;
    if (a > b || amount === 0) continue;
    addFloatSpan(customers, r.customerId, a, b, amount, low, last, size);
  }
  return floatRows(customers, low, size, lookback);
}

/** The same series in SQL, on a DuckDB table already loaded with the raw records. */
function seriesSql(from, to, lookback) {
  const { first, last } = monthRange(from, to);
  return `
WITH s AS (${spansSql('mrr')}),
paid AS (SELECT * FROM s WHERE a <= b AND mrr > 0),
first_paid AS (SELECT customer_id, min(a) AS fp FROM paid GROUP BY customer_id),
months AS (SELECT range AS m FROM range(${first - lookback}, ${last + 1})),
cm AS (
  SELECT paid.customer_id, months.m, sum(paid.mrr) AS mrr
  FROM paid JOIN months ON months.m BETWEEN paid.a AND paid.b GROUP BY ALL
),
moves AS (
  SELECT coalesce(c.customer_id, p.customer_id) AS customer_id, coalesce(c.m, p.m + 1) AS m,
    coalesce(c.mrr, 0) AS cur, coalesce(p.mrr, 0) AS prev
  FROM cm c FULL OUTER JOIN cm p ON c.customer_id = p.customer_id AND c.m = p.m + 1
),
agg AS (
  SELECT m,
    sum(CASE WHEN prev = 0 AND fp >= m - 1 THEN cur ELSE 0 END) AS new_mrr,
    sum(CASE WHEN prev = 0 AND fp < m - 1 THEN cur ELSE 0 END) AS reactivation_mrr,
    sum(CASE WHEN prev > 0 AND cur > prev THEN cur - prev ELSE 0 END) AS expansion_mrr,
    sum(CASE WHEN cur > 0 AND cur < prev THEN prev - cur ELSE 0 END) AS contraction_mrr,
    sum(CASE WHEN cur = 0 THEN prev ELSE 0 END) AS churned_mrr,
    count(*) FILTER (WHERE cur = 0) AS churned_customers
  FROM moves JOIN first_paid USING (customer_id) GROUP BY m
),
${rowsSql(first, lookback)}`;
}

async function duckdbConnection(records) {
  let api;
  try {
    api = await import('@duckdb/node-api');
  } catch {
    return undefined;
  }
  const instance = await api.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE subs (customer_id VARCHAR, amount DOUBLE, interval VARCHAR, interval_count INTEGER,
    quantity INTEGER, start_ms BIGINT, end_ms BIGINT, status VARCHAR, currency VARCHAR)`);
  const appender = await connection.createAppender('subs');
  for (const r of records) {
    appender.appendVarchar(r.customerId);
    appender.appendDouble(Number(r.amount));
    appender.appendVarchar(r.interval ?? 'month');
    appender.appendInteger(r.intervalCount ?? 1);
    appender.appendInteger(r.quantity ?? 1);
    if (r.start === undefined) appender.appendNull();
    else appender.appendBigInt(BigInt(Date.parse(r.start)));
    if (r.end === undefined) appender.appendNull();
    else appender.appendBigInt(BigInt(Date.parse(r.end)));
    appender.appendVarchar(r.status ?? 'active');
    appender.appendVarchar(r.currency ?? 'USD');
    appender.endRow();
  }
  appender.closeSync();
  return connection;
}

/** Median of `repeat` runs of an async function, in milliseconds. */
async function measureAsync(fn, repeat) {
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Like the harness's `compare`, for baselines that are async (DuckDB): rounds interleaved, medians, ratios.
 * Each round measures the baselines first, then ours.
 */
async function compareAsync(title, { ours, baselines, rounds = 3, repeat = 3 }) {
  const names = ['ours', ...Object.keys(baselines)];
  const fns = [ours, ...Object.values(baselines)];
  const samples = names.map(() => []);
  for (let index = fns.length - 1; index >= 0; index--) await fns[index]();
  for (let round = 0; round < rounds; round++) {
    for (let index = fns.length - 1; index >= 0; index--) samples[index].push(await measureAsync(fns[index], repeat));
  }
  const medians = samples.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
  console.log(`\n${title}`);
  const ratios = {};
  names.forEach((name, index) => {
    const ratio = index === 0 ? '' : `ours ÷ ${name} = ${(medians[0] / medians[index]).toFixed(2)}`;
    if (index > 0) ratios[name] = medians[0] / medians[index];
    console.log(`  ${name.padEnd(28)} ${medians[index].toFixed(1).padStart(9)} ms  ${ratio}`);
  });
  return ratios;
}

export async function run() {
  const lib = await library();
  // First, so that their process has none of the data the groups below build eagerly.
  trialConversionGroups(lib);
  invoiceRevenueSeriesGroups(lib);

  // MRR over a million records.
  const size = scaled(1_000_000);
  const records = subscriptionRecords(size, 11);
  const sample = records.slice(0, Math.max(1, Math.floor(size / 10)));
  const exactMrr = lib.monthlyRecurringRevenue({ subscriptions: records });
  console.log(`\nMRR: exact ${exactMrr}, float loop ${floatMrr(records)}`);
  const mrrBaselines = {
    'unchecked float loop': () => floatMrr(records),
    'zod + decimal.js (naive)': onSample(() => naiveMrr(sample), records.length / sample.length),
  };
  warmBaselines(mrrBaselines);
  compare(`monthlyRecurringRevenue, ${size.toLocaleString('en')} records (mixed intervals, numbers and strings)`, {
    ours: () => lib.monthlyRecurringRevenue({ subscriptions: records }),
    baselines: mrrBaselines,
  });

  // MRR movements over a million customers.
  const customers = scaled(1_000_000);
  const rows = movementRows(customers, 12);
  const joinBaselines = { 'Map join with floats': () => floatMovements(rows) };
  warmBaselines(joinBaselines);
  compare(`revenueMovements, ${customers.toLocaleString('en')} customers`, {
    ours: () => lib.revenueMovements(rows),
    baselines: joinBaselines,
    rounds: 3,
    repeat: 2,
  });
  const totalsBaselines = { 'Map join with floats, totals': () => floatMovementTotals(rows) };
  warmBaselines(totalsBaselines);
  compare(`revenueMovements, ${customers.toLocaleString('en')} customers, totals only ({ customers: false })`, {
    ours: () => lib.revenueMovements(rows, { customers: false }),
    baselines: totalsBaselines,
    rounds: 3,
    repeat: 2,
  });

  // A 36-month series over 100 000 subscriptions; then the same in three currencies with dated rates. Each
  // in a process of its own.
  const count = scaled(100_000);
  const subscriptions = seriesRecords(count, 13);
  const window = { from: '2022-01', to: '2024-12', lookback: 12 };
  if (selected()) await plainSeriesGroup(lib, subscriptions, count, window);
  if (selected()) await fxSeriesGroup(lib, { subscriptions, window, duckdbConnection, compareAsync });
}

/** The series against the hand-written float loop and DuckDB. */
async function plainSeriesGroup(lib, subscriptions, count, window) {
  const ours = () => lib.recurringRevenueSeries({ subscriptions }, window);
  const ourRows = ours();
  const floatRows = floatSeries(subscriptions, window.from, window.to, window.lookback);
  const lastRow = ourRows[ourRows.length - 1];
  console.log(
    `\nseries, last month: ours mrr ${lastRow.mrr} nrr ${lastRow.netRevenueRetention}; float loop mrr ${floatRows[floatRows.length - 1].mrr} nrr ${floatRows[floatRows.length - 1].nrr}`,
  );
  const connection = await duckdbConnection(subscriptions);
  const baselines = {
    'hand-written float loop': () => floatSeries(subscriptions, window.from, window.to, window.lookback),
  };
  if (connection === undefined) console.log('  (@duckdb/node-api is not installed: DuckDB baseline skipped)');
  else {
    const sql = seriesSql(window.from, window.to, window.lookback);
    const check = (await connection.runAndReadAll(sql)).getRowObjects();
    const duckLast = check[check.length - 1];
    console.log(`  DuckDB, last month: mrr ${duckLast.mrr} nrr ${duckLast.nrr}`);
    baselines['DuckDB (in memory)'] = () => connection.runAndReadAll(sql);
  }
  await compareAsync(`recurringRevenueSeries, ${count.toLocaleString('en')} subscriptions, 36 months, lookback 12`, {
    ours: async () => ours(),
    baselines: Object.fromEntries(Object.entries(baselines).map(([name, fn]) => [name, async () => fn()])),
  });
  connection?.closeSync();
}
