// `npm install` runs this (the `prepare` script), and so does installing the package from git, where npm
// installs the dev dependencies first: it builds dist/ when dist/ is missing or older than what it is built
// from, and otherwise does nothing, so that an install in a working copy, or `npm pack` after a build,
// costs no second build.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The latest modification time under `path` (a file or a folder), test files excluded. */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)));
  return latest;
}

const output = 'dist/index.js';
const inputs = ['src', 'package.json', 'tsup.config.ts', 'tsconfig.json'];
const stale = !existsSync(output) || inputs.some((input) => newest(input) > statSync(output).mtimeMs);

if (stale) {
  console.log('prepare: building dist/ (npm run build)');
  execSync('npm run build', { stdio: 'inherit' });
} else {
  console.log('prepare: dist/ is up to date');
}
