// A small benchmark harness: every case runs in the same process and the same run as its baselines, and
// what is reported is the ratio of medians. Timings on shared machines are noisy; ratios measured together
// are what can be compared.
import { performance } from 'node:perf_hooks';

/** Median of the timings of `repeat` runs after `warmup` runs, in milliseconds. */
export function measure(fn, { repeat = 5, warmup = 1 } = {}) {
  let sink;
  for (let i = 0; i < warmup; i++) sink = fn();
  const times = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    sink = fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  globalThis.__benchSink = sink;
  // A run on a sample of the data, marked with `scale`, stands for the whole data (linear-time baselines).
  return times[Math.floor(times.length / 2)] * (fn.scale ?? 1);
}

/**
 * Runs a group: `ours` against each baseline, interleaved round by round so that drift of the machine
 * affects all alike. Prints a table and returns the ratios (ours ÷ baseline; below 1 means we are faster).
 */
export function compare(title, { ours, baselines, rounds = 3, repeat = 3 }) {
  const names = ['ours', ...Object.keys(baselines)];
  const fns = [ours, ...Object.values(baselines)];
  const samples = names.map(() => []);
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, index) => samples[index].push(measure(fn, { repeat, warmup: round === 0 ? 1 : 0 })));
  }
  const medians = samples.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
  console.log(`\n${title}`);
  const ratios = {};
  names.forEach((name, index) => {
    const ms = medians[index];
    const ratio = index === 0 ? '' : `ours ÷ ${name} = ${(medians[0] / ms).toFixed(2)}`;
    if (index > 0) ratios[name] = medians[0] / ms;
    const note = fns[index].scale ? ` (measured on a sample, × ${fns[index].scale.toFixed(1)})` : '';
    console.log(`  ${name.padEnd(28)} ${ms.toFixed(1).padStart(9)} ms  ${ratio}${note}`);
  });
  return ratios;
}

/** A seeded pseudo-random generator (mulberry32), so every run measures the same data. */
export function random(seed = 42) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
