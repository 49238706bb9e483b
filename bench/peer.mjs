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
