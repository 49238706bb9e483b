// Health scores: scoring 1 000 000 accounts × 6 measures, against a hand-written weighted-sum loop over the
// same objects (goal: at most 3×) and the naive approach (zod parse of each account, decimal.js arithmetic);
// distribution and calibration on 1 000 000 results.
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { compare, library, random, scaled } from './harness.mjs';

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

/** The hand-written loop: the same scales and weights, unchecked, in floating point. */
function handWritten(accounts) {
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

export async function run() {
  const { createHealthScore, healthDistribution, healthScoreCalibration } = await library();
  const health = createHealthScore(config);
  const size = scaled(1_000_000);
  const accounts = makeAccounts(size);

  // Same answers (to rounding of the unchecked loop) before timing anything.
  const ours = health.scoreAll(accounts).scores;
  const theirs = handWritten(accounts);
  let worst = 0;
  for (let i = 0; i < size; i++) worst = Math.max(worst, Math.abs(ours[i] - theirs[i]));
  if (worst > 1e-9) throw new Error(`scores differ from the hand-written loop by ${worst}`);

  compare(
    `createHealthScore(...).scoreAll: ${size.toLocaleString('en')} accounts × 6 measures (goal ≤ 3× hand-written)`,
    {
      ours: () => health.scoreAll(accounts),
      baselines: { 'hand-written loop': () => handWritten(accounts) },
      rounds: 5,
      repeat: 3,
    },
  );
  // The machines are shared: wall time includes waiting for a core. Process CPU time, interleaved, as a check.
  cpuCompare(
    '  the same, by process CPU time',
    () => health.scoreAll(accounts),
    () => handWritten(accounts),
  );

  const small = accounts.slice(0, scaled(100_000));
  const label = small.length.toLocaleString('en');
  compare(`createHealthScore(...).scoreAll against the naive approach: ${label} accounts`, {
    ours: () => health.scoreAll(small),
    baselines: { 'naive (zod + decimal.js)': () => naive(small) },
    rounds: 3,
    repeat: 1,
  });
  compare(`the scorer per account, with its explanation: ${label} accounts (no goal)`, {
    ours: () => small.map((account) => health(account)),
    baselines: { 'hand-written loop': () => handWritten(small), 'naive (zod + decimal.js)': () => naive(small) },
    rounds: 3,
    repeat: 1,
  });

  const statuses = health.scoreAll(accounts).statuses;
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

  const next = random(11);
  const scores = health.scoreAll(accounts).scores;
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
}
