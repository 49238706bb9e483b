// Records kept in compact columns give the library exactly the results (and the errors) that plain record
// objects built from the same cells give: on the bundled examples, on generated files and on awkward cells.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cohortRetention } from '../cohort/index.js';
import { averageSessionDuration, stickiness, timeToFirstValue } from '../engagement/index.js';
import { lifetimeObservations, survivorsByPeriod } from '../models/index.js';
import { customerChurn } from '../retention/index.js';
import { recurringRevenueSeries } from '../revenue/index.js';
import { supportResponseTimes } from '../support/index.js';
import {
  type CommandContext,
  cellValue,
  type FieldSpec,
  type FieldSpecs,
  filteredRecords,
  type LoadedRecords,
  loadRecords,
  locate,
} from './command.js';
import { SUBSCRIPTION_FIELDS, type SubscriptionRow, subscriptionRecords } from './commands/revenue.js';
import { LIFETIME_FIELDS } from './commands/retention.js';
import { EVENT_FIELDS, TICKET_FIELDS } from './commands/operations.js';

const context: CommandContext = { values: {}, positionals: [], progress: undefined };

/** How records were loaded before the compact columns: one object per record, cells as read. */
async function plainRecords<T>(
  file: string,
  fieldSpecs: FieldSpecs<T>,
): Promise<{ records: T[]; locations: string[] }> {
  const fields = Object.entries(fieldSpecs as Readonly<Record<string, FieldSpec | undefined>>);
  const required = fields.filter(([, spec]) => spec?.required).map(([, spec]) => (spec as FieldSpec).column);
  const records: T[] = [];
  const locations: string[] = [];
  for await (const row of filteredRecords(context, file, required)) {
    const record: Record<string, unknown> = {};
    for (const [field, spec] of fields) {
      if (spec === undefined) continue;
      const value = row.fields[spec.column];
      if (value === undefined || value === null || value === '') {
        if (spec.required) record[field] = undefined;
        continue;
      }
      if (spec.kind === 'number') record[field] = cellValue(value);
      else if (spec.kind === 'boolean' && typeof value === 'string') {
        const text = value.trim().toLowerCase();
        record[field] =
          text === 'true' || text === 'yes' || text === '1'
            ? true
            : text === 'false' || text === 'no' || text === '0'
              ? false
              : value;
      } else record[field] = value;
    }
    records.push(record as T);
    locations.push(row.location);
  }
  return { records, locations };
}

/** The result of `call` on both loadings, or the message of the error it throws, located as the commands do. */
async function both<T, R>(
  file: string,
  specs: FieldSpecs<T>,
  call: (records: readonly T[], loaded?: LoadedRecords<T>) => R,
): Promise<{ compact: unknown; plain: unknown; loaded: LoadedRecords<T> }> {
  const loaded = await loadRecords(context, file, specs);
  const plain = await plainRecords(file, specs);
  const outcome = (
    locations: { at(index: number): string | undefined },
    records: readonly T[],
    compact?: LoadedRecords<T>,
  ) => {
    try {
      return locate(file, locations, loaded.columns, () => call(records, compact));
    } catch (error) {
      return { error: (error as Error).message };
    }
  };
  return {
    compact: outcome(loaded.locations, loaded.records, loaded),
    plain: outcome(plain.locations, plain.records),
    loaded,
  };
}

/** How subscription rows became library records before: a rest pattern and a spread. */
const plainSubscriptions = (rows: readonly SubscriptionRow[]) =>
  rows.map(({ discountPercent, discountAmount, ...record }) => {
    if (discountPercent !== undefined) return { ...record, discount: { percent: discountPercent } };
    if (discountAmount !== undefined) return { ...record, discount: { amount: discountAmount } };
    return record;
  });
const USD = { currency: 'USD', exchangeRates: { EUR: '1.0870' } };

const lifetimeCalls: Record<string, (customers: readonly unknown[]) => unknown> = {
  churn: (customers: readonly unknown[]) =>
    customerChurn({ customers: customers as never, period: { from: '2024-10-01', to: '2025-01-01' } }),
  cohorts: (customers: readonly unknown[]) =>
    cohortRetention({ customers: customers as never }, { asOf: '2024-12-31' }),
  observations: (customers: readonly unknown[]) =>
    lifetimeObservations({ customers: customers as never }, { asOf: '2024-12-31', unit: 'month' }),
  survivors: (customers: readonly unknown[]) =>
    survivorsByPeriod(
      { customers: customers as never },
      { from: '2023-01-01', to: '2024-01-01', asOf: '2024-12-31', unit: 'month', periods: 24 },
    ),
};

function generated(kind: string, rows: number): string {
  mkdirSync('.cache', { recursive: true });
  const path = `.cache/loading-${kind}-${rows}.csv`;
  const result = spawnSync(process.execPath, ['scripts/generate-large.mjs', kind, String(rows), path]);
  expect(result.status).toBe(0);
  return path;
}

describe('records in compact columns', () => {
  it.each([['examples/data/subscriptions.csv'], ['generated']])(
    'give recurringRevenueSeries the same series: %s',
    async (source) => {
      const file = source === 'generated' ? generated('subscriptions', 20_000) : source;
      const { compact, plain, loaded } = await both(file, SUBSCRIPTION_FIELDS, (rows, loaded) =>
        recurringRevenueSeries(
          { subscriptions: loaded ? subscriptionRecords(loaded) : plainSubscriptions(rows) },
          { from: '2021-01', to: '2025-12', ...USD },
        ),
      );
      expect(loaded.length).toBeGreaterThan(1000);
      expect(compact).toEqual(plain);
      expect(compact).not.toHaveProperty('error');
    },
  );

  it.each([['examples/data/customers.csv'], ['generated']])(
    'give the lifetime metrics the same results: %s',
    async (source) => {
      const file = source === 'generated' ? generated('customers', 20_000) : source;
      for (const call of Object.values(lifetimeCalls)) {
        const { compact, plain } = await both(file, LIFETIME_FIELDS, call);
        expect(compact).toEqual(plain);
        expect(compact).not.toHaveProperty('error');
      }
    },
  );

  it.each([['examples/data/tickets.csv'], ['generated']])(
    'give supportResponseTimes the same times: %s',
    async (source) => {
      const file = source === 'generated' ? generated('tickets', 20_000) : source;
      for (const unit of ['hour', 'minute'] as const) {
        const { compact, plain } = await both(file, TICKET_FIELDS, (tickets) =>
          supportResponseTimes({ tickets: tickets.map(({ contacts: _, ...ticket }) => ticket) }, { unit }),
        );
        expect(compact).toEqual(plain);
        expect(compact).not.toHaveProperty('error');
      }
    },
  );

  it('give the engagement metrics the same results on the examples', async () => {
    const events = await both('examples/data/events.csv', EVENT_FIELDS, (rows) =>
      stickiness({ events: rows.map(({ feature: _, ...event }) => event) }),
    );
    expect(events.compact).toEqual(events.plain);
    const sessions = await both(
      'examples/data/sessions.csv',
      {
        start: { column: 'start', kind: 'date', required: true },
        end: { column: 'end', kind: 'date', required: true },
      },
      (rows) => averageSessionDuration({ sessions: rows as never }, { unit: 'minute' }),
    );
    expect(sessions.compact).toEqual(sessions.plain);
    const customers = await both(
      'examples/data/customers.csv',
      {
        startedAt: { column: 'signedUpAt', kind: 'date', required: true },
        firstValueAt: { column: 'firstValueAt', kind: 'date' },
      },
      (rows) => timeToFirstValue({ customers: rows as never }, { unit: 'day' }),
    );
    expect(customers.compact).toEqual(customers.plain);
    expect(customers.compact).not.toHaveProperty('error');
  });

  it('keep awkward money and dates exact, and their errors identical', async () => {
    mkdirSync('.cache', { recursive: true });
    const header = 'customerId,amount,currency,interval,quantity,discountPercent,discountAmount,start,end,status';
    const valid = [
      'a,249.00,USD,month,3,0.20,,2024-01-15,,active',
      'b,0.1,USD,month,1,,,2024-01-15T10:00:00Z,2024-06-01T00:00:00.000Z,active',
      'c,1.0000000000000000001,USD,week,1,,0.5,2024-02-01T10:00:00+02:00,,active',
      'd,12345678901234567890.5,USD,year,1,,,2024-01-01 10:00,2025-01-01,past_due',
      'e,007.50,USD,quarter,1,0.000000123,,2024-03-01,2024-09-30T23:59:59.999Z,active',
      'f,19.99,USD,day,2,,,2024-02-29,2024-04-01,active',
    ];
    const file = '.cache/loading-awkward.csv';
    writeFileSync(file, `${header}\n${valid.join('\n')}\n`);
    const call = (rows: readonly SubscriptionRow[], loaded?: LoadedRecords<SubscriptionRow>) =>
      recurringRevenueSeries(
        { subscriptions: loaded ? subscriptionRecords(loaded) : plainSubscriptions(rows) },
        { from: '2024-01', to: '2025-02' },
      );
    const good = await both(file, SUBSCRIPTION_FIELDS, call);
    expect(good.compact).toEqual(good.plain);
    expect(good.compact).not.toHaveProperty('error');
    // The exact values the library is given: numbers only where the number is the same decimal.
    expect(good.loaded.value('amount', 0)).toBe(249);
    expect(good.loaded.value('amount', 2)).toBe('1.0000000000000000001');
    expect(good.loaded.value('amount', 3)).toBe('12345678901234567890.5');
    expect(good.loaded.value('discountPercent', 4)).toBe('0.000000123');
    expect(good.loaded.value('start', 2)).toBe('2024-02-01T10:00:00+02:00');
    expect(good.loaded.value('end', 2)).toBeUndefined();
    expect(good.loaded.record(2)).not.toHaveProperty('end');

    for (const bad of [
      'g,-5.00,USD,month,1,,,2024-01-01,,active',
      'g,5,USD,month,1,1.5,,2024-01-01,,active',
      'g,5,USD,month,1,,9.00,2024-01-01,,active',
      'g,5,USD,month,1,,,2024-02-30,,active',
      'g,5,USD,month,1,,,2024-03-01,2024-02-01,active',
      'g,5,USD,month,1,,,2024-03-01T25:00:00Z,,active',
      'g,,USD,month,1,,,2024-03-01,,active',
    ]) {
      writeFileSync(file, `${header}\n${valid.join('\n')}\n${bad}\n`);
      const result = await both(file, SUBSCRIPTION_FIELDS, call);
      expect(result.compact).toEqual(result.plain);
      expect(result.compact).toEqual({ error: expect.stringContaining('line 8') });
    }
  });
});
