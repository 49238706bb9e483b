// support end to end: the tickets created from --from to --to.
import { describe, expect, it } from 'vitest';
import { asPrinted, runCli } from '../../../test/support/cli.js';

describe('support --from and --to', () => {
  const TICKETS = 'examples/data/tickets.csv';

  it('keep the tickets created on those days (UTC), as the library counts them', async () => {
    const { readFileSync } = await import('node:fs');
    const { supportResponseTimes } = await import('../../index.js');
    const lines = readFileSync(TICKETS, 'utf8').trim().split('\n');
    const header = (lines[0] as string).split(',');
    const tickets = lines
      .slice(1)
      .map((line) => Object.fromEntries(line.split(',').map((value, index) => [header[index], value])))
      .filter((row) => row.createdAt >= '2024-06-01' && row.createdAt < '2024-07-01')
      .map(({ createdAt, firstResponseAt, resolvedAt }) => ({
        createdAt,
        ...(firstResponseAt ? { firstResponseAt } : {}),
        ...(resolvedAt ? { resolvedAt } : {}),
      }));
    const { code, stdout, stderr } = await runCli([
      'support',
      TICKETS,
      '--from',
      '2024-06-01',
      '--to',
      '2024-06-30',
      '--json',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(stdout)).toMatchObject(asPrinted(supportResponseTimes({ tickets }, { unit: 'hour' })));
  });

  it('warn beyond the tickets, and name the file and filters when none is left', async () => {
    const before = await runCli(['support', TICKETS, '--from', '2020-01-01']);
    expect(before.code).toBe(0);
    expect(before.stderr).toBe(
      'cs-metrics support: warning: --from 2020-01-01 is before the first of the tickets (2023-12-31)\n',
    );
    const none = await runCli(['support', TICKETS, '--from', '2030-01-01']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      new RegExp(
        `^cs-metrics support: ${TICKETS} has no tickets \\(after --from 2030-01-01\\); its tickets are dated 2023-12-31 to \\d{4}-\\d{2}-\\d{2}\\n$`,
      ),
    );
    expect((await runCli(['support', 'missing.csv', '--to', 'June'])).stderr).toBe(
      "cs-metrics support: --to must be a day written YYYY-MM-DD, not 'June'\n",
    );
  });
});
