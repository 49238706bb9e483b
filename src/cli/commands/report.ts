// report: every family on a folder of standard files, in one readable report.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, CommandContext } from '../command.js';
import { UsageError } from '../errors.js';
import { cell, type MoneyFields, type Output, type Table } from '../output.js';

/** One section of the report: a command run on a file of the folder, when the file is there. */
interface Section {
  readonly key: string;
  readonly heading: string;
  readonly file: string;
  readonly command: () => Promise<Command>;
  /** The options of the section's command; `earlier` holds the results of the sections before it. */
  readonly values: (folder: string, earlier: Record<string, unknown>) => Record<string, string | boolean | string[]>;
}

const SECTIONS: readonly Section[] = [
  {
    key: 'mrr',
    heading: 'Revenue',
    file: 'subscriptions.csv',
    command: async () => (await import('./revenue.js')).mrr,
    values: (folder) =>
      existsSync(join(folder, 'exchange-rates.json')) ? { rates: join(folder, 'exchange-rates.json') } : {},
  },
  {
    key: 'churn',
    heading: 'Customer churn, last month',
    file: 'customers.csv',
    command: async () => (await import('./retention.js')).churn,
    values: () => ({}),
  },
  {
    key: 'cohorts',
    heading: 'Cohorts',
    file: 'customers.csv',
    command: async () => (await import('./retention.js')).cohorts,
    values: () => ({ period: 'quarter' }),
  },
  {
    key: 'lifetime',
    heading: 'Customer lifetimes and value',
    file: 'customers.csv',
    command: async () => (await import('./lifetime.js')).lifetime,
    values: (_folder, earlier) => {
      const arpa = Array.isArray(earlier.mrr) ? field(earlier.mrr.at(-1), 'averageRevenuePerAccount') : undefined;
      return typeof arpa === 'number' ? { arpa: String(arpa) } : {};
    },
  },
  {
    key: 'nps',
    heading: 'Net Promoter Score',
    file: 'survey-responses.csv',
    command: async () => (await import('./survey.js')).nps,
    values: () => ({ where: ['survey=nps'] }),
  },
  {
    key: 'csat',
    heading: 'Customer satisfaction',
    file: 'survey-responses.csv',
    command: async () => (await import('./survey.js')).csat,
    values: () => ({ where: ['survey=csat'] }),
  },
  {
    key: 'ces',
    heading: 'Customer effort',
    file: 'survey-responses.csv',
    command: async () => (await import('./survey.js')).ces,
    values: () => ({ where: ['survey=ces'] }),
  },
  {
    key: 'health',
    heading: 'Customer health',
    file: 'accounts.csv',
    command: async () => (await import('./health.js')).health,
    values: (folder) => ({ scorecard: join(folder, 'scorecard.json'), lowest: '5' }),
  },
  {
    key: 'support',
    heading: 'Support',
    file: 'tickets.csv',
    command: async () => (await import('./operations.js')).support,
    values: () => ({}),
  },
  {
    key: 'engagement',
    heading: 'Engagement',
    file: 'events.csv',
    command: async () => (await import('./operations.js')).engagement,
    values: (folder) => ({
      feature: 'reports',
      ...(existsSync(join(folder, 'sessions.csv')) ? { sessions: join(folder, 'sessions.csv') } : {}),
      ...(existsSync(join(folder, 'customers.csv')) ? { customers: join(folder, 'customers.csv') } : {}),
    }),
  },
];

type Json = Record<string, unknown> | undefined;
const field = (value: unknown, key: string): unknown => (value as Json)?.[key];

/** The headline figures of every section that ran, first in the report. */
function summaryTable(json: Record<string, unknown>, currency: string | undefined): Table {
  const rows: unknown[][] = [];
  const add = (label: string, value: unknown, kind: 'money' | 'percent' | 'number' | 'integer') => {
    if (typeof value === 'number') rows.push([label, cell(value, kind, kind === 'money' ? currency : undefined)]);
  };
  const last = Array.isArray(json.mrr) ? (json.mrr.at(-1) as Json) : undefined;
  if (last) {
    add(`MRR (${String(field(last, 'month'))})`, field(last, 'mrr'), 'money');
    add('ARR', field(last, 'arr'), 'money');
    add('paying customers', field(last, 'customers'), 'integer');
    add('ARPA', field(last, 'averageRevenuePerAccount'), 'money');
    add('net revenue retention (trailing 12 months)', field(last, 'netRevenueRetention'), 'percent');
    add('gross revenue retention (trailing 12 months)', field(last, 'grossRevenueRetention'), 'percent');
  }
  add('logo churn, last month', field(json.churn, 'churnRate'), 'percent');
  add(
    'discounted lifetime value of a new customer',
    field(field(json.lifetime, 'lifetimeValue'), 'discountedLifetimeValue'),
    'money',
  );
  const nps = json.nps as Json;
  if (nps) {
    const interval = field(nps, 'interval') as { low: number; high: number };
    rows.push([
      'NPS',
      `${(field(nps, 'score') as number).toFixed(1)} (${interval.low.toFixed(1)} to ${interval.high.toFixed(1)})`,
    ]);
  }
  add('CSAT', field(json.csat, 'score'), 'percent');
  add('CES, average (1–7)', field(json.ces, 'average'), 'number');
  const healthJson = json.health as Json;
  if (healthJson) {
    const distribution = field(healthJson, 'distribution') as Record<string, { count: number }>;
    rows.push([
      'health: red / yellow / green',
      `${distribution.red?.count} / ${distribution.yellow?.count} / ${distribution.green?.count}`,
    ]);
    add('health score AUC against churn', field(field(healthJson, 'calibration'), 'auc'), 'number');
  }
  add('median first response (hours)', field(field(json.support, 'firstResponse'), 'median'), 'number');
  add('first contact resolution', field(json.support, 'firstContactResolutionRate'), 'percent');
  add('stickiness (DAU ÷ MAU)', field(json.engagement, 'stickiness'), 'percent');
  return { title: 'Summary', columns: [{ name: 'measure' }, { name: 'value' }], rows };
}

export const report: Command = {
  name: 'report',
  summary: 'every family on a folder of standard files, in one report',
  usage: 'cs-metrics report <folder>',
  description:
    'Looks in a folder for subscriptions.csv (with exchange-rates.json), customers.csv, survey-responses.csv, accounts.csv with scorecard.json, tickets.csv, events.csv and sessions.csv, in the shapes the other commands read, and prints each family that has its file: the MRR series with its movements, churn, cohorts, survey scores with their intervals, the health distribution with its calibration, support times and engagement. A missing file skips its section.',
  options: {},
  examples: ['cs-metrics report examples/data', 'cs-metrics report exports/ --json > report.json'],
  async run(context) {
    const [folder, ...rest] = context.positionals;
    if (folder === undefined) throw new UsageError('a folder is required');
    if (rest.length > 0) throw new UsageError('one folder is expected');
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`${folder} is not a folder`);
    const tables: Table[] = [];
    const notes: string[] = [];
    const json: Record<string, unknown> = {};
    const money: MoneyFields[] = [];
    for (const section of SECTIONS) {
      const file = join(folder, section.file);
      if (!existsSync(file)) {
        notes.push(`${section.heading}: no ${section.file} in ${folder}, skipped.`);
        continue;
      }
      const command = await section.command();
      const sub: CommandContext = {
        values: section.values(folder, json),
        positionals: [file],
        progress: context.progress,
      };
      const output = await command.run(sub);
      json[section.key] = output.json;
      money.push(...(output.money ?? []));
      output.tables.forEach((table, index) => {
        tables.push(index === 0 ? { ...table, title: `■ ${section.heading}\n\n${table.title ?? ''}` } : table);
      });
      notes.push(...(output.notes ?? []).map((note) => `${section.heading}: ${note}`));
    }
    if (tables.length === 0) throw new UsageError(`${folder} has none of the files the report reads`);
    // The lifetime values are computed from the MRR section's ARPA, so they are in its currency.
    const currency = money.find((fields) => fields.currency !== undefined)?.currency;
    const summary = summaryTable(json, currency);
    return {
      json,
      money: money.map((fields) => ({ ...fields, currency: fields.currency ?? currency })),
      tables: summary.rows.length > 0 ? [summary, ...tables] : tables,
      notes,
    } satisfies Output;
  },
};
