// engagement end to end: --from and --to measure stickiness and adoption over those days.
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../test/support/cli.js';

const EVENTS = 'examples/data/events.csv';

const json = async (args: string[]) => {
  const { code, stdout, stderr } = await runCli(['engagement', EVENTS, '--feature', 'reports', '--json', ...args]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as { stickiness: number; adoption: { eligibleUsers: number } };
};

describe('engagement --from and --to', () => {
  it('measure over those days, both included (UTC), as --as-of and --window-days would', async () => {
    const window = await json(['--from', '2024-12-01', '--to', '2024-12-14']);
    expect(window).toEqual(await json(['--as-of', '2024-12-14', '--window-days', '14']));
    expect(window).not.toEqual(await json(['--as-of', '2024-12-14', '--window-days', '13']));
    expect(window.adoption.eligibleUsers).toBeGreaterThan(0);
    // --to alone ends the usual 30 days; --from alone runs to the day of the last event (2024-12-31).
    expect(await json(['--to', '2024-12-20'])).toEqual(await json(['--as-of', '2024-12-20']));
    expect(await json(['--from', '2024-12-02'])).toEqual(await json(['--as-of', '2024-12-31']));
    expect(await json(['--from', '2024-12-10'])).toEqual(await json(['--as-of', '2024-12-31', '--window-days', '22']));
  });

  it('warn beyond the events, and refuse what cannot be measured, before reading where they can', async () => {
    const before = await runCli(['engagement', EVENTS, '--from', '2024-11-01', '--to', '2024-11-30']);
    expect(before.code).toBe(0);
    expect(before.stderr).toBe(
      'cs-metrics engagement: warning: --from 2024-11-01 is before the first of the events (2024-11-17)\n',
    );
    const refused: [string[], string][] = [
      [['--from', '2024-12-01', '--as-of', '2024-12-31'], 'choose --from and --to, or --as-of and --window-days'],
      [
        ['--from', '2024-01-01', '--to', '2025-06-30'],
        '--from 2024-01-01 --to 2025-06-30 spans 547 days; stickiness is measured over at most 366',
      ],
      [['--to', '2024-12-01', '--from', '2024-12-31'], '--to 2024-12-01 is before --from 2024-12-31'],
    ];
    for (const [args, message] of refused) {
      // The file does not exist: an option checked after opening it would be reported as a missing file.
      expect(await runCli(['engagement', 'missing.csv', ...args])).toMatchObject({
        code: 2,
        stderr: `cs-metrics engagement: ${message}\n`,
      });
    }
    expect(await runCli(['engagement', EVENTS, '--from', '2026-03-01'])).toMatchObject({
      code: 2,
      stderr:
        'cs-metrics engagement: examples/data/events.csv has no events (after --from 2026-03-01); its events are dated 2024-11-17 to 2024-12-31\n',
    });
  });
});
