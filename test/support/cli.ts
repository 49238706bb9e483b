// Builds the command line from source once per test run and runs it as a child process.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { buildSync } from 'esbuild';
import { type MoneyFields, render } from '../../src/cli/output.js';
import { plainNumber } from '../../src/cli/output/money.js';

const OUT = '.cache/test-cli/main.js';
let built = false;

/** The bundled command line, built like the package's `bin` (dependencies stay external). */
export function cliPath(): string {
  if (!built) {
    mkdirSync('.cache/test-cli', { recursive: true });
    buildSync({
      entryPoints: ['src/cli/main.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: OUT,
      define: { __VERSION__: '"test"' },
      logLevel: 'silent',
    });
    built = true;
  }
  return OUT;
}

/** Runs `cs-metrics` with arguments; returns its exit code and output. */
export function cli(args: readonly string[], nodeOptions: readonly string[] = []) {
  const result = spawnSync(process.execPath, [...nodeOptions, cliPath(), ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the command line in this process (so coverage sees it) with captured output. */
export async function runCli(args: readonly string[]) {
  const { run } = await import('../../src/cli/run.js');
  let stdout = '';
  let stderr = '';
  const code = await run(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: false },
    env: {},
  });
  return { code, stdout, stderr };
}

/** A library result as `--json` writes it: money rounded to its minor unit, other fractions to 15 digits. */
export const asPrinted = <T>(value: T, money: MoneyFields[] = []): T =>
  JSON.parse(render({ json: value, tables: [], money }, 'json'));

/** A number as the CSV and JSON views write it (at most 15 significant digits). */
export const printed = (value: number): number => plainNumber(value);

/**
 * Writes a large input file in chunks of 10 000 lines (`line(j)` for j = 0 … rows − 1, between `head` and
 * `tail`), then reads it with `nps --json` in a small heap (`heapMb`, 24 MB by default): only a streamed read
 * gets through.
 */
export async function npsOnSmallHeap(
  path: string,
  rows: number,
  text: { head: string; line: (j: number) => string; tail: string },
  heapMb = 24,
) {
  const out = createWriteStream(path);
  out.write(text.head);
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = '';
    for (let j = i; j < Math.min(rows, i + 10_000); j++) chunk += text.line(j);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end(text.tail);
  await once(out, 'finish');
  return cli(['nps', path, '--json'], [`--max-old-space-size=${heapMb}`]);
}
