// Every command end to end on awkward real-world CSVs (test/fixtures/csv, described in its README): the
// figures must equal those of the same data written as plain comma-separated files.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/cli.js';

const CORPUS = 'test/fixtures/csv';
const CLEAN = `${CORPUS}/clean`;
const DATA = 'examples/data';

async function json(args: readonly string[]): Promise<unknown> {
  const { code, stdout, stderr } = await runCli([...args, '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout);
}

/** Runs a command on the awkward files and on the clean ones; both must print the same figures. */
async function same(command: string, awkward: readonly string[], clean: readonly string[], options: string[] = []) {
  const fromAwkward = await json([command, ...awkward, ...options]);
  const fromClean = await json([command, ...clean, ...options]);
  expect(fromAwkward).toEqual(fromClean);
  return fromAwkward as Record<string, unknown> & unknown[];
}

describe('every command on the awkward-CSV corpus', () => {
  it('nps, csat and ces on an Excel export: BOM, CRLF, semicolons, comments with line breaks', async () => {
    const excel = [`${CORPUS}/survey-responses-excel.csv`];
    const plain = [`${CLEAN}/survey-responses.csv`];
    expect((await same('nps', excel, plain, ['--where', 'survey=nps'])).responses).toBe(495);
    expect((await same('csat', excel, plain, ['--where', 'survey=csat'])).responses).toBe(67);
    expect((await same('ces', excel, plain, ['--where', 'survey=ces'])).responses).toBe(38);
  });

  it('nps, csat and ces on a JSON array: byte-order mark, CRLF, indented, escapes, nested and null fields', async () => {
    const array = ['test/fixtures/json/survey-responses.json'];
    const plain = [`${CLEAN}/survey-responses.csv`];
    expect((await same('nps', array, plain, ['--where', 'survey=nps'])).responses).toBe(495);
    expect((await same('csat', array, plain, ['--where', 'survey=csat'])).responses).toBe(67);
    expect((await same('ces', array, plain, ['--where', 'survey=ces'])).responses).toBe(38);
  });

  it('mrr on semicolons with decimal commas and thousands dots, detected or asked for', async () => {
    const options = ['--rates', `${DATA}/exchange-rates.json`, '--from', '2023-01', '--to', '2024-12'];
    const awkward = `${CORPUS}/subscriptions-decimal-comma.csv`;
    const rows = await same('mrr', [awkward], [`${CLEAN}/subscriptions.csv`], options);
    expect(rows).toHaveLength(24);
    expect(await json(['mrr', awkward, '--decimal-comma', ...options])).toEqual(rows);
  });

  it('churn, cohorts and lifetime on a tab file whose company names hold ; , quotes and line breaks', async () => {
    const tab = [`${CORPUS}/customers-tab.tsv`];
    const plain = [`${CLEAN}/customers.csv`];
    expect((await same('churn', tab, plain, ['--month', '2024-12'])).customersAtStart).toBeGreaterThan(0);
    await same('cohorts', tab, plain, ['--period', 'quarter', '--as-of', '2025-01-01']);
    await same('lifetime', tab, plain, ['--as-of', '2024-12-31', '--arpa', '210']);
  });

  it('churn, cohorts and lifetime on an Excel CSV saved in Windows-1252, with one warning naming the file', async () => {
    const windows = `${CORPUS}/customers-windows-1252.csv`;
    const plain = `${CLEAN}/customers.csv`;
    const warning = `cs-metrics churn: warning: ${windows} is not UTF-8: read as Windows-1252, the encoding of Excel's "CSV" on Western Windows\n`;
    for (const options of [
      ['churn', '--month', '2024-12'],
      ['churn', '--month', '2024-12', '--where', 'name=Müller; Söhne GmbH 5'],
      ['cohorts', '--period', 'quarter', '--as-of', '2025-01-01'],
      ['lifetime', '--as-of', '2024-12-31', '--arpa', '210'],
    ]) {
      const [command, ...rest] = options as [string, ...string[]];
      const fromWindows = await runCli([command, windows, ...rest, '--json']);
      expect(fromWindows.code).toBe(0);
      expect(fromWindows.stderr).toBe(warning.replace('churn', command));
      expect(fromWindows.stdout).toBe(await runCli([command, plain, ...rest, '--json']).then((clean) => clean.stdout));
    }
    expect(await json(['churn', plain, '--month', '2024-12', '--where', 'name=Müller; Söhne GmbH 5'])).toMatchObject({
      customersAtStart: 1,
    });
  });

  it('support on a CRLF file with every field quoted', async () => {
    await same('support', [`${CORPUS}/tickets-quoted.csv`], [`${CLEAN}/tickets.csv`]);
  });

  it('engagement on pipes, and sessions with ; and tabs in an unquoted free-text column', async () => {
    const options = (sessions: string, customers: string) => [
      '--feature',
      'reports',
      '--sessions',
      sessions,
      '--customers',
      customers,
    ];
    const awkward = await json([
      'engagement',
      `${CORPUS}/events-pipe.csv`,
      ...options(`${CORPUS}/sessions-free-text.csv`, `${CORPUS}/customers-tab.tsv`),
    ]);
    const clean = await json([
      'engagement',
      `${CLEAN}/events.csv`,
      ...options(`${CLEAN}/sessions.csv`, `${CLEAN}/customers.csv`),
    ]);
    expect(awkward).toEqual(clean);
  });

  it('health on semicolons with decimal commas, detected from the file', async () => {
    const result = await same(
      'health',
      [`${CORPUS}/accounts-semicolon.csv`],
      [`${CLEAN}/accounts.csv`],
      ['--scorecard', `${DATA}/scorecard.json`],
    );
    expect(result).toMatchObject({ distribution: { total: 269 } });
  });

  it('report on a folder of the awkward files under the standard names', async () => {
    const folders = { awkward: '.cache/corpus-report/awkward', clean: '.cache/corpus-report/clean' };
    const files: [string, string, string][] = [
      ['subscriptions.csv', 'subscriptions-decimal-comma.csv', 'subscriptions.csv'],
      ['customers.csv', 'customers-tab.tsv', 'customers.csv'],
      ['survey-responses.csv', 'survey-responses-excel.csv', 'survey-responses.csv'],
      ['accounts.csv', 'accounts-semicolon.csv', 'accounts.csv'],
      ['tickets.csv', 'tickets-quoted.csv', 'tickets.csv'],
      ['events.csv', 'events-pipe.csv', 'events.csv'],
      ['sessions.csv', 'sessions-free-text.csv', 'sessions.csv'],
    ];
    for (const folder of Object.values(folders)) {
      mkdirSync(folder, { recursive: true });
      copyFileSync(`${DATA}/exchange-rates.json`, `${folder}/exchange-rates.json`);
      copyFileSync(`${DATA}/scorecard.json`, `${folder}/scorecard.json`);
    }
    for (const [name, awkward, clean] of files) {
      copyFileSync(`${CORPUS}/${awkward}`, `${folders.awkward}/${name}`);
      copyFileSync(`${CLEAN}/${clean}`, `${folders.clean}/${name}`);
    }
    const awkward = JSON.stringify(await json(['report', folders.awkward])).replaceAll(folders.awkward, 'FOLDER');
    const clean = JSON.stringify(await json(['report', folders.clean])).replaceAll(folders.clean, 'FOLDER');
    expect(awkward).toBe(clean);
  });
});

describe('bad files and options: exit 2, one line, no stack', () => {
  async function refused(args: readonly string[]) {
    const { code, stdout, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/\bat .*:\d+:\d+/);
    return stderr.trimEnd();
  }

  it('names the line a broken record starts on, after quoted fields holding CRLF', async () => {
    expect(await refused(['nps', `${CORPUS}/bad-score-after-multiline.csv`])).toMatch(
      /^cs-metrics nps: test\/fixtures\/csv\/bad-score-after-multiline\.csv, line 6, column score: /,
    );
  });

  it('names the record a JSON array file is cut short in', async () => {
    mkdirSync('.cache/corpus', { recursive: true });
    const cut = '.cache/corpus/survey-responses-cut.json';
    writeFileSync(cut, readFileSync('test/fixtures/json/survey-responses.json').subarray(0, 40_000));
    expect(await refused(['nps', cut])).toMatch(
      /^cs-metrics nps: \.cache\/corpus\/survey-responses-cut\.json, record \d+: is not valid JSON: the file ends inside this record: /,
    );
  });

  it('refuses a repeated column, an empty or multi-character delimiter', async () => {
    expect(await refused(['churn', `${CORPUS}/duplicate-column.csv`, '--month', '2024-12'])).toBe(
      `cs-metrics churn: ${CORPUS}/duplicate-column.csv has the column 'name' twice (columns 2 and 4): rename one`,
    );
    expect(await refused(['nps', `${CLEAN}/survey-responses.csv`, '--delimiter', ''])).toBe(
      "cs-metrics nps: --delimiter must be one character other than a quote or a line break (or tab), not ''",
    );
    expect(await refused(['nps', `${CLEAN}/survey-responses.csv`, '--delimiter', ',;'])).toContain('--delimiter');
  });

  it('reads with a given delimiter, spelled out or escaped', async () => {
    const tab = `${CORPUS}/customers-tab.tsv`;
    const detected = await json(['churn', tab, '--month', '2024-12']);
    expect(await json(['churn', tab, '--month', '2024-12', '--delimiter', 'tab'])).toEqual(detected);
    expect(await json(['churn', tab, '--month', '2024-12', '--delimiter', '\\t'])).toEqual(detected);
    expect(await refused(['churn', tab, '--month', '2024-12', '--delimiter', ','])).toMatch(/no column 'id'/);
  });

  it('turns a folder, a missing file and a folder given as JSON into one line', async () => {
    for (const format of ['csv', 'json', 'jsonl']) {
      expect(await refused(['nps', CORPUS, '--format', format])).toBe(
        `cs-metrics nps: cannot read ${CORPUS}: it is a folder; give the path of a file`,
      );
    }
    expect(await refused(['support', 'examples/data'])).toBe(
      'cs-metrics support: cannot read examples/data: it is a folder; give the path of a file',
    );
    expect(await refused(['mrr', `${CORPUS}/missing.csv`])).toBe(
      `cs-metrics mrr: cannot read ${CORPUS}/missing.csv: no such file`,
    );
  });

  it('refuses --map to an inherited name, and --where never matches one', async () => {
    expect(await refused(['mrr', `${CLEAN}/subscriptions.csv`, '--map', '__proto__=amount'])).toMatch(
      /--map must be field=column with a field among customerId, amount/,
    );
    expect(await refused(['mrr', `${CLEAN}/subscriptions.csv`, '--map', 'constructor=amount'])).toMatch(
      /--map must be/,
    );
    mkdirSync('.cache/corpus', { recursive: true });
    const path = '.cache/corpus/answers.json';
    (await import('node:fs')).writeFileSync(path, JSON.stringify([{ score: 9 }, { score: 3 }]));
    const { code, stderr } = await runCli(['nps', path, '--where', 'constructor=x', '--json']);
    expect(code).not.toBe(0);
    expect(stderr).not.toContain('unexpected');
    expect(await json(['nps', path, '--where', 'toString='])).toMatchObject({ responses: 2 });
  });
});

describe('the progress line', () => {
  async function stderrOf(args: readonly string[], isTTY: boolean) {
    const { run } = await import('./run.js');
    let stderr = '';
    const code = await run(args, {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text), isTTY },
      env: {},
    });
    expect(code).toBe(0);
    return stderr;
  }
  const file = `${CORPUS}/survey-responses-excel.csv`;

  it('is shown on a terminal with --progress, even for a short read', async () => {
    const line = await stderrOf(['nps', file, '--where', 'survey=nps', '--progress'], true);
    expect(line.startsWith('\r\u001b[2K')).toBe(true);
    expect(line).toMatch(/survey-responses-excel\.csv: 600 rows, [\d,]+ rows\/s, 100 %\n$/);
  });

  it('is never shown with --no-progress, nor when stderr is not a terminal', async () => {
    expect(await stderrOf(['nps', file, '--where', 'survey=nps', '--no-progress'], true)).toBe('');
    expect(await stderrOf(['nps', file, '--where', 'survey=nps', '--progress'], false)).toBe('');
    expect(await stderrOf(['nps', file, '--where', 'survey=nps'], true)).toBe('');
  });
});
