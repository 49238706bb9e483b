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

/**
 * Our time on `fn` once V8 has compiled it, the way benchmarks of JIT-compiled code measure (and the way the
 * stand-in is measured: the median of repeated runs in a warm process). The first call is timed alone
 * (`first`, printed beside the ratio: what a process that calls `fn` once pays); warm-up runs follow until
 * there have been 20 calls and 250 ms (or 2 s and 3 calls, for slow runs); then the median wall time and the
 * mean CPU time of 11 runs (3 when the first call took over 100 ms), in milliseconds, and the last result.
 */
export function timeSteady(fn) {
  let start = performance.now();
  let result = fn();
  const first = performance.now() - start;
  const begin = performance.now();
  for (let calls = 1; ; calls++) {
    const elapsed = performance.now() - begin;
    if ((calls >= 20 && elapsed >= 250) || (calls >= 3 && elapsed >= 2000)) break;
    result = fn();
  }
  const runs = first > 100 ? 3 : 11;
  const times = [];
  const usage = process.cpuUsage();
  for (let i = 0; i < runs; i++) {
    start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  const used = process.cpuUsage(usage);
  return { ms: times.sort((x, y) => x - y)[runs >> 1], cpu: (used.user + used.system) / (1000 * runs), first, result };
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
      `ours ${mine.ms.toFixed(2)} ms (CPU ${mine.cpu.toFixed(2)} ms; first call ${mine.first.toFixed(2)} ms); ${name}: ` +
      `stand-in ÷ ours = ${ratio.toFixed(1)} × ` +
      `(goal ≥ 10 ×: ${verdict(ratio)}), by CPU time ${cpuRatio.toFixed(1)} × (${verdict(cpuRatio)}); ${agreement}`,
  );
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
      `(CPU ${mine.cpu.toFixed(3)}; first call ${mine.first.toFixed(3)}) (median wall, mean CPU, once compiled): ours is ` +
      `${ratio.toFixed(1)} × faster (goal ≥ 10 ×: ` +
      `${verdict(ratio)}), by CPU ${byCpu.toFixed(1)} × (${verdict(byCpu)}); totals ${ours.toFixed(9)} vs ` +
      `${reference.sum.toFixed(9)} (${check})`,
  );
}

/** The sum of a list or typed array of numbers. */
export const total = (values) => values.reduce((sum, value) => sum + value, 0);
