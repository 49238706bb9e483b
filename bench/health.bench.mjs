// Health scores: scoring 1 000 000 accounts × 6 measures with `scoreAll`, and 100 000 accounts one call at a
// time with the explanation, each against a hand-written baseline for the same data shape; the naive
// approach (zod parse of each account, decimal.js arithmetic); distribution and calibration on 1 000 000
// results. Each case runs in a process of its own, so that no case's compiled code shapes another's.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { compare, goal, library, random, scaled } from './harness.mjs';

/** Median process CPU time (all threads) of `ours` and `baseline`, run alternately, and their ratio. */
function cpuCompare(title, ours, baseline, rounds = 9) {
  const times = [[], []];
  for (let round = 0; round < rounds; round++) {
    [ours, baseline].forEach((fn, index) => {
      const start = process.cpuUsage();
      globalThis.__benchSink = fn();
      const used = process.cpuUsage(start);
      times[index].push((used.user + used.system) / 1000);
    });
  }
  const [a, b] = times.map((list) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)]);
  console.log(
    `${title}: ours ${a.toFixed(1)} ms, baseline ${b.toFixed(1)} ms, ours ÷ baseline = ${(a / b).toFixed(2)}`,
  );
}

const config = {
  measures: {
    usage: { weight: 30, scale: { kind: 'linear', worst: 0, best: 1 } },
    logins: { weight: 20, scale: { kind: 'linear', worst: 0, best: 30 } },
    nps: {
      weight: 15,
      scale: {
        kind: 'steps',
        steps: [
          { from: 0, score: 0 },
          { from: 7, score: 50 },
          { from: 9, score: 100 },
        ],
      },
    },
    tickets: { weight: 10, scale: { kind: 'linear', worst: 10, best: 0 } },
    paying: { weight: 15, scale: { kind: 'boolean' } },
    csm: { weight: 10, scale: { kind: 'score' } },
  },
};

function makeAccounts(n, seed = 7) {
  const next = random(seed);
  const accounts = new Array(n);
  for (let i = 0; i < n; i++) {
    accounts[i] = {
      usage: Math.round(next() * 100) / 100,
      logins: Math.floor(next() * 40),
      nps: Math.floor(next() * 11),
      tickets: Math.floor(next() * 15),
      paying: next() < 0.9,
      csm: Math.round(next() * 1000) / 10,
    };
  }
  return accounts;
}

/** The baseline of `scoreAll`: a weighted-sum loop writing a Float64Array, unchecked, in floating point. */
function weightedSums(accounts) {
  const n = accounts.length;
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const a = accounts[i];
    const u = a.usage;
    const l = a.logins;
    const p = a.nps;
    const t = a.tickets;
    let s = 30 * (u <= 0 ? 0 : u >= 1 ? 100 : 100 * u);
    s += 20 * (l <= 0 ? 0 : l >= 30 ? 100 : (100 * l) / 30);
    s += 15 * (p >= 9 ? 100 : p >= 7 ? 50 : 0);
    s += 10 * (t >= 10 ? 0 : t <= 0 ? 100 : (100 * (10 - t)) / 10);
    s += 15 * (a.paying ? 100 : 0);
    s += 10 * a.csm;
    scores[i] = s / 100;
  }
  return scores;
}

/**
 * The loop above, then each account's status from its score: what `scoreAll` returns. It shows how much of
 * the gap to the loop is the result's 1 000 000-element array of statuses, whose allocation (8 MB of fresh
 * memory to fault in) costs about as much as the loop itself on a busy machine.
 */
function weightedSumsAndStatuses(accounts) {
  const scores = weightedSums(accounts);
  const statuses = new Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    statuses[i] = score <= 50 ? 'red' : score <= 75 ? 'yellow' : 'green';
  }
  return { scores, statuses };
}

/** The naive approach: a zod schema per account, decimal.js for every value. */
const accountSchema = z.strictObject({
  usage: z.number(),
  logins: z.number(),
  nps: z.number(),
  tickets: z.number(),
  paying: z.boolean(),
  csm: z.number().min(0).max(100),
});
const D = Decimal.clone({ precision: 34 });
const clamp = (d) => D.min(100, D.max(0, d));
function naive(accounts) {
  const scores = new Float64Array(accounts.length);
  for (let i = 0; i < accounts.length; i++) {
    const a = accountSchema.parse(accounts[i]);
    let s = new D(30).times(clamp(new D(a.usage).times(100)));
    s = s.plus(new D(20).times(clamp(new D(a.logins).times(100).div(30))));
    s = s.plus(new D(15).times(a.nps >= 9 ? 100 : a.nps >= 7 ? 50 : 0));
    s = s.plus(new D(10).times(clamp(new D(10).minus(a.tickets).times(10))));
    s = s.plus(new D(15).times(a.paying ? 100 : 0));
    s = s.plus(new D(10).times(a.csm));
    scores[i] = s.div(100).toNumber();
  }
  return scores;
}

/** The baseline of the scorer: one account's score with the same explanation, unchecked, in floating point. */
function explainByHand(a) {
  const u = a.usage;
  const l = a.logins;
  const p = a.nps;
  const t = a.tickets;
  const nu = u <= 0 ? 0 : u >= 1 ? 100 : 100 * u;
  const nl = l <= 0 ? 0 : l >= 30 ? 100 : (100 * l) / 30;
  const np = p >= 9 ? 100 : p >= 7 ? 50 : 0;
  const nt = t >= 10 ? 0 : t <= 0 ? 100 : (100 * (10 - t)) / 10;
  const ny = a.paying ? 100 : 0;
  const nc = a.csm;
  const measures = [
    { name: 'usage', value: u, normalized: nu, weight: 30, contribution: (30 * nu) / 100 },
    { name: 'logins', value: l, normalized: nl, weight: 20, contribution: (20 * nl) / 100 },
    { name: 'nps', value: p, normalized: np, weight: 15, contribution: (15 * np) / 100 },
    { name: 'tickets', value: t, normalized: nt, weight: 10, contribution: (10 * nt) / 100 },
    { name: 'paying', value: a.paying, normalized: ny, weight: 15, contribution: (15 * ny) / 100 },
    { name: 'csm', value: nc, normalized: nc, weight: 10, contribution: (10 * nc) / 100 },
  ];
  const score = (30 * nu + 20 * nl + 15 * np + 10 * nt + 15 * ny + 10 * nc) / 100;
  return { score, status: score <= 50 ? 'red' : score <= 75 ? 'yellow' : 'green', measures, missing: [] };
}

// The per-call drivers read each result and let it go, as a caller that handles one account at a time does:
// keeping 100 000 explanations alive would time the garbage collector instead of the scorer.

/** Each account through the hand-written function. */
function eachByHand(accounts) {
  let sink = 0;
  for (let i = 0; i < accounts.length; i++) {
    const result = explainByHand(accounts[i]);
    sink += result.score + result.measures[5].contribution + result.status.length;
  }
  return sink;
}

/** Each account through the scorer: the same driver as `eachByHand`, its own copy. */
function eachScored(health, accounts) {
  let sink = 0;
  for (let i = 0; i < accounts.length; i++) {
    const result = health(accounts[i]);
    sink += result.score + result.measures[5].contribution + result.status.length;
  }
  return sink;
}

const cases = {
  async scoreAll() {
    const { createHealthScore } = await library();
    const health = createHealthScore(config);
    const size = scaled(1_000_000);
    const accounts = makeAccounts(size);
    // Same answers (to rounding of the unchecked loop) before timing anything.
    const ours = health.scoreAll(accounts).scores;
    const theirs = weightedSums(accounts);
    let worst = 0;
    for (let i = 0; i < size; i++) worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
    if (worst > 1e-9) throw new Error(`scores differ from the weighted-sum loop by ${worst}`);
    compare(
      `createHealthScore(...).scoreAll: ${size.toLocaleString('en')} accounts × 6 measures (goal ≤ 2× the loop)`,
      {
        ours: () => health.scoreAll(accounts),
        baselines: { 'weighted-sum loop, Float64Array': () => weightedSums(accounts) },
        rounds: 5,
        repeat: 3,
      },
    );
    // The machines are shared: wall time includes waiting for a core. Process CPU time, interleaved, as a check.
    cpuCompare(
      '  the same, by process CPU time',
      () => health.scoreAll(accounts),
      () => weightedSums(accounts),
    );
    // Apart from the timings above, so that its garbage does not land in their collections.
    cpuCompare(
      '  against the same loop also writing statuses, by process CPU time',
      () => health.scoreAll(accounts),
      () => weightedSumsAndStatuses(accounts),
    );
  },

  async perCall() {
    const { createHealthScore } = await library();
    const health = createHealthScore(config);
    const accounts = makeAccounts(scaled(100_000));
    const ours = health(accounts[0]);
    const theirs = explainByHand(accounts[0]);
    if (Math.abs(ours.score - theirs.score) > 1e-9 || ours.measures.length !== theirs.measures.length) {
      throw new Error('the scorer and the hand-written function disagree');
    }
    compare(
      `the scorer per account, with its explanation: ${accounts.length.toLocaleString('en')} accounts (goal ≤ 4× by hand)`,
      {
        ours: () => eachScored(health, accounts),
        baselines: { 'hand-written, same explanation': () => eachByHand(accounts) },
        rounds: 5,
        repeat: 3,
      },
    );
    cpuCompare(
      '  the same, by process CPU time',
      () => eachScored(health, accounts),
      () => eachByHand(accounts),
    );
  },

  async naive() {
    const { createHealthScore } = await library();
    const health = createHealthScore(config);
    const small = makeAccounts(scaled(100_000));
    const label = small.length.toLocaleString('en');
    compare(`createHealthScore(...).scoreAll against the naive approach: ${label} accounts`, {
      ours: () => health.scoreAll(small),
      baselines: { 'naive (zod + decimal.js)': () => naive(small) },
      rounds: 3,
      repeat: 1,
    });
  },

  async distribution() {
    const { createHealthScore, healthDistribution } = await library();
    const size = scaled(1_000_000);
    const statuses = createHealthScore(config).scoreAll(makeAccounts(size)).statuses;
    const results = statuses.map((status) => ({ status }));
    compare(`healthDistribution: ${size.toLocaleString('en')} results`, {
      ours: () => healthDistribution(results),
      baselines: {
        'hand-written count': () => {
          const counts = { red: 0, yellow: 0, green: 0 };
          for (let i = 0; i < results.length; i++) counts[results[i].status]++;
          return counts;
        },
      },
    });
  },

  async segmentedDistribution() {
    const { createHealthScore, healthDistribution } = await library();
    const size = scaled(1_000_000);
    const next = random(13);
    const statuses = createHealthScore(config).scoreAll(makeAccounts(size)).statuses;
    // Each account with one of 20 customer success managers; the baseline is the unsegmented call on them.
    const accounts = statuses.map((status) => ({ status, attributes: { csm: `csm-${Math.floor(next() * 20)}` } }));
    const ratios = compare(
      `healthDistribution, 20 segments (segmentBy: attribute): ${size.toLocaleString('en')} accounts`,
      {
        ours: () => healthDistribution(accounts, { segmentBy: 'csm' }),
        baselines: { 'unsegmented call': () => healthDistribution(accounts) },
      },
    );
    if (ratios !== undefined) goal(ratios, 'unsegmented call', 2);
  },

  async calibration() {
    const { createHealthScore, healthScoreCalibration } = await library();
    const size = scaled(1_000_000);
    const next = random(11);
    const scores = createHealthScore(config).scoreAll(makeAccounts(size)).scores;
    const calibrationAccounts = new Array(size);
    for (let i = 0; i < size; i++) {
      calibrationAccounts[i] = { score: scores[i], churned: next() * 100 > scores[i] * 0.6 + 30 };
    }
    compare(`healthScoreCalibration: ${size.toLocaleString('en')} accounts`, {
      ours: () => healthScoreCalibration({ accounts: calibrationAccounts }),
      baselines: {
        'hand-written (typed sort + merge count)': () => {
          let churned = 0;
          for (let i = 0; i < size; i++) if (calibrationAccounts[i].churned) churned++;
          const c = new Float64Array(churned);
          const r = new Float64Array(size - churned);
          let ci = 0;
          let ri = 0;
          for (let i = 0; i < size; i++) {
            const a = calibrationAccounts[i];
            if (a.churned) c[ci++] = a.score;
            else r[ri++] = a.score;
          }
          c.sort();
          r.sort();
          let below = 0;
          let twice = 0;
          for (let i = 0; i < r.length; i++) {
            while (below < c.length && c[below] < r[i]) below++;
            let equal = below;
            while (equal < c.length && c[equal] === r[i]) equal++;
            twice += 2 * below + (equal - below);
          }
          return twice / (2 * c.length * r.length);
        },
        'naive (objects sorted by score, ties ignored)': () => {
          const sorted = [...calibrationAccounts].sort((a, b) => a.score - b.score);
          let churnedSeen = 0;
          let sum = 0;
          let churned = 0;
          for (const a of sorted) if (a.churned) churned++;
          for (const a of sorted) {
            if (a.churned) churnedSeen++;
            else sum += churnedSeen;
          }
          return sum / (churned * (size - churned));
        },
      },
    });
  },
};

/** Runs every case, each in a fresh process (`node health.bench.mjs <case>` runs one). */
export async function run() {
  const file = fileURLToPath(import.meta.url);
  for (const name of Object.keys(cases)) {
    const child = spawnSync(process.execPath, [file, name], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`health benchmark ${name} failed`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const name = process.argv[2];
  if (!(name in cases)) throw new Error(`unknown case ${name}; one of ${Object.keys(cases).join(', ')}`);
  await cases[name]();
}
