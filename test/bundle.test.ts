// Importing one function into a browser bundle pulls in nothing of the other families, and stays small.
import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { families } from './support/families.js';

async function bundle(name: string): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${name} } from './src/index.ts';`, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

const brotli = (text: string) => brotliCompressSync(Buffer.from(text)).length;

const entries = Object.entries(families).flatMap(([family, { names }]) =>
  names.filter((name) => /^[a-z]/.test(name)).map((name) => [family, name] as const),
);

describe('browser bundles', () => {
  it('netPromoterScore alone is at most 18 kB brotli', async () => {
    const size = brotli(await bundle('netPromoterScore'));
    expect(size).toBeLessThanOrEqual(18 * 1024);
  });

  it.each(entries)('%s/%s contains no other family and stays under 24 kB brotli', async (family, name) => {
    const code = await bundle(name);
    const foreign = Object.entries(families)
      .filter(([other]) => other !== family)
      .flatMap(([, { names }]) => names)
      .filter((other) => new RegExp(`\\b${other}\\b`).test(code));
    expect(foreign).toEqual([]);
    expect(brotli(code)).toBeLessThanOrEqual(24 * 1024);
  });
});
