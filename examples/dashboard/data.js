// The dashboard's data: the sample company's raw files, fetched and parsed into the records the library
// takes. Each customer-level data set keeps, beside its records, the id of the customer behind each record
// (`owners`), so that a segment can keep its own customers' records without handing the library a field it
// does not know.
import { parse } from 'csv-parse/sync';
import { trialsOf } from './trials.js';

const DATA = new URL('../data/', import.meta.url);
let bytes = 0;

/** The characters read so far. */
export const bytesLoaded = () => bytes;

async function load(name) {
  const response = await fetch(new URL(name, DATA));
  if (!response.ok) throw new Error(`could not load examples/data/${name}: HTTP ${response.status}`);
  const text = await response.text();
  bytes += text.length;
  return text;
}

/** CSV text to one object per row, keyed by the header line (csv-parse's browser build). */
const csv = (text) => parse(text, { columns: true, skip_empty_lines: true });

/** A row without its empty cells: to the library an absent field means "none" (no end yet, no answer). */
const present = (row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));

/** A row's segment columns as the library's `attributes`, and the row without them. */
function segmentsApart(row) {
  const { plan, region, channel, ...rest } = row;
  return { attributes: { plan, region, channel }, rest };
}

/**
 * The subscription records as the library takes them: counts as numbers, the discount as one object, the
 * record's plan and its customer's region and channel as attributes.
 */
function subscriptionRecords(rows) {
  return rows.map((row) => {
    const { attributes, rest } = segmentsApart(present(row));
    const { id: _id, intervalCount, quantity, discountPercent, discountAmount, ...record } = rest;
    return {
      ...record,
      attributes,
      intervalCount: Number(intervalCount),
      quantity: Number(quantity),
      ...(discountPercent === undefined ? {} : { discount: { percent: discountPercent } }),
      ...(discountAmount === undefined ? {} : { discount: { amount: discountAmount } }),
    };
  });
}

/** Dated exchange rates from `currency,from,rate` rows: `{ EUR: [{ from, rate }, …] }`, in file order. */
function datedRates(rows) {
  const rates = {};
  for (const { currency, from, rate } of rows) {
    rates[currency] ??= [];
    rates[currency].push({ from, rate });
  }
  return rates;
}

/** Invoice lines as the library takes them: the full period's interval as `fullPeriod`, segments as attributes. */
function invoiceLines(rows) {
  return rows.map((row) => {
    const { attributes, rest } = segmentsApart(present(row));
    const { fullPeriodInterval, ...line } = rest;
    return {
      ...line,
      attributes,
      ...(fullPeriodInterval === undefined ? {} : { fullPeriod: { interval: fullPeriodInterval } }),
    };
  });
}

/** An account's health measures, typed as its scorecard expects: decimal strings, numbers and booleans. */
function accountValues(row) {
  return {
    weeklyActiveShare: row.weeklyActiveShare,
    seatUtilization: row.seatUtilization,
    daysSinceLastLogin: Number(row.daysSinceLastLogin),
    openTickets: Number(row.openTickets),
    ...(row.nps === '' ? {} : { nps: Number(row.nps) }),
    executiveSponsor: row.executiveSponsor === 'true',
  };
}

/** Fetches and parses every file the page shows. */
export async function loadData() {
  const [subscriptions, rates, datedRateRows, invoices, customers, survey, tickets, events, accounts, scorecard] =
    await Promise.all([
      load('subscriptions.csv').then((text) => subscriptionRecords(csv(text))),
      load('exchange-rates.json').then(JSON.parse),
      load('exchange-rates.csv').then(csv),
      load('invoices.csv').then((text) => invoiceLines(csv(text))),
      load('customers.csv').then(csv),
      load('survey-responses.csv').then(csv),
      load('tickets.csv').then(csv),
      load('events.csv').then(csv),
      load('accounts.csv').then(csv),
      load('scorecard.json').then(JSON.parse),
    ]);
  return {
    subscriptions,
    // Derived from every record, so that a trial converted on another plan still counts as converted.
    trials: trialsOf(subscriptions),
    rates,
    datedRates: datedRates(datedRateRows),
    invoices,
    lifetimes: customers.map((row) => {
      const { id, start, end } = present(row);
      return { id, start, ...(end === undefined ? {} : { end }) };
    }),
    survey,
    tickets: tickets.map((row) => {
      const { createdAt, firstResponseAt, resolvedAt } = present(row);
      return { createdAt, ...(firstResponseAt ? { firstResponseAt } : {}), ...(resolvedAt ? { resolvedAt } : {}) };
    }),
    events: events.map(({ userId, at }) => ({ userId, at })),
    accounts: accounts.map(accountValues),
    churned: accounts.map((row) => row.churned === 'true'),
    owners: {
      tickets: tickets.map((row) => row.customerId),
      events: events.map((row) => row.customerId),
      accounts: accounts.map((row) => row.customerId),
    },
    scorecard,
  };
}
