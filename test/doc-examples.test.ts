// Every `@example` in a public doc comment runs, and its `// =>` values hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { type CodeSample, docCommentSamples, markerCount, runSample } from './support/examples.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'internal' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const samples: CodeSample[] = sourceFiles('src').flatMap((file) => docCommentSamples(readFileSync(file, 'utf8'), file));

describe('doc comment examples', () => {
  it.each(samples.map((sample) => [sample.where, sample] as const))('%s', async (_where, sample) => {
    expect(await runSample(sample, lib as Record<string, unknown>)).toBeGreaterThan(0);
  });

  it('every exported function has an example with a checked value', () => {
    const functions = Object.entries(lib).filter(([, value]) => typeof value === 'function');
    const missing = functions
      .map(([name]) => name)
      .filter((name) => !samples.some((sample) => sample.code.includes(`${name}(`) && markerCount(sample) > 0));
    expect(missing).toEqual([]);
  });
});
