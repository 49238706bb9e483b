// How TypeScript finds the package's declarations under each `moduleResolution` a user may have: the root and
// every family subpath must resolve to the declaration file package.json names for it. The package is laid
// out in a temporary node_modules/ from the real package.json, with a stub file at each declared path, so
// this needs no build; `attw --pack .` in `npm run test:package` checks the built package the same way.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { familyFolders } from './support/families.js';

const NAME = 'customer-success-metrics';

interface Conditions {
  readonly types: string;
  readonly default: string;
}
interface PackageJson {
  readonly types: string;
  readonly exports: Record<string, { import: Conditions; require: Conditions } | string>;
  readonly typesVersions: Record<string, Record<string, string[]>>;
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;

const subpaths = ['.', ...familyFolders().map((family) => `./${family}`)];
const conditions = (subpath: string) => pkg.exports[subpath] as { import: Conditions; require: Conditions };

/** A project folder whose node_modules/ holds the package: its package.json and a stub at each types path. */
function installed(json: PackageJson): string {
  const project = mkdtempSync(join(tmpdir(), 'csm-resolution-'));
  const root = join(project, 'node_modules', NAME);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify(json));
  const stubs = new Set([
    json.types,
    ...subpaths.flatMap((s) => [conditions(s).import.types, conditions(s).require.types]),
  ]);
  for (const file of stubs) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), 'export declare const stub: true;\n');
  }
  return project;
}

/** Where TypeScript resolves `import … from specifier` in a file of `project` (relative to the package). */
function resolve(project: string, specifier: string, options: ts.CompilerOptions, mode?: ts.ResolutionMode) {
  const from = join(project, 'index.ts');
  const found = ts.resolveModuleName(specifier, from, options, ts.sys, undefined, undefined, mode);
  const file = found.resolvedModule?.resolvedFileName;
  return file === undefined ? undefined : `./${file.slice(join(project, 'node_modules', NAME).length + 1)}`;
}

const NODE10: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Node10, module: ts.ModuleKind.CommonJS };
const NODE16: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Node16, module: ts.ModuleKind.Node16 };
const BUNDLER: ts.CompilerOptions = { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext };

const specifier = (subpath: string) => (subpath === '.' ? NAME : `${NAME}/${subpath.slice(2)}`);

describe('type resolution of every entry point', () => {
  const project = installed(pkg);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it.each(subpaths)('%s under moduleResolution node10 (typesVersions)', (subpath) => {
    expect(resolve(project, specifier(subpath), NODE10)).toBe(conditions(subpath).require.types);
  });

  it.each(subpaths)('%s under node16, from CommonJS and from ESM', (subpath) => {
    expect(resolve(project, specifier(subpath), NODE16, ts.ModuleKind.CommonJS)).toBe(
      conditions(subpath).require.types,
    );
    expect(resolve(project, specifier(subpath), NODE16, ts.ModuleKind.ESNext)).toBe(conditions(subpath).import.types);
  });

  it.each(subpaths)('%s under bundler', (subpath) => {
    expect(resolve(project, specifier(subpath), BUNDLER)).toBe(conditions(subpath).import.types);
  });

  it('typesVersions maps exactly the family subpaths', () => {
    expect(Object.keys(pkg.typesVersions)).toEqual(['*']);
    expect(Object.keys(pkg.typesVersions['*'] ?? {}).sort()).toEqual(familyFolders());
  });

  it('fails without typesVersions: node10 ignores exports', () => {
    const { typesVersions: _dropped, ...withoutTypesVersions } = pkg;
    const bare = installed(withoutTypesVersions as PackageJson);
    try {
      expect(resolve(bare, specifier('./survey'), NODE10)).toBeUndefined();
      expect(resolve(bare, NAME, NODE10)).toBe(pkg.types);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
