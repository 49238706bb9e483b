// Running a Python stand-in for a library that cannot be installed here (lifetimes), on the same data, and
// reporting our time against its time: what the purchase benches share.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs the stand-in `script` (a path) for `task` on `columns` (written as float64, one after the other, into
 * a temporary file), `runs` times (it reports the median); its parsed JSON result, or `{ missing }` saying
 * why it could not run.
 */
export function runPeer(script, task, n, columns, runs = 3) {
  const directory = mkdtempSync(join(tmpdir(), 'purchases-peer-'));
  try {
    const path = join(directory, 'data.f64');
    const total = columns.reduce((sum, column) => sum + column.length, 0);
    const matrix = new Float64Array(total);
    let offset = 0;
    for (const column of columns) {
      matrix.set(column, offset);
      offset += column.length;
    }
    writeFileSync(path, new Uint8Array(matrix.buffer));
    const run = spawnSync('/usr/bin/python3', [script, task, path, String(n), String(runs)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (run.error) return { missing: `/usr/bin/python3 is absent (${run.error.message})` };
    if (run.status !== 0) return { missing: `the stand-in could not run: ${run.stderr.trim().split('\n').at(-1)}` };
    return JSON.parse(run.stdout);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Our median wall and CPU times of three runs of `fn`, in this process, and its last result. */
export function timeOurs(fn) {
  const times = [];
  const cpu = [];
  let result;
  for (let i = 0; i < 3; i++) {
    const usage = process.cpuUsage();
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(usage);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (list) => list.sort((a, b) => a - b)[1];
  return { ms: median(times), cpu: median(cpu), result };
}

/** Prints the stand-in's time over ours (wall and CPU) against the goal of 10 ×, with `agreement`. */
export function reportRatio(name, mine, reference, agreement) {
  if ('missing' in reference) {
    console.log(`  lifetimes stand-in: not measured, ${reference.missing}`);
    return;
  }
  const ratio = reference.ms / mine.ms;
  const cpuRatio = reference.cpu / mine.cpu;
  const verdict = (r) => (r >= 10 ? 'met' : 'MISSED');
  console.log(
    `  lifetimes stand-in (/usr/bin/python3, median of ${reference.runs}): ${reference.ms.toFixed(1)} ms (CPU ${reference.cpu.toFixed(1)} ms); ` +
      `ours ${mine.ms.toFixed(2)} ms (CPU ${mine.cpu.toFixed(2)} ms); ${name}: stand-in ÷ ours = ${ratio.toFixed(1)} × ` +
      `(goal ≥ 10 ×: ${verdict(ratio)}), by CPU time ${cpuRatio.toFixed(1)} × (${verdict(cpuRatio)}); ${agreement}`,
  );
}

/**
 * Five timed runs of `fn` (after one warm-up): the median wall time and the mean CPU time of the process, in
 * milliseconds (the CPU clock ticks too coarsely to time one run of a millisecond).
 */
export function timeWarm(fn) {
  fn();
  const times = [];
  const usage = process.cpuUsage();
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  const used = process.cpuUsage(usage);
  return { ms: times.sort((x, y) => x - y)[2], cpu: (used.user + used.system) / 5000 };
}

/**
 * Prints the stand-in's time over ours, whether it meets the goal, and how far the totals agree: with
 * lifetimes' own, and, where the stand-in gives it, with the total without lifetimes' 1e-15 offset.
 */
export function reportTotals(name, mine, reference, ours) {
  const ratio = reference.ms / mine.ms;
  const byCpu = reference.cpu / mine.cpu;
  const verdict = (times) => (times >= 10 ? 'met' : 'MISSED');
  const gap = Math.abs(ours / reference.sum - 1);
  const exact = reference.exactSum === undefined ? undefined : Math.abs(ours / reference.exactSum - 1);
  const check =
    exact === undefined
      ? `relative ${gap.toExponential(1)}, goal ≤ 1e-9: ${gap <= 1e-9 ? 'met' : 'MISSED'}`
      : `relative ${gap.toExponential(1)}; without lifetimes' 1e-15 offset ${reference.exactSum.toFixed(9)}, ` +
        `relative ${exact.toExponential(1)}, goal ≤ 1e-9: ${exact <= 1e-9 ? 'met' : 'MISSED'}`;
  console.log(
    `  ${name}: stand-in ${reference.ms.toFixed(3)} ms (CPU ${reference.cpu.toFixed(3)}), ours ${mine.ms.toFixed(3)} ms ` +
      `(CPU ${mine.cpu.toFixed(3)}) (median wall, mean CPU of 5): ours is ${ratio.toFixed(1)} × faster (goal ≥ 10 ×: ` +
      `${verdict(ratio)}), by CPU ${byCpu.toFixed(1)} × (${verdict(byCpu)}); totals ${ours.toFixed(9)} vs ` +
      `${reference.sum.toFixed(9)} (${check})`,
  );
}

/** The sum of a list or typed array of numbers. */
export const total = (values) => values.reduce((sum, value) => sum + value, 0);
