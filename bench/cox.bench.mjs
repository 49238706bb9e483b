// Cox regression. fitProportionalHazards on 100 000 customers × 5 covariates (durations in whole days, so
// churn times tie, censored at a year), Efron and Breslow ties, from columns. Goal: faster than statsmodels'
// PHReg on the same data, timed in a Python process of its own (Debian's python3-statsmodels at
// /usr/bin/python3): the model's construction (its sort of the data) and the fit, as ours is timed from the
// columns to the result. The in-process baseline is a numeric sort of the durations, for scale.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compare, library, once, random, scaled } from './harness.mjs';

const { fitProportionalHazards } = await library();
const P = 5;
const BETA = [0.5, -0.4, 0.3, 0.05, -0.2];

/** Customers with a known model: hazard 0.004 × exp(β·x) a day, observed for at most 365 days. */
const data = once(() => {
  const n = scaled(100_000);
  const next = random(19);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const columns = Array.from({ length: P }, () => new Float64Array(n));
  const duration = new Float64Array(n);
  const churned = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = [normal(), next() < 0.4 ? 1 : 0, next(), Math.floor(next() * 11), normal()];
    let eta = 0;
    for (let j = 0; j < P; j++) {
      columns[j][i] = x[j];
      eta += BETA[j] * x[j];
    }
    const time = Math.ceil(-Math.log(1 - next()) / (0.004 * Math.exp(eta)));
    const end = 30 + Math.floor(next() * 336);
    duration[i] = Math.min(time, end);
    churned[i] = time <= end ? 1 : 0;
  }
  const covariates = Object.fromEntries(columns.map((column, j) => [`x${j + 1}`, column]));
  return { n, duration, churned, covariates, columns };
});

const PYTHON = `
import sys, time, json
import numpy as np
from statsmodels.duration.hazard_regression import PHReg
n, p, path, ties = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
m = np.fromfile(path, dtype='<f8').reshape(2 + p, n)
times = []
for _ in range(3):
    start = time.perf_counter()
    r = PHReg(m[0], m[2:].T.copy(), status=m[1], ties=ties).fit()
    times.append((time.perf_counter() - start) * 1000)
print(json.dumps({'ms': sorted(times)[1], 'params': list(r.params), 'llf': r.llf}))
`;

/** statsmodels' median time of three fits, or why it could not be measured. */
function statsmodels(ties) {
  const { n, duration, churned, columns } = data();
  const directory = mkdtempSync(join(tmpdir(), 'cox-bench-'));
  try {
    const path = join(directory, 'data.f64');
    const matrix = new Float64Array((2 + P) * n);
    matrix.set(duration, 0);
    matrix.set(Float64Array.from(churned), n);
    columns.forEach((column, j) => matrix.set(column, (2 + j) * n));
    writeFileSync(path, new Uint8Array(matrix.buffer));
    const run = spawnSync('/usr/bin/python3', ['-c', PYTHON, String(n), String(P), path, ties], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (run.error) return { missing: `/usr/bin/python3 is absent (${run.error.message})` };
    if (run.status !== 0) return { missing: `statsmodels could not run: ${run.stderr.trim().split('\n').at(-1)}` };
    return JSON.parse(run.stdout);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

export async function run() {
  for (const ties of ['efron', 'breslow']) {
    let ours;
    const fit = () => {
      const { duration, churned, covariates } = data();
      return fitProportionalHazards({ duration, churned, covariates }, { ties });
    };
    const ratios = compare(`fitProportionalHazards, 100k customers × 5 covariates, ${ties} ties`, {
      baselines: { 'sort the durations': () => Float64Array.from(data().duration).sort() },
      ours: () => {
        ours = fit();
        return ours;
      },
    });
    if (ratios === undefined) continue;
    const reference = statsmodels(ties);
    if ('missing' in reference) {
      console.log(`  statsmodels PHReg: not measured, ${reference.missing}`);
      continue;
    }
    const times = [];
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      ours = fit();
      times.push(performance.now() - start);
    }
    const mine = times.sort((a, b) => a - b)[1];
    let gap = 0;
    ours.coefficients.forEach((c, j) => {
      gap = Math.max(gap, Math.abs(c.coefficient - reference.params[j]));
    });
    console.log(
      `  statsmodels PHReg (/usr/bin/python3, construction + fit, median of 3): ${reference.ms.toFixed(1)} ms; ours ` +
        `${mine.toFixed(1)} ms (median of 3, same process); ours ÷ statsmodels = ${(mine / reference.ms).toFixed(3)} ` +
        `(goal < 1: ${mine < reference.ms ? 'met' : 'MISSED'}); largest coefficient difference ${gap.toExponential(1)}, ` +
        `log-likelihood ${ours.logLikelihood.toFixed(4)} vs ${reference.llf.toFixed(4)}; ${ours.events} churns, ` +
        `${ours.iterations} iterations`,
    );
  }
}
