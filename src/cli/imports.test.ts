// The command line is a user of the package like any other: it imports the package's public entry points
// (src/index.ts and src/<family>/index.ts), its own modules and outside packages, never a metric's file,
// internal/ or a family's _lib/.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');
const CLI = join(SRC, 'cli');

/** The package's entry points, relative to src: the root index and each family's index (internal is none). */
const PUBLIC = /^(?:index|(?!internal\/)[a-z]+\/index)\.ts$/;

/** The module specifiers of a source text: static imports and exports, and dynamic imports. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;
  for (const match of source.matchAll(pattern)) found.push(match[2] as string);
  return found;
}

/** Why an import of `specifier` from `file` is not allowed in the command line, or undefined when it is. */
function importProblem(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = relative(SRC, resolve(dirname(file), specifier).replace(/\.js$/, '.ts'));
  if (target.startsWith('cli/') || PUBLIC.test(target)) return undefined;
  return `${specifier} is not a public entry point (src/index.ts or src/<family>/index.ts)`;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('command-line imports', () => {
  it('reads every kind of import', () => {
    expect(
      specifiers(
        "import { a } from '../../models/index.js';\nimport type { B } from \"./b.js\";\nexport { c } from '../c.js';\nimport 'x';\nconst d = await import('./d.js');",
      ),
    ).toEqual(['../../models/index.js', './b.js', '../c.js', 'x', './d.js']);
  });

  it('tells a public entry point from a private module', () => {
    const command = join(CLI, 'commands', 'lifetime.ts');
    expect(importProblem(command, '../../models/index.js')).toBeUndefined();
    expect(importProblem(command, '../../index.js')).toBeUndefined();
    expect(importProblem(command, '../command.js')).toBeUndefined();
    expect(importProblem(command, 'node:fs')).toBeUndefined();
    expect(importProblem(command, 'csv-parse')).toBeUndefined();
    expect(importProblem(command, '../../internal/dates.js')).toContain('not a public entry point');
    expect(importProblem(command, '../../internal/index.js')).toContain('not a public entry point');
    expect(importProblem(command, '../../models/survivalCurve.js')).toContain('not a public entry point');
    expect(importProblem(command, '../../models/_lib/kaplanMeier.js')).toContain('not a public entry point');
    expect(importProblem(join(CLI, 'run.ts'), '../errors.js')).toContain('not a public entry point');
    expect(importProblem(join(CLI, 'run.ts'), './errors.js')).toBeUndefined();
  });

  it('imports only public entry points, its own modules and packages', () => {
    const files = sourceFiles(CLI);
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((file) =>
      specifiers(readFileSync(file, 'utf8'))
        .map((specifier) => importProblem(file, specifier))
        .filter((problem) => problem !== undefined)
        .map((problem) => `${relative(SRC, file)}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });
});
