// The command line as the package's bin runs it: a separate process, piped output, a large file.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliPath, npsOnSmallHeap } from '../../test/support/cli.js';

const FIXTURES = 'test/fixtures/cli';

describe('cs-metrics as a process', () => {
  it('runs as a separate process, the way the package bin does', () => {
    const { code, stdout } = cli(['nps', `${FIXTURES}/nps.csv`, '--where', 'survey=nps', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).responses).toBe(5);
  });

  it('stops quietly when the reader closes the pipe early', () => {
    // Hundreds of kilobytes of JSON: more than a pipe holds, so the writer sees the pipe close.
    const command = `set -o pipefail; "${process.execPath}" ${cliPath()} report examples/data --json | head -n 1`;
    const result = spawnSync('bash', ['-c', command], { encoding: 'utf8' });
    expect(result.stdout).toBe('{\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it.skipIf(!existsSync('/dev/full'))('says on one line that a full disk stopped the output, with exit code 1', () => {
    const command = `"${process.execPath}" ${cliPath()} report examples/data --json > /dev/full`;
    const result = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('cs-metrics: cannot write the output: ENOSPC: no space left on device, write\n');
  });

  it('leaves no partial --output file when the command fails', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-main-'));
    const target = join(folder, 'report.json');
    expect(cli(['nps', `${FIXTURES}/nps-bad.csv`, '--json', '--output', target]).code).toBe(2);
    expect(readdirSync(folder)).toEqual([]);
    writeFileSync(target, 'previous');
    expect(cli(['nps', `${FIXTURES}/nps-bad.csv`, '--json', '--output', target]).code).toBe(2);
    expect(readFileSync(target, 'utf8')).toBe('previous');
    expect(readdirSync(folder)).toEqual(['report.json']);
    const ok = cli(['nps', `${FIXTURES}/nps.csv`, '--survey', 'nps', '--json', '--output', target]);
    expect(ok).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(target, 'utf8')).responses).toBeGreaterThan(0);
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it.skipIf(!existsSync('/dev/full'))('writes nothing over --output when the disk is full', () => {
    // /dev/full stands in for a full disk: the temporary file cannot be created beside it, so nothing is renamed.
    const result = cli(['nps', `${FIXTURES}/nps.csv`, '--survey', 'nps', '--json', '--output', '/dev/full']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cs-metrics nps: cannot write \/dev\/full: [^\n]+\n$/);
    expect(result.stderr).not.toContain('    at ');
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it('streams a large file in bounded memory', async () => {
    mkdirSync('.cache', { recursive: true });
    const path = '.cache/large-nps.csv';
    const rows = 1_000_000;
    // A 24 MB heap cannot hold a million parsed rows; only a streamed read gets through.
    const { code, stdout, stderr } = await npsOnSmallHeap(path, rows, {
      head: 'score\n',
      line: (j) => `${j % 11}\n`,
      tail: '',
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).responses).toBe(rows);
  }, 120_000);
});
