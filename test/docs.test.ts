// Every code sample in README.md and docs/*.md runs.
//
// - ```ts (or js) blocks run with the library's exports in scope and their `// =>` / `// ≈` values checked.
//   Import lines from the library (`customer-success-metrics`, `customer-success-metrics/survey`, …) are
//   dropped; other imports (`node:fs`, `csv-parse/sync`, …) are resolved, and `require` works for both.
// - ```sql blocks run in DuckDB against the sample data (the tables of SETUP below); the ts block that follows
//   a sql block receives the query's rows as `rows`.
// - ```console blocks hold command lines: each `$ cs-metrics …` line runs the command line in this process and
//   what it prints (stdout, then stderr) must equal the lines below it, up to the next `$` line; a line `…`
//   stands for any number of lines. A last line `[exit N]` states a non-zero exit code.
// A block preceded by `<!-- no-run -->` is not run.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { runCli } from './support/cli.js';
import { runSample } from './support/examples.js';

const files = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

interface Block {
  readonly language: 'ts' | 'sql' | 'console';
  readonly where: string;
  readonly code: string;
}

function blocks(file: string): Block[] {
  const source = readFileSync(file, 'utf8');
  const out: Block[] = [];
  const fence = /(<!--\s*no-run\s*-->\s*\n)?```(ts|typescript|js|javascript|sql|console)\n([\s\S]*?)```/g;
  for (let match = fence.exec(source); match !== null; match = fence.exec(source)) {
    if (match[1]) continue;
    const line = source.slice(0, match.index).split('\n').length;
    const language = match[2] === 'sql' ? 'sql' : match[2] === 'console' ? 'console' : 'ts';
    out.push({ language, where: `${file}:${line}`, code: match[3] ?? '' });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// The sample company as warehouse tables: snake_case columns, dates and timestamps typed, money as DECIMAL
// (DuckDB returns DECIMAL values as exact decimal strings, BIGINT counts as strings).

const DATA = 'examples/data';
const rates = JSON.parse(readFileSync(`${DATA}/exchange-rates.json`, 'utf8')) as {
  currency: string;
  exchangeRates: Record<string, string>;
};

const SETUP = `
  CREATE TABLE customers AS
  SELECT id AS customer_id, name, segment, currency,
         CAST(signedUpAt AS TIMESTAMP) AS signed_up_at,
         CAST("start" AS DATE) AS start_date,
         CAST("end" AS DATE) AS end_date,
         CAST(firstValueAt AS TIMESTAMP) AS first_value_at
  FROM read_csv('${DATA}/customers.csv', header = true, all_varchar = true);

  CREATE TABLE subscriptions AS
  SELECT id AS subscription_id, customerId AS customer_id, plan,
         CAST(amount AS DECIMAL(12, 2)) AS amount, currency,
         "interval" AS billing_interval,
         CAST(intervalCount AS INTEGER) AS interval_count,
         CAST(quantity AS INTEGER) AS quantity,
         CAST(NULLIF(discountPercent, '') AS DECIMAL(5, 4)) AS discount_percent,
         CAST(NULLIF(discountAmount, '') AS DECIMAL(12, 2)) AS discount_amount,
         CAST("start" AS DATE) AS start_date,
         CAST(NULLIF("end", '') AS DATE) AS end_date,
         status
  FROM read_csv('${DATA}/subscriptions.csv', header = true, all_varchar = true);

  CREATE TABLE exchange_rates (currency VARCHAR, rate DECIMAL(10, 4));
  INSERT INTO exchange_rates VALUES ('${rates.currency}', 1)${Object.entries(rates.exchangeRates)
    .map(([code, rate]) => `, ('${code}', ${Number(rate)})`)
    .join('')};

  CREATE TABLE survey_responses AS
  SELECT survey, respondent, CAST(answeredAt AS DATE) AS answered_at, CAST(score AS INTEGER) AS score
  FROM read_csv('${DATA}/survey-responses.csv', header = true, all_varchar = true);

  CREATE TABLE tickets AS
  SELECT id AS ticket_id, customerId AS customer_id,
         CAST(createdAt AS TIMESTAMP) AS created_at,
         CAST(NULLIF(firstResponseAt, '') AS TIMESTAMP) AS first_response_at,
         CAST(NULLIF(resolvedAt, '') AS TIMESTAMP) AS resolved_at,
         CAST(NULLIF(contacts, '') AS INTEGER) AS contacts
  FROM read_csv('${DATA}/tickets.csv', header = true, all_varchar = true);

  CREATE TABLE events AS
  SELECT userId AS user_id, customerId AS customer_id, CAST("at" AS TIMESTAMP) AS occurred_at, feature
  FROM read_csv('${DATA}/events.csv', header = true, all_varchar = true);

  CREATE TABLE sessions AS
  SELECT userId AS user_id, CAST("start" AS TIMESTAMP) AS started_at, CAST("end" AS TIMESTAMP) AS ended_at
  FROM read_csv('${DATA}/sessions.csv', header = true, all_varchar = true);

  CREATE TABLE accounts AS
  SELECT customerId AS customer_id, segment,
         CAST(weeklyActiveShare AS DECIMAL(5, 2)) AS weekly_active_share,
         CAST(seatUtilization AS DECIMAL(5, 2)) AS seat_utilization,
         CAST(daysSinceLastLogin AS INTEGER) AS days_since_last_login,
         CAST(openTickets AS INTEGER) AS open_tickets,
         CAST(NULLIF(nps, '') AS INTEGER) AS nps,
         CAST(executiveSponsor AS BOOLEAN) AS executive_sponsor,
         CAST(churned AS BOOLEAN) AS churned
  FROM read_csv('${DATA}/accounts.csv', header = true, all_varchar = true);
`;

async function database() {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(SETUP);
  return connection;
}

// ---------------------------------------------------------------------------------------------------------
// Imports of a TypeScript sample: the library's are in scope already; others are loaded.

const LIBRARY = /^customer-success-metrics(\/[a-z]+)?$/;
const nodeRequire = createRequire(import.meta.url);

/** `require` for samples: the library's entry points give its exports, anything else Node's module. */
function sampleRequire(id: string): unknown {
  return LIBRARY.test(id) ? lib : nodeRequire(id);
}

/** The names bound by the sample's imports of modules other than the library. */
async function importedNames(code: string): Promise<Record<string, unknown>> {
  const names: Record<string, unknown> = {};
  const statement = /^\s*import\s+(.+?)\s+from\s+['"]([^'"]+)['"];?\s*$/gm;
  for (let match = statement.exec(code); match !== null; match = statement.exec(code)) {
    const [, clause = '', specifier = ''] = match;
    if (LIBRARY.test(specifier) || clause.startsWith('type ')) continue;
    const module = (await import(specifier)) as Record<string, unknown>;
    const namespace = /^\*\s+as\s+(\w+)$/.exec(clause);
    if (namespace) {
      names[namespace[1] as string] = module;
      continue;
    }
    const [, defaultName, named] = /^(\w+)?\s*,?\s*(?:\{([^}]*)\})?$/.exec(clause) ?? [];
    if (defaultName) names[defaultName] = module.default;
    for (const part of (named ?? '').split(',')) {
      const [imported, local] = part
        .trim()
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/);
      if (imported) names[local ?? imported] = module[imported];
    }
  }
  return names;
}

// ---------------------------------------------------------------------------------------------------------
// Command lines.

/** Splits a command line into arguments (single and double quotes group words). */
function argv(line: string): string[] {
  const words: string[] = [];
  const word = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let match = word.exec(line); match !== null; match = word.exec(line)) {
    words.push(match[1] ?? match[2] ?? match[3] ?? '');
  }
  return words;
}

/** A pattern for expected output with elided parts: a line `…` stands for any number of lines. */
function elided(lines: readonly string[]): RegExp {
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const groups: string[][] = [[]];
  for (const line of lines) {
    if (line === '…') groups.push([]);
    else groups.at(-1)?.push(line);
  }
  let source = '';
  groups.forEach((group, index) => {
    const text = literal(group.join('\n'));
    if (index === 0) source = group.length > 0 ? text : '';
    else if (index === 1 && groups[0]?.length === 0)
      source = group.length > 0 ? `(?:[\\s\\S]*?\\n)?${text}` : '[\\s\\S]*';
    else if (group.length === 0) source += '(?:\\n[\\s\\S]*)?';
    else source += `\\n(?:[\\s\\S]*?\\n)?${text}`;
  });
  return new RegExp(`^${source}$`);
}

async function runConsole(block: Block): Promise<number> {
  const lines = block.code.replace(/\n$/, '').split('\n');
  let ran = 0;
  for (let i = 0; i < lines.length; i++) {
    const command = /^\$ (?:npx )?cs-metrics(?: (.*))?$/.exec(lines[i] as string);
    if (!command) continue;
    const expected: string[] = [];
    while (i + 1 < lines.length && !(lines[i + 1] as string).startsWith('$ ')) expected.push(lines[++i] as string);
    let exitCode = 0;
    const last = /^\[exit (\d+)\]$/.exec(expected.at(-1) ?? '');
    if (last) {
      exitCode = Number(last[1]);
      expected.pop();
    }
    const result = await runCli(argv(command[1] ?? ''));
    const printed = `${result.stdout}${result.stderr}`.replace(/\n+$/, '');
    const where = `${block.where}: $ cs-metrics ${command[1] ?? ''}`;
    const text = expected.join('\n').replace(/\n+$/, '');
    if (expected.includes('…')) expect(printed, where).toMatch(elided(expected));
    else expect(printed, where).toBe(text);
    expect(result.code, `${where}: exit code`).toBe(exitCode);
    ran++;
  }
  expect(ran, `${block.where}: a console block runs at least one command`).toBeGreaterThan(0);
  return ran;
}

describe('documentation samples', () => {
  it.each(files.filter((file) => blocks(file).length > 0))('%s', async (file) => {
    const connection = await database();
    let rows: unknown[] | undefined;
    let ran = 0;
    for (const block of blocks(file)) {
      if (block.language === 'sql') {
        const reader = await connection.runAndReadAll(block.code);
        rows = reader.getRowObjectsJson();
        expect(rows.length, `${block.where}: the query returns rows`).toBeGreaterThan(0);
      } else if (block.language === 'console') {
        await runConsole(block);
        rows = undefined;
      } else {
        const extra = { require: sampleRequire, ...(await importedNames(block.code)), ...(rows ? { rows } : {}) };
        await runSample({ where: block.where, code: block.code }, lib as Record<string, unknown>, extra);
        rows = undefined;
      }
      ran++;
    }
    expect(ran).toBeGreaterThan(0);
  });
});
