import { readFileSync, readdirSync, statSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

/** One entry per metric family folder (src/<family>/index.ts), plus the root entry. */
const families: string[] = readdirSync('src').filter(
  (name) => name !== 'internal' && name !== 'cli' && statSync(`src/${name}`).isDirectory(),
);

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

const library: Options = {
  entry: ['src/index.ts', ...families.map((family) => `src/${family}/index.ts`)],
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: false,
  clean: false,
  splitting: true,
  treeshake: true,
  target: 'es2022',
  outDir: 'dist',
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

const config: Options[] = [library, cli];

export default defineConfig(config);
