// Runs code samples from doc comments and Markdown guides. A line `expression; // => value` asserts deep
// equality; `expression; // ≈ value` asserts that every number matches to the decimals written. Every
// marked line must run at least once, so a sample inside a `catch` block fails if nothing is thrown.
import { transformSync } from 'esbuild';
import { expect } from 'vitest';

export interface CodeSample {
  /** Where the sample comes from, for messages: `src/survey/netPromoterScore.ts:87`. */
  readonly where: string;
  readonly code: string;
}

/** Every ```ts fenced block inside `@example` tags of the doc comments of a TypeScript source. */
export function docCommentSamples(source: string, file: string): CodeSample[] {
  const samples: CodeSample[] = [];
  const comment = /\/\*\*([\s\S]*?)\*\//g;
  for (let match = comment.exec(source); match !== null; match = comment.exec(source)) {
    const body = match[1] ?? '';
    const startLine = source.slice(0, match.index).split('\n').length;
    const lines = body.split('\n').map((line) => line.replace(/^\s*\* ?/, ''));
    let inExample = false;
    let block: string[] | undefined;
    let blockLine = 0;
    lines.forEach((line, index) => {
      if (/^@\w+/.test(line)) inExample = line.startsWith('@example');
      if (!inExample) return;
      if (/^```(ts|typescript|js)\s*$/.test(line.trim())) {
        block = [];
        blockLine = startLine + index + 1;
      } else if (line.trim() === '```' && block !== undefined) {
        samples.push({ where: `${file}:${blockLine}`, code: block.join('\n') });
        block = undefined;
      } else if (block !== undefined) block.push(line);
    });
  }
  return samples;
}

/** Every ```ts or ```js fenced block of a Markdown file, except those marked `<!-- no-run -->` just before. */
export function markdownSamples(source: string, file: string): CodeSample[] {
  const samples: CodeSample[] = [];
  const fence = /(<!--\s*no-run\s*-->\s*\n)?```(ts|typescript|js|javascript)\n([\s\S]*?)```/g;
  for (let match = fence.exec(source); match !== null; match = fence.exec(source)) {
    if (match[1]) continue;
    const line = source.slice(0, match.index).split('\n').length;
    samples.push({ where: `${file}:${line}`, code: match[3] ?? '' });
  }
  return samples;
}

const MARKER = /^(.*?);?\s*\/\/\s*(=>|≈)\s*(.+)$/;

/** Counts the marked lines of a sample. */
export function markerCount(sample: CodeSample): number {
  return sample.code.split('\n').filter((line) => MARKER.test(line) && !line.trim().startsWith('//')).length;
}

function decimalsOf(literal: string): number {
  const dot = literal.indexOf('.');
  return dot < 0 ? 0 : literal.length - dot - 1;
}

function numbersIn(value: unknown, out: number[] = []): number[] {
  if (typeof value === 'number') out.push(value);
  else if (Array.isArray(value)) for (const item of value) numbersIn(item, out);
  else if (typeof value === 'object' && value !== null) for (const item of Object.values(value)) numbersIn(item, out);
  return out;
}

function approxCheck(actual: unknown, expected: unknown, text: string, where: string): void {
  const literals = text.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? [];
  const expectedNumbers = numbersIn(expected);
  const actualNumbers = numbersIn(actual);
  expect(actualNumbers.length, `${where}: shape of ${text}`).toBe(expectedNumbers.length);
  expectedNumbers.forEach((value, index) => {
    const places = decimalsOf(literals[index] ?? String(value));
    const got = actualNumbers[index] as number;
    expect(
      Math.abs(got - value),
      `${where}: ${got} is not ${literals[index]} to ${places} decimals`,
    ).toBeLessThanOrEqual(0.5 * 10 ** -places + 1e-12);
  });
}

/**
 * Runs a sample with the library's exports in scope (its own `import` lines are dropped) and checks every
 * marked line. `lib` is the module namespace of `src/index.ts`; `extra` adds more names (e.g. `Decimal`).
 */
export async function runSample(sample: CodeSample, lib: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const lines = sample.code.split('\n');
  let markers = 0;
  const rewritten = lines.map((line) => {
    if (/^\s*import\s/.test(line)) return '';
    const match = MARKER.exec(line);
    if (!match || line.trim().startsWith('//')) return line;
    const [, expression, mode, expectedText] = match;
    const id = markers++;
    return `__check(${id}, (${expression}), (${expectedText}), ${JSON.stringify(mode)}, ${JSON.stringify(expectedText)});`;
  });
  const { code } = transformSync(rewritten.join('\n'), { loader: 'ts', format: 'esm', target: 'es2022' });
  const seen = new Set<number>();
  const check = (id: number, actual: unknown, expected: unknown, mode: string, text: string) => {
    seen.add(id);
    if (mode === '=>') expect(actual, `${sample.where}: ${text}`).toEqual(expected);
    else approxCheck(actual, expected, text, sample.where);
  };
  const scope = { ...lib, ...extra };
  const names = Object.keys(scope).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  const run = new Function(...names, '__check', `return (async () => {\n${code}\n})();`);
  await run(...names.map((name) => scope[name]), check);
  expect(seen.size, `${sample.where}: every marked line must run`).toBe(markers);
  return markers;
}
