import { readdirSync, readFileSync, statSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

/** One entry per metric family folder (src/<family>/index.ts), plus the root entry. */
const families: string[] = readdirSync('src').filter(
  (name) => name !== 'internal' && name !== 'cli' && statSync(`src/${name}`).isDirectory(),
);
const entries: string[] = ['src/index.ts', ...families.map((family) => `src/${family}/index.ts`)];

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const shared: Options = { target: 'es2022', sourcemap: false, clean: false, outDir: 'dist', treeshake: false };

/**
 * ESM: one output file per source file, imports kept. A bundler then drops every module a caller does not
 * use, and with it decimal.js, which is not free of side effects and so survives any import of a shared
 * chunk that mentions it.
 */
const esm: Options = {
  ...shared,
  entry: ['src/**/*.ts', '!src/**/*.test.ts', '!src/cli/**'],
  format: ['esm'],
  bundle: false,
  dts: false,
};

/** CommonJS: one bundle per entry point, for `require`. */
const cjs: Options = {
  ...shared,
  entry: entries,
  format: ['cjs'],
  splitting: true,
  treeshake: true,
  dts: false,
};

/** Declarations for both formats (`.d.ts` and `.d.cts`), per entry point. */
const types: Options = {
  ...shared,
  entry: entries,
  format: ['esm', 'cjs'],
  dts: { only: true, compilerOptions: { ignoreDeprecations: '6.0' } },
};

/** The command line: its own bundle, so that no library entry ever imports command-line code. */
const cli: Options = {
  entry: { 'cli/main': 'src/cli/main.ts' },
  format: ['esm'],
  platform: 'node',
  target: 'node20',
  dts: false,
  sourcemap: false,
  clean: false,
  splitting: false,
  outDir: 'dist',
  removeNodeProtocol: false,
  define: { __VERSION__: JSON.stringify(version) },
};

const config: Options[] = [esm, cjs, types, cli];

export default defineConfig(config);
