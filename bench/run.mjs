// `npm run bench [family …]`: runs the benchmarks of every family (or the named ones) against the built
// package in dist/, each group of each file in a child process of its own (see harness.mjs), one after the
// other. Each group prints our time against its baselines as ratios measured in the same process.
import { fork } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [mode, file] = process.argv.slice(2);
if (mode === '--group') {
  // A child: run one file; the harness runs only the group named by BENCH_GROUP. Report how many there are.
  const { groupCount } = await import(new URL('harness.mjs', import.meta.url).href);
  const module = await import(new URL(file, import.meta.url).href);
  await module.run();
  process.send?.({ groups: groupCount() });
} else {
  const wanted = process.argv.slice(2);
  const files = readdirSync(new URL('.', import.meta.url))
    .filter((name) => name.endsWith('.bench.mjs'))
    .filter((name) => wanted.length === 0 || wanted.includes(name.replace('.bench.mjs', '')))
    .sort();
  console.log(
    `node ${process.version}; scale ${process.env.BENCH_SCALE ?? 1}; ratios are ours ÷ baseline (below 1: ours is ` +
      'faster); each group runs in a process of its own, its baselines measured before ours',
  );
  for (const name of files) {
    console.log(`\n=== ${name.replace('.bench.mjs', '')} ===`);
    let total = 1;
    for (let group = 0; group < total; group++) total = Math.max(1, await runGroup(name, group));
  }
}

/** Runs group `group` of file `name` in a child process; resolves to the number of groups of the file. */
function runGroup(name, group) {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--group', name], {
      env: { ...process.env, BENCH_GROUP: String(group) },
    });
    let groups;
    child.on('message', (message) => {
      groups = message.groups;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 || groups === undefined) reject(new Error(`${name}, group ${group}: exited with ${code}`));
      else resolve(groups);
    });
  });
}
