// A small benchmark harness. What is reported is the ratio of medians of `ours` and each baseline measured
// in the same process, in the same run: timings on shared machines are noisy, ratios measured together are
// what can be compared.
//
// Honest baselines: `run.mjs` runs each group (one `compare` call) of a file in a process of its own, chosen
// by the environment variable BENCH_GROUP; every other group of the file returns at once. Within a group the
// baselines run before ours. So a baseline is compiled only for the data it is timed on, and V8 never
// deoptimizes it because another case or shape ran first. Each run is timed twice: wall time, and the CPU
// time of the process (which leaves out waiting for a core on a loaded machine, but counts the collector's
// and compiler's threads).
import { performance } from 'node:perf_hooks';
import { generator } from '../examples/seeded.mjs';

const only = process.env.BENCH_GROUP === undefined ? -1 : Number(process.env.BENCH_GROUP);
let groups = 0;

// In a process that runs one group, a line is printed only if it belongs to that group: printed after its
// `compare` began and before the next one (or, for group 0, before any). Setup notes and summaries printed
// between groups therefore appear once, in order, whoever prints them.
if (only >= 0) {
  const print = console.log.bind(console);
  console.log = (...args) => {
    if (Math.max(groups - 1, 0) === only) print(...args);
  };
}

/** Counts the next group and says whether it runs in this process (every group runs without BENCH_GROUP). */
export function selected() {
  const index = groups++;
  return only < 0 || index === only;
}

/** How many groups this process has met (`run.mjs` asks the process of group 0, to know how many exist). */
export function groupCount() {
  return groups;
}

const median = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];

/**
 * Median wall time of `repeat` runs after `warmup` runs, in milliseconds (`fn.scale` times it for a run on
 * a sample). `cpu`, if given, receives the median CPU time of the same runs.
 */
export function measure(fn, { repeat = 5, warmup = 1, cpu } = {}) {
  let sink;
  for (let i = 0; i < warmup; i++) sink = fn();
  const times = [];
  const cpuTimes = [];
  for (let i = 0; i < repeat; i++) {
    const usage = process.cpuUsage();
    const start = performance.now();
    sink = fn();
    times.push(performance.now() - start);
    const used = process.cpuUsage(usage);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  globalThis.__benchSink = sink;
  // A run on a sample of the data, marked with `scale`, stands for the whole data (linear-time baselines).
  const scale = fn.scale ?? 1;
  cpu?.push(median(cpuTimes) * scale);
  return median(times) * scale;
}

const cpuRatios = new WeakMap();

/**
 * Runs a group: each baseline, then `ours`, round by round so that drift of the machine affects all alike.
 * The baselines come first, so none of them is compiled after ours touched the data. `check`, if given, runs
 * first (same answers from every approach), only in the process that runs this group. Prints a table and
 * returns the wall-time ratios (ours ÷ baseline; below 1 means we are faster), or `undefined` when the
 * group runs in another process.
 */
export function compare(title, { ours, baselines, check, rounds = 3, repeat = 3 }) {
  if (!selected()) return undefined;
  check?.();
  const names = [...Object.keys(baselines), 'ours'];
  const fns = [...Object.values(baselines), ours];
  const wall = names.map(() => []);
  const cpu = names.map(() => []);
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, index) => {
      wall[index].push(measure(fn, { repeat, warmup: round === 0 ? 1 : 0, cpu: cpu[index] }));
    });
  }
  const wallMs = wall.map(median);
  const cpuMs = cpu.map(median);
  const last = names.length - 1;
  console.log(`\n${title}`);
  console.log(`  ${'ours'.padEnd(28)} ${wallMs[last].toFixed(1).padStart(9)} ms (CPU ${cpuMs[last].toFixed(1)} ms)`);
  const ratios = {};
  const byCpu = {};
  for (let index = 0; index < last; index++) {
    const name = names[index];
    ratios[name] = wallMs[last] / wallMs[index];
    byCpu[name] = cpuMs[last] / cpuMs[index];
    const note = fns[index].scale ? ` (measured on a sample, × ${fns[index].scale.toFixed(1)})` : '';
    console.log(
      `  ${name.padEnd(28)} ${wallMs[index].toFixed(1).padStart(9)} ms (CPU ${cpuMs[index].toFixed(1)} ms)  ` +
        `ours ÷ ${name} = ${ratios[name].toFixed(2)} (CPU ${byCpu[name].toFixed(2)})${note}`,
    );
  }
  cpuRatios.set(ratios, byCpu);
  return ratios;
}

/** Prints whether ours ÷ `name` meets its goal (at most `limit`), by wall time and by CPU time. */
export function goal(ratios, name, limit) {
  const wall = ratios[name];
  const cpu = cpuRatios.get(ratios)?.[name] ?? wall;
  const verdict = (ratio) => (ratio <= limit ? 'met' : 'MISSED');
  console.log(
    `  goal: ours ≤ ${limit} × ${name}: ${wall.toFixed(2)} (${verdict(wall)}); by CPU time ${cpu.toFixed(2)} (${verdict(cpu)})`,
  );
}

/** Prints how many times slower the naive baseline `name` is than ours (goal: at least `factor`, if given). */
export function slower(ratios, name, factor) {
  const times = 1 / ratios[name];
  const verdict = factor === undefined ? '' : ` (goal ≥ ${factor} ×: ${times >= factor ? 'met' : 'MISSED'})`;
  console.log(`  ${name} is ${times.toFixed(1)} × slower than ours${verdict}`);
}

/** A value computed on first use, so that a process builds only the data of the group it runs. */
export function once(make) {
  let value;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/** A seeded pseudo-random generator (mulberry32, the sample data's), so every run measures the same data. */
export function random(seed = 42) {
  return generator(seed);
}

/** A size from the environment (`BENCH_SCALE=0.1 npm run bench` for a quick run). */
export function scaled(size) {
  const scale = Number(process.env.BENCH_SCALE ?? 1);
  return Math.max(1000, Math.round(size * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * The library under test: the built package (`dist/`), or the module named by `CSM_DIST` (for example a
 * quick esbuild bundle of `src/index.ts` made while developing).
 */
export async function library() {
  const target = process.env.CSM_DIST
    ? new URL(`file://${process.env.CSM_DIST}`)
    : new URL('../dist/index.js', import.meta.url);
  return import(target.href);
}

/** Marks a function that runs on a sample of the data as standing for `factor` times its work. */
export function onSample(fn, factor) {
  const wrapped = () => fn();
  wrapped.scale = factor;
  return wrapped;
}
