import { readdirSync, statSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

/** One entry per metric family folder (src/<family>/index.ts), plus the root entry. */
const families: string[] = readdirSync('src').filter(
  (name) => name !== 'internal' && statSync(`src/${name}`).isDirectory(),
);

const config: Options = {
  entry: ['src/index.ts', ...families.map((family) => `src/${family}/index.ts`)],
  format: ['esm', 'cjs'],
  dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
  sourcemap: false,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'es2022',
  outDir: 'dist',
};

export default defineConfig(config);
