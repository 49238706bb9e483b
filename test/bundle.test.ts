// Importing one function into a browser bundle pulls in nothing of the other families, and stays small.
import { brotliCompressSync } from 'node:zlib';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { families } from './support/families.js';

async function bundle(name: string): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    stdin: { contents: `export { ${name} } from './src/index.ts';`, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const inputs = Object.entries(result.metafile.outputs).flatMap(([, output]) =>
    Object.entries(output.inputs)
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path),
  );
  return { code: result.outputFiles[0]?.text ?? '', inputs };
}

const brotli = (text: string) => brotliCompressSync(Buffer.from(text)).length;

const entries = Object.entries(families).flatMap(([family, { names }]) =>
  names.filter((name) => /^[a-z]/.test(name)).map((name) => [family, name] as const),
);

describe('browser bundles', () => {
  it('netPromoterScore alone is at most 18 kB brotli', async () => {
    const size = brotli((await bundle('netPromoterScore')).code);
    expect(size).toBeLessThanOrEqual(18 * 1024);
  });

  it.each(entries)('%s/%s contains no other family and stays under 24 kB brotli', async (family, name) => {
    const { code, inputs } = await bundle(name);
    // Code from another family's folder, or a module of the command line, must not be in the bundle.
    const foreign = inputs
      .filter((path) => /^src\/[^/]+\//.test(path) && !path.startsWith(`src/${family}/`))
      .filter((path) => !path.startsWith('src/internal/'));
    expect(foreign).toEqual([]);
    expect(inputs.some((path) => path.startsWith(`src/${family}/${name}.ts`))).toBe(true);
    expect(brotli(code)).toBeLessThanOrEqual(24 * 1024);
  });
});
