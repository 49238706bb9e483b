// support --by COLUMN end to end: one line per segment, each the library's times of its tickets, the small
// ones marked, the library result with --json, a blank cell in the flag words, and a period word refused.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';
import { supportResponseTimes } from '../../support/index.js';

const folder = mkdtempSync(join(tmpdir(), 'cs-metrics-support-segments-'));
const path = join(folder, 'tickets.csv');
// EU: first responses after 1 h and 3 h, one resolved after 10 h; US: one answered after 2 h, unresolved.
const TICKETS = [
  'createdAt,firstResponseAt,resolvedAt,region',
  '2024-01-01T00:00:00Z,2024-01-01T01:00:00Z,2024-01-01T10:00:00Z,EU',
  '2024-01-02T00:00:00Z,2024-01-02T03:00:00Z,,EU',
  '2024-01-03T00:00:00Z,2024-01-03T02:00:00Z,,US',
];
writeFileSync(path, TICKETS.join('\n'));

describe('support --by COLUMN', () => {
  it('prints the line of all tickets, then one line per segment, small ones marked', async () => {
    const { code, stdout, stderr } = await runCli(['support', path, '--by', 'region', '--minimum-segment-size', '2']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(`Support times in hours by region — ${path}`);
    expect(lines.slice(3, 6).map((line) => line.trimEnd().split(/ {2,}/))).toEqual([
      ['(all)', '3', '2', '2.8', '10', '10', '2'],
      ['EU', '2', '2', '2.8', '10', '10', '1'],
      ['US', '1', '2', '2', '—', '—', '1', '*'],
    ]);
    expect(stdout).toContain(`Support times in hours — ${path}`);
    expect(stdout).toContain('* fewer than 2 tickets: a small sample');
  });

  it('gives the library result with --json, the total as without --by', async () => {
    const plain = JSON.parse((await runCli(['support', path, '--json'])).stdout);
    const { stdout } = await runCli(['support', path, '--by', 'region', '--json']);
    const tickets = TICKETS.slice(1).map((line) => {
      const [createdAt = '', firstResponseAt = '', resolvedAt = '', region = ''] = line.split(',');
      return {
        createdAt,
        ...(firstResponseAt === '' ? {} : { firstResponseAt }),
        ...(resolvedAt === '' ? {} : { resolvedAt }),
        attributes: { region },
      };
    });
    const expected = supportResponseTimes({ tickets }, { unit: 'hour', segmentBy: 'region' });
    expect(JSON.parse(stdout)).toEqual({ total: plain, segments: asPrinted(expected.segments) });
  });

  it('stops at a blank cell in the flag words and refuses a period', async () => {
    const blank = join(folder, 'blank.csv');
    writeFileSync(blank, [...TICKETS, '2024-01-04T00:00:00Z,,,'].join('\n'));
    expect((await runCli(['support', blank, '--by', 'region'])).stderr).toBe(
      `cs-metrics support: ${blank}, line 5, column region: region is blank: --by region needs a value on every ticket; add --missing-segment group to count such tickets in (none)\n`,
    );
    expect((await runCli(['support', path, '--by', 'month'])).stderr).toBe(
      'cs-metrics support: support takes --by COLUMN (plan, region …), not --by month: give the period with --from and --to\n',
    );
  });
});
