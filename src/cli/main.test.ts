// The command line as the package's bin runs it: a separate process, piped output, a large file.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, cliPath } from '../../test/support/cli.js';

const FIXTURES = 'test/fixtures/cli';

describe('cs-metrics as a process', () => {
  it('runs as a separate process, the way the package bin does', () => {
    const { code, stdout } = cli(['nps', `${FIXTURES}/nps.csv`, '--where', 'survey=nps', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).responses).toBe(5);
  });

  it('stops quietly when the reader closes the pipe early', () => {
    // Hundreds of kilobytes of JSON: more than a pipe holds, so the writer sees the pipe close.
    const command = `"${process.execPath}" ${cliPath()} report examples/data --json | head -n 1`;
    const result = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
    expect(result.stdout).toBe('{\n');
    expect(result.stderr).toBe('');
  });

  it('streams a large file in bounded memory', async () => {
    mkdirSync('.cache', { recursive: true });
    const path = '.cache/large-nps.csv';
    const out = createWriteStream(path);
    out.write('score\n');
    const rows = 1_000_000;
    for (let i = 0; i < rows; i += 10_000) {
      let chunk = '';
      for (let j = i; j < i + 10_000; j++) chunk += `${j % 11}\n`;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    // A 24 MB heap cannot hold a million parsed rows; only a streamed read gets through.
    const { code, stdout, stderr } = cli(['nps', path, '--json'], ['--max-old-space-size=24']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).responses).toBe(rows);
  }, 120_000);
});
