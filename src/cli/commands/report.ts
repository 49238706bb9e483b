// report: every family on a folder of standard files (or on files named one by one), in one readable report.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command, CommandContext, OptionSpec } from '../command.js';
import { stringOption } from '../command.js';
import { addMonths, DAY_MS, epochOf, formatDay, formatMonth, monthStart } from '../dates.js';
import { isMetricError } from '../../index.js';
import { UsageError } from '../errors.js';
import { cell, type MoneyFields, type Output, type Table } from '../output.js';
import { readRatesObject } from '../rates.js';
import { NothingToMeasure } from './surveyTally.js';

/** The files the report reads: the option that names each, and its name in a folder. */
const FILES = {
  subscriptions: 'subscriptions.csv',
  rates: 'exchange-rates.json',
  'dated-rates': 'exchange-rates.csv',
  invoices: 'invoices.csv',
  customers: 'customers.csv',
  survey: 'survey-responses.csv',
  accounts: 'accounts.csv',
  scorecard: 'scorecard.json',
  tickets: 'tickets.csv',
  events: 'events.csv',
  sessions: 'sessions.csv',
} as const;

type Family = keyof typeof FILES;

/** Each family's file, from its option or the folder; undefined when there is none. */
type Paths = Partial<Record<Family, string>>;

/** What the report was asked for, passed to every section. */
interface Settings {
  readonly paths: Paths;
  /** `--as-of` as given, and the last calendar month that has ended by the end of that day. */
  readonly asOf: { readonly day: string; readonly month: string } | undefined;
  readonly currency: string | undefined;
}

/** One section of the report: a command run on one family's file, when there is one. */
interface Section {
  readonly key: string;
  readonly heading: string;
  readonly family: Family;
  readonly command: () => Promise<Command>;
  /** The option the family's file is given with; default: the command's input file. */
  readonly fileOption?: string;
  /** The options of the section's command; `earlier` holds the results of the sections before it. */
  readonly values: (
    settings: Settings,
    earlier: Record<string, unknown>,
  ) => Record<string, string | boolean | string[]>;
}

const surveyValues =
  (name: string) =>
  ({ asOf }: Settings): Record<string, string> => ({ survey: name, ...(asOf ? { to: asOf.day } : {}) });

const SECTIONS: readonly Section[] = [
  {
    key: 'mrr',
    heading: 'Revenue',
    family: 'subscriptions',
    command: async () => (await import('./revenue.js')).mrr,
    values: ({ paths, asOf, currency }) => ({
      ...ratesValues(paths, currency),
      ...(asOf ? { to: asOf.month } : {}),
    }),
  },
  {
    key: 'trials',
    heading: 'Trial conversion',
    family: 'subscriptions',
    command: async () => (await import('./trials.js')).trials,
    values: ({ asOf }) => ({ within: '30', ...(asOf ? { to: asOf.day } : {}) }),
  },
  {
    key: 'invoiced',
    heading: 'Invoiced revenue',
    family: 'invoices',
    fileOption: 'invoices',
    command: async () => (await import('./revenue.js')).mrr,
    values: ({ paths, asOf, currency }, earlier) => {
      // The months of the Revenue section, when it ran, so that the two series end together.
      const last = Array.isArray(earlier.mrr) ? field(earlier.mrr.at(-1), 'month') : undefined;
      const to = asOf?.month ?? (typeof last === 'string' ? last : undefined);
      return { by: 'quarter', ...ratesValues(paths, currency), ...(to ? { to } : {}) };
    },
  },
  {
    key: 'churn',
    heading: 'Customer churn, last month',
    family: 'customers',
    command: async () => (await import('./retention.js')).churn,
    values: ({ asOf }) => (asOf ? { month: asOf.month } : {}),
  },
  {
    key: 'cohorts',
    heading: 'Cohorts',
    family: 'customers',
    command: async () => (await import('./retention.js')).cohorts,
    values: ({ asOf }) => ({ period: 'quarter', ...(asOf ? { 'as-of': asOf.day } : {}) }),
  },
  {
    key: 'lifetime',
    heading: 'Customer lifetimes and value',
    family: 'customers',
    command: async () => (await import('./lifetime.js')).lifetime,
    values: ({ asOf }, earlier) => {
      const arpa = Array.isArray(earlier.mrr) ? field(earlier.mrr.at(-1), 'averageRevenuePerAccount') : undefined;
      return { ...(typeof arpa === 'number' ? { arpa: String(arpa) } : {}), ...(asOf ? { 'as-of': asOf.day } : {}) };
    },
  },
  {
    key: 'nps',
    heading: 'Net Promoter Score',
    family: 'survey',
    command: async () => (await import('./survey.js')).nps,
    values: surveyValues('nps'),
  },
  {
    key: 'csat',
    heading: 'Customer satisfaction',
    family: 'survey',
    command: async () => (await import('./survey.js')).csat,
    values: surveyValues('csat'),
  },
  {
    key: 'ces',
    heading: 'Customer effort',
    family: 'survey',
    command: async () => (await import('./survey.js')).ces,
    values: surveyValues('ces'),
  },
  {
    key: 'health',
    heading: 'Customer health',
    family: 'accounts',
    command: async () => (await import('./health.js')).health,
    values: ({ paths }) => ({ scorecard: paths.scorecard ?? '', lowest: '5' }),
  },
  {
    key: 'support',
    heading: 'Support',
    family: 'tickets',
    command: async () => (await import('./operations.js')).support,
    values: () => ({}),
  },
  {
    key: 'engagement',
    heading: 'Engagement',
    family: 'events',
    command: async () => (await import('./operations.js')).engagement,
    values: ({ paths, asOf }) => ({
      feature: 'reports',
      ...(paths.sessions ? { sessions: paths.sessions } : {}),
      ...(paths.customers ? { customers: paths.customers } : {}),
      ...(asOf ? { 'as-of': asOf.day } : {}),
    }),
  },
];

const FILE_FLAGS: Readonly<Record<string, OptionSpec>> = Object.fromEntries(
  Object.entries(FILES).map(([family, name]) => [
    family,
    { type: 'string', value: 'file', description: `the ${family} file (default: ${name} in the folder)` },
  ]),
);

/**
 * The Revenue section's rates: the dated rates when there are (to the --currency, else to the currency the
 * JSON rates name), else the fixed rates.
 */
function ratesValues(paths: Paths, currency: string | undefined): Record<string, string> {
  if (paths['dated-rates'] === undefined)
    return { ...(paths.rates ? { rates: paths.rates } : {}), ...(currency ? { currency } : {}) };
  const target = currency ?? (paths.rates === undefined ? undefined : readRatesObject(paths.rates).currency);
  return { rates: paths['dated-rates'], ...(target ? { currency: target } : {}) };
}

/** Each family's file: the one its option names, else the folder's file of the standard name if it exists. */
function resolvePaths(context: CommandContext, folder: string | undefined): Paths {
  const paths: Paths = {};
  for (const [family, name] of Object.entries(FILES) as [Family, string][]) {
    const given = stringOption(context, family);
    if (given !== undefined) {
      if (!existsSync(given) || !statSync(given).isFile()) throw new UsageError(`--${family} ${given}: no such file`);
      paths[family] = given;
    } else if (folder !== undefined && existsSync(join(folder, name))) {
      paths[family] = join(folder, name);
    }
  }
  return paths;
}

/** `--as-of`, a day, with the last calendar month that has ended by the end of it. */
function asOfOption(context: CommandContext): Settings['asOf'] {
  const text = stringOption(context, 'as-of');
  if (text === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? epochOf(text) : Number.NaN;
  if (Number.isNaN(time)) throw new UsageError(`--as-of must be a day written YYYY-MM-DD, not '${text}'`);
  const month = formatMonth(addMonths(monthStart(formatMonth(time + DAY_MS)), -1));
  return { day: formatDay(time), month };
}

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
  const trials = json.trials as Json;
  if (trials) {
    rows.push([
      'trials converted within 30 days',
      `${((field(trials, 'rate') as number) * 100).toFixed(1)} % (${String(field(trials, 'converted'))} of ${String(field(trials, 'started'))})`,
    ]);
  }
  const invoiced = Array.isArray(json.invoiced) ? (json.invoiced.at(-1) as Json) : undefined;
  if (invoiced) {
    add(`usage revenue invoiced (${String(field(invoiced, 'period'))})`, field(invoiced, 'usageRevenue'), 'money');
    add(`one-off revenue invoiced (${String(field(invoiced, 'period'))})`, field(invoiced, 'oneOffRevenue'), 'money');
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
  usage: 'cs-metrics report [folder] [--subscriptions file] [--customers file] [--survey file] … [--as-of 2024-12-31]',
  description:
    'Reads subscriptions (with fixed or dated exchange rates), invoice lines, customers, survey responses, accounts with a scorecard, tickets, events and sessions, in the shapes the other commands read, and prints each family that has its file: the MRR series with its movements (and FX impact with dated rates), trial conversion, the series from invoice lines with usage and one-off revenue, churn, cohorts, survey scores with their intervals, the health distribution with its calibration, support times and engagement. Each file is named by its option or found in the folder under its standard name (subscriptions.csv, exchange-rates.json, exchange-rates.csv for dated rates, invoices.csv, customers.csv, survey-responses.csv, accounts.csv, scorecard.json, tickets.csv, events.csv, sessions.csv); a family without a file is skipped. --as-of ends the MRR series and the churn period with the last month ended by that day, and dates the cohorts, lifetimes, surveys and engagement.',
  options: {
    'as-of': {
      type: 'string',
      value: 'YYYY-MM-DD',
      description: 'the date of the report (default: the data’s last dates)',
    },
    currency: { type: 'string', value: 'code', description: 'currency of the revenue figures (ISO 4217)' },
    ...FILE_FLAGS,
  },
  examples: [
    'cs-metrics report examples/data',
    'cs-metrics report examples/data --as-of 2024-06-30',
    'cs-metrics report --subscriptions billing.csv --rates rates.json --currency EUR --survey answers.csv',
    'cs-metrics report exports/ --json > report.json',
  ],
  async run(context) {
    const [folder, ...rest] = context.positionals;
    if (rest.length > 0) throw new UsageError('one folder is expected');
    if (folder !== undefined && (!existsSync(folder) || !statSync(folder).isDirectory()))
      throw new UsageError(`${folder} is not a folder`);
    const settings: Settings = {
      paths: resolvePaths(context, folder),
      asOf: asOfOption(context),
      currency: stringOption(context, 'currency'),
    };
    if (folder === undefined && Object.keys(settings.paths).length === 0) {
      throw new UsageError('give a folder or at least one file (--subscriptions, --customers, --survey, …)');
    }
    const tables: Table[] = [];
    const notes: string[] = [];
    const warnings: string[] = [];
    const json: Record<string, unknown> = {};
    const money: MoneyFields[] = [];
    const where = folder === undefined ? '' : ` in ${folder}`;
    for (const section of SECTIONS) {
      const file = settings.paths[section.family];
      if (file === undefined) {
        notes.push(`${section.heading}: no ${FILES[section.family]}${where} and no --${section.family}, skipped.`);
        continue;
      }
      if (section.family === 'accounts' && settings.paths.scorecard === undefined) {
        notes.push(`${section.heading}: no ${FILES.scorecard}${where} and no --scorecard, skipped.`);
        continue;
      }
      const command = await section.command();
      const values = section.values(settings, json);
      const sub: CommandContext = {
        values: section.fileOption === undefined ? values : { ...values, [section.fileOption]: file },
        positionals: section.fileOption === undefined ? [file] : [],
        progress: context.progress,
        warn: context.warn,
      };
      let output: Output;
      try {
        output = await command.run(sub);
      } catch (error) {
        // A family with nothing to measure up to --as-of is skipped, said on stderr; bad data still stops.
        if (!(isMetricError(error) && error.code === 'NO_DATA') && !(error instanceof NothingToMeasure)) throw error;
        warnings.push(`${section.heading}: skipped: ${error.message.replace(/^\w+: /, '')}`);
        continue;
      }
      json[section.key] = output.json;
      money.push(...(output.money ?? []));
      output.tables.forEach((table, index) => {
        tables.push(index === 0 ? { ...table, title: `■ ${section.heading}\n\n${table.title ?? ''}` } : table);
      });
      notes.push(...(output.notes ?? []).map((note) => `${section.heading}: ${note}`));
      warnings.push(...(output.warnings ?? []).map((warning) => `${section.heading}: ${warning}`));
    }
    if (tables.length === 0)
      throw new UsageError(`${folder ?? 'the files given'} has none of the files the report reads`);
    // The lifetime values are computed from the MRR section's ARPA, so they are in its currency.
    const currency = money.find((fields) => fields.currency !== undefined)?.currency;
    const summary = summaryTable(json, currency);
    return {
      json,
      money: money.map((fields) => ({ ...fields, currency: fields.currency ?? currency })),
      tables: summary.rows.length > 0 ? [summary, ...tables] : tables,
      notes,
      warnings,
    } satisfies Output;
  },
};
