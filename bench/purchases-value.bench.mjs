// Customer value with the BG/NBD model: predictCustomerValue over 200 000 customers drawn from the BG/NBD and
// Gamma-Gamma models published for CDNOW (seeded; first purchases spread over 12 weeks, histories in whole
// days expressed in weeks, as summarizePurchases makes them), 24 months ahead, discounted 1 % a month. Goal
// (issue): at least 10 × faster than lifetimes' customer_lifetime_value on the same data. lifetimes cannot be
// installed here: its stand-in is bench/peers/purchases_value.py (numpy and scipy.special.hyp2f1, Debian's
// /usr/bin/python3), in a process of its own. The in-process baseline is a copy of the records, for scale.
import { fileURLToPath } from 'node:url';
import { bgNbdHistory, gammaDraw } from './draws.mjs';
import { compare, library, once, random, scaled } from './harness.mjs';
import { reportRatio, runPeer, timeSteady } from './peer.mjs';

const lib = await library();
const PEER = fileURLToPath(new URL('peers/purchases_value.py', import.meta.url));
const [r, alpha, a, b] = [0.243, 4.414, 0.793, 2.426];
const [p, q, v] = [6.25, 3.74, 15.44];
const WEEKS_PER_MONTH = 52 / 12;

/** 200 000 customers from the CDNOW models, observed 27 to 39 weeks, in whole days. */
const base = once(() => {
  const next = random(2005);
  const n = scaled(200_000);
  const frequency = new Float64Array(n);
  const recency = new Float64Array(n);
  const age = new Float64Array(n);
  const monetaryValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [x, lastDay, days] = bgNbdHistory(next, { r, alpha, a, b });
    frequency[i] = x;
    recency[i] = lastDay / 7;
    age[i] = days / 7;
    // The mean of x spends of Gamma(p, ν), ν ~ Gamma(q, v), rounded to cents.
    if (x > 0)
      monetaryValue[i] = Math.max(
        0.01,
        Math.round((100 * gammaDraw(next, p * x)) / ((gammaDraw(next, q) / v) * x)) / 100,
      );
  }
  return { n, frequency, recency, age, monetaryValue };
});

const records = once(() => {
  const { n, frequency, recency, age, monetaryValue } = base();
  return Array.from({ length: n }, (_, i) => ({
    frequency: frequency[i],
    recency: recency[i],
    age: age[i],
    monetaryValue: monetaryValue[i],
  }));
});

export async function run() {
  const purchaseModel = { model: 'bg-nbd', r, alpha, a, b };
  const valueModel = { model: 'gamma-gamma', p, q, v };
  const fn = () =>
    lib.predictCustomerValue(
      { purchaseModel, valueModel, customers: records(), months: 24, discountRate: 0.01 },
      { unit: 'week' },
    );
  const ratios = compare(
    'predictCustomerValue, BG/NBD and Gamma-Gamma, 200k synthetic customers, 24 months (records)',
    {
      baselines: { 'copy the records': () => records().map((row) => ({ ...row })) },
      ours: fn,
    },
  );
  if (ratios === undefined) return;
  const mine = timeSteady(fn);
  const { n, frequency, recency, age, monetaryValue } = base();
  const reference = runPeer(
    PEER,
    'bgnbd-value',
    n,
    [frequency, recency, age, monetaryValue, Float64Array.of(r, alpha, a, b, p, q, v, 24, 0.01, WEEKS_PER_MONTH)],
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
