// The bundled sample company's files as records of the library, built from their columns the way a reader of
// the CSV would (blank cells left out, counts as numbers, the discount as one object), each record carrying
// its customer's segments as `attributes` where the library's record type takes them.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { type DerivedTrial, type TrialSource, trialsOf } from '../../examples/dashboard/trials.js';

type Row = Record<string, string>;
const rows = (file: string) => parse(readFileSync(`examples/data/${file}`), { columns: true }) as Row[];
const present = (row: Row): Row => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));

/** The sample's segments: a record's plan, and its customer's region and acquisition channel. */
export interface SampleAttributes {
  plan: string;
  region: string;
  channel: string;
}

/** The names of the sample's segments, as columns and as attribute names. */
export const SEGMENT_NAMES = ['plan', 'region', 'channel'] as const;

/**
 * The sample's record types whose library records take `attributes` today (`segmentBy` reads them). A type
 * added here gets its attributes in every helper below that builds its records, and nowhere else.
 */
const TAKES_ATTRIBUTES = new Set<SampleRecordType>(['subscriptions', 'invoiceLines']);
export type SampleRecordType = 'subscriptions' | 'invoiceLines' | 'customers' | 'tickets' | 'responses' | 'accounts';

/** `record` with `attributes` when its record type takes them, as it is otherwise. */
export function withAttributes<T extends object>(
  type: SampleRecordType,
  record: T,
  attributes: SampleAttributes | undefined,
): T & { attributes?: SampleAttributes } {
  return TAKES_ATTRIBUTES.has(type) && attributes !== undefined ? { ...record, attributes } : record;
}

/** A row's own segment columns as attributes. */
const ownAttributes = (row: Row): SampleAttributes => ({
  plan: row.plan!,
  region: row.region!,
  channel: row.channel!,
});

/** Each paying customer's segments by id (customers.csv): its current plan, its region and its channel. */
export function sampleCustomerAttributes(): Map<string, SampleAttributes> {
  return new Map(rows('customers.csv').map((row) => [row.id!, ownAttributes(row)]));
}

/** Drops the segment columns of a row: the library takes them as attributes, not as fields. */
const withoutSegments = (row: Row): Row => {
  const { plan: _plan, region: _region, channel: _channel, ...rest } = row;
  return rest;
};

/** The records of `examples/data/subscriptions.csv`, as the library takes them: the plan is the record's own. */
export function sampleSubscriptions(): Record<string, unknown>[] {
  return rows('subscriptions.csv').map((row) => {
    const {
      id: _id,
      discountPercent,
      discountAmount,
      intervalCount,
      quantity,
      ...rest
    } = withoutSegments(present(row));
    const record = {
      ...rest,
      intervalCount: Number(intervalCount),
      quantity: Number(quantity),
      ...(discountPercent ? { discount: { percent: discountPercent } } : {}),
      ...(discountAmount ? { discount: { amount: discountAmount } } : {}),
    };
    return withAttributes('subscriptions', record, ownAttributes(row));
  });
}

/** The free trials of the sample's subscription records, by the dashboard's own rule (`trialsOf`). */
export function sampleTrials(): DerivedTrial[] {
  return trialsOf(sampleSubscriptions() as unknown as TrialSource[]);
}

/** The monthly rates of `examples/data/exchange-rates.csv`, `{ EUR: [{ from, rate }, …] }`. */
export function sampleDatedRates(): Record<string, { from: string; rate: string }[]> {
  const rates: Record<string, { from: string; rate: string }[]> = {};
  for (const { currency, from, rate } of rows('exchange-rates.csv')) {
    rates[currency!] ??= [];
    rates[currency!]!.push({ from: from!, rate: rate! });
  }
  return rates;
}

/**
 * The lines of `examples/data/invoices.csv`, blank cells left out, the full period's interval as
 * `fullPeriod`; the plan is the line's own (the plan its period or its usage was billed on).
 */
export function sampleInvoiceLines(): Record<string, unknown>[] {
  return rows('invoices.csv').map((row) => {
    const { fullPeriodInterval, ...line } = withoutSegments(present(row));
    const record = { ...line, ...(fullPeriodInterval ? { fullPeriod: { interval: fullPeriodInterval } } : {}) };
    return withAttributes('invoiceLines', record, ownAttributes(row));
  });
}

/** The lifetimes of `examples/data/customers.csv`, `{ id, start, end? }`, with the customer's current plan. */
export function sampleLifetimes(): { id: string; start: string; end?: string; attributes?: SampleAttributes }[] {
  return rows('customers.csv').map((row) => {
    const { id, start, end } = present(row);
    return withAttributes('customers', { id: id!, start: start!, ...(end ? { end } : {}) }, ownAttributes(row));
  });
}

/** The tickets of `examples/data/tickets.csv` as `supportResponseTimes` takes them, with their customer's id. */
export function sampleTickets(): {
  customerId: string;
  createdAt: string;
  firstResponseAt?: string;
  resolvedAt?: string;
  attributes?: SampleAttributes;
}[] {
  const customers = sampleCustomerAttributes();
  return rows('tickets.csv').map((row) => {
    const { customerId, createdAt, firstResponseAt, resolvedAt } = present(row);
    const ticket = {
      customerId: customerId!,
      createdAt: createdAt!,
      ...(firstResponseAt ? { firstResponseAt } : {}),
      ...(resolvedAt ? { resolvedAt } : {}),
    };
    return withAttributes('tickets', ticket, customers.get(customerId!));
  });
}

/** The answers of `examples/data/survey-responses.csv`: survey, respondent, day and score. */
export function sampleResponses(): {
  survey: string;
  respondent: string;
  answeredAt: string;
  score: number;
  attributes?: SampleAttributes;
}[] {
  const customers = sampleCustomerAttributes();
  return rows('survey-responses.csv').map((row) =>
    withAttributes(
      'responses',
      { survey: row.survey!, respondent: row.respondent!, answeredAt: row.answeredAt!, score: Number(row.score) },
      customers.get(row.respondent!),
    ),
  );
}
