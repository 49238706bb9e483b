// `npm run bench [family …]`: runs the benchmarks of every family (or the named ones) against the built
// package in dist/. Each prints our time against its baselines as ratios measured in the same run.
import { readdirSync } from 'node:fs';

const wanted = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => wanted.length === 0 || wanted.includes(name.replace('.bench.mjs', '')))
  .sort();

console.log(
  `node ${process.version}; scale ${process.env.BENCH_SCALE ?? 1}; ratios are ours ÷ baseline (below 1: ours is faster)`,
);
for (const file of files) {
  console.log(`\n=== ${file.replace('.bench.mjs', '')} ===`);
  const module = await import(new URL(file, import.meta.url));
  await module.run();
}
