import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';
import { writeWhole } from './file.js';

const DIR = '.cache/output-file-test';
rmSync(DIR, { recursive: true, force: true });
mkdirSync(DIR, { recursive: true });

const modeOf = (path: string) => statSync(path).mode & 0o7777;

describe('writeWhole', () => {
  it('keeps the permissions of the file it replaces', () => {
    for (const mode of [0o600, 0o640, 0o755]) {
      const path = join(DIR, `kept-${mode.toString(8)}.json`);
      writeFileSync(path, 'previous');
      chmodSync(path, mode);
      writeWhole(path, 'new');
      expect(readFileSync(path, 'utf8')).toBe('new');
      expect(modeOf(path)).toBe(mode);
    }
    expect(readdirSync(DIR).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('creates a new file with the default permissions (0666 less the umask)', () => {
    const path = join(DIR, 'new.json');
    writeWhole(path, 'text');
    expect(modeOf(path)).toBe(0o666 & ~process.umask());
  });

  it('replaces the file a symbolic link points to, and keeps the link', () => {
    const real = join(DIR, 'real.json');
    const link = join(DIR, 'link.json');
    writeFileSync(real, 'previous');
    chmodSync(real, 0o640);
    symlinkSync('real.json', link);
    writeWhole(link, 'new');
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(modeOf(real)).toBe(0o640);
    expect(statSync(link, { throwIfNoEntry: false }) && readFileSync(link, 'utf8')).toBe('new');
    expect(readdirSync(DIR).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps the mode of an --output file end to end', async () => {
    const path = join(DIR, 'nps.json');
    writeFileSync(path, '{}');
    chmodSync(path, 0o640);
    const result = await runCli([
      'nps',
      'test/fixtures/cli/nps.csv',
      '--where',
      'survey=nps',
      '--json',
      '--output',
      path,
    ]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(path, 'utf8')).responses).toBe(5);
    expect(modeOf(path)).toBe(0o640);
  });
});

describe('writeWhole in pieces', () => {
  it('writes the pieces in order', () => {
    const path = join(DIR, 'pieces.json');
    writeWhole(path, ['{', '"é": ', '"\u{1F600}"', '}\n']);
    expect(readFileSync(path, 'utf8')).toBe('{"é": "\u{1F600}"}\n');
  });

  it('leaves the previous file and no temporary file when producing the pieces fails', () => {
    const path = join(DIR, 'failing.json');
    writeFileSync(path, 'previous');
    const failure = new Error('no more rows');
    function* pieces() {
      yield 'x'.repeat(100_000);
      throw failure;
    }
    expect(() => writeWhole(path, pieces())).toThrow(failure);
    expect(readFileSync(path, 'utf8')).toBe('previous');
    expect(readdirSync(DIR).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
