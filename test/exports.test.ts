// Pins the public names: each family's index, the root index (the errors plus every family), and the
// package.json subpaths.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as root from '../src/index.js';
import { families, familyFolders } from './support/families.js';

const ERRORS = ['MetricError', 'isMetricError'];

describe('exports', () => {
  it('has an entry for every family folder', () => {
    expect(Object.keys(families).sort()).toEqual(familyFolders());
  });

  it.each(familyFolders())('src/%s/index.ts exports exactly the pinned names', async (family) => {
    const module = (await import(`../src/${family}/index.ts`)) as Record<string, unknown>;
    expect(Object.keys(module).sort()).toEqual([...(families[family]?.names ?? [])].sort());
  });

  it('the root index exports the errors and every family, nothing else', () => {
    const expected = [...ERRORS, ...Object.values(families).flatMap((family) => family.names)].sort();
    expect(Object.keys(root).sort()).toEqual(expected);
  });

  it('every family has a sample call of each of its functions', () => {
    for (const [family, { names, samples }] of Object.entries(families)) {
      const functions = names.filter((name) => typeof (root as Record<string, unknown>)[name] === 'function');
      expect(Object.keys(samples).sort(), family).toEqual(functions.sort());
      for (const name of functions) expect(samples[name]?.length ?? 0, name).toBeGreaterThan(0);
    }
  });

  it('package.json has a subpath with types for every family', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
    const subpaths = Object.keys(pkg.exports).filter((key) => key !== '.' && key !== './package.json');
    expect(subpaths.sort()).toEqual(familyFolders().map((family) => `./${family}`));
    for (const family of familyFolders()) {
      expect(pkg.exports[`./${family}`]).toEqual({
        import: { types: `./dist/${family}/index.d.ts`, default: `./dist/${family}/index.js` },
        require: { types: `./dist/${family}/index.d.cts`, default: `./dist/${family}/index.cjs` },
      });
    }
  });
});
