// Purchases: summarizePurchases over 1 000 000 transactions of 250 000 customers (three years; the first two
// are the calibration period, the third the holdout), against (a) a plain sort of the timestamps (read from
// the records into a Float64Array, then sorted: the floor any summary that orders each customer's purchases
// pays) and (b) a hand-written, unchecked summary as a person would write it: a Map of customers, each a Map
// of day → amount in doubles, one function per shape of data.
import { compare, library, once, random, scaled } from './harness.mjs';

const DAY = 86_400_000;
const START = Date.UTC(2022, 0, 1);
const AS_OF_DAY = 730;
const END_DAY = 1094;
const OPTIONS = {
  asOf: new Date(START + AS_OF_DAY * DAY).toISOString().slice(0, 10),
  unit: 'week',
  holdoutEnd: new Date(START + END_DAY * DAY).toISOString().slice(0, 10),
};

/** Transactions in time order: customers join over the first two years and buy every few weeks for a while. */
function makeTransactions(size, next) {
  const customers = Math.round(size / 4);
  const list = [];
  for (let c = 0; c < customers && list.length < size; c++) {
    const id = `c${String(c).padStart(6, '0')}`;
    let day = Math.floor(next() * AS_OF_DAY);
    // Each buys until a coin says they lapsed; the mean gap is a month.
    for (;;) {
      const cents = 500 + Math.floor(next() * 15_000);
      // Some orders are split on the same day (two parcels of one visit).
      list.push({ customerId: id, at: START + day * DAY + Math.floor(next() * DAY), amount: cents / 100 });
      if (next() < 0.08) list.push({ customerId: id, at: START + day * DAY + 60_000, amount: 4.99 });
      if (next() < 0.25) break;
      day += 1 + Math.floor(-Math.log(1 - next()) * 30);
      if (day > END_DAY) break;
    }
  }
  list.length = Math.min(list.length, size);
  return list.sort((a, b) => a.at - b.at);
}

/** Sorts the timestamps of the records (epoch milliseconds). */
function sortRecordTimes(records) {
  const times = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) times[i] = records[i].at;
  return times.sort();
}

/** Sorts the timestamps of the records (ISO strings, read with Date.parse). */
function sortIsoTimes(records) {
  const times = new Float64Array(records.length);
  for (let i = 0; i < records.length; i++) times[i] = Date.parse(records[i].at);
  return times.sort();
}

/** Sorts a copy of a column of timestamps. */
function sortColumn(at) {
  return Float64Array.from(at).sort();
}

/** The summary of a Map of customers, each a Map of day → amount (shared by the hand-written baselines). */
function summarizeMap(byCustomer) {
  const out = [];
  for (const [customerId, days] of byCustomer) {
    const sorted = [...days.keys()].sort((a, b) => a - b);
    const first = sorted[0];
    if (first >= AS_OF_DAY) continue;
    let frequency = -1;
    let last = first;
    let repeat = 0;
    let holdoutFrequency = 0;
    let holdout = 0;
    for (const day of sorted) {
      if (day <= AS_OF_DAY) {
        frequency++;
        last = day;
        if (day !== first) repeat += days.get(day);
      } else {
        holdoutFrequency++;
        holdout += days.get(day);
      }
    }
    out.push({
      customerId,
      frequency,
      recency: (last - first) / 7,
      age: (AS_OF_DAY - first) / 7,
      monetaryValue: frequency === 0 ? 0 : repeat / frequency,
      holdoutFrequency,
      holdoutMonetaryValue: holdoutFrequency === 0 ? 0 : holdout / holdoutFrequency,
    });
  }
  return out;
}

/** Hand-written over records of epoch milliseconds and numbers. */
function handRecords(records) {
  const byCustomer = new Map();
  for (let i = 0; i < records.length; i++) {
    const { customerId, at, amount } = records[i];
    const day = Math.floor((at - START) / DAY);
    let days = byCustomer.get(customerId);
    if (days === undefined) {
      days = new Map();
      byCustomer.set(customerId, days);
    }
    days.set(day, (days.get(day) ?? 0) + amount);
  }
  return summarizeMap(byCustomer);
}

/** Hand-written over records of ISO strings and decimal strings. */
function handIsoRecords(records) {
  const byCustomer = new Map();
  for (let i = 0; i < records.length; i++) {
    const { customerId, at, amount } = records[i];
    const day = Math.floor((Date.parse(at) - START) / DAY);
    let days = byCustomer.get(customerId);
    if (days === undefined) {
      days = new Map();
      byCustomer.set(customerId, days);
    }
    days.set(day, (days.get(day) ?? 0) + Number(amount));
  }
  return summarizeMap(byCustomer);
}

/** Hand-written over columns. */
function handColumns({ customerIds, at, amounts }) {
  const byCustomer = new Map();
  for (let i = 0; i < customerIds.length; i++) {
    const day = Math.floor((at[i] - START) / DAY);
    let days = byCustomer.get(customerIds[i]);
    if (days === undefined) {
      days = new Map();
      byCustomer.set(customerIds[i], days);
    }
    days.set(day, (days.get(day) ?? 0) + amounts[i]);
  }
  return summarizeMap(byCustomer);
}

/** Same customers and counts, times and money within rounding: every approach answers the same. */
function same(ours, theirs, what) {
  const byId = new Map(theirs.map((c) => [c.customerId, c]));
  if (ours.length !== theirs.length) throw new Error(`${what}: ${ours.length} customers, not ${theirs.length}`);
  for (const c of ours) {
    const t = byId.get(c.customerId);
    const close = (x, y) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));
    const ok =
      t !== undefined &&
      c.frequency === t.frequency &&
      c.holdoutFrequency === t.holdoutFrequency &&
      close(c.recency, t.recency) &&
      close(c.age, t.age) &&
      close(c.monetaryValue, t.monetaryValue) &&
      close(c.holdoutMonetaryValue, t.holdoutMonetaryValue);
    if (!ok) throw new Error(`${what}: customer ${c.customerId} differs`);
  }
}

function shuffled(list, next) {
  const out = list.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export async function run() {
  const { summarizePurchases } = await library();
  const size = scaled(1_000_000);
  const records = once(() => makeTransactions(size, random(20)));
  const isoRecords = once(() =>
    records().map((t) => ({
      customerId: t.customerId,
      at: new Date(t.at).toISOString(),
      amount: t.amount.toFixed(2),
    })),
  );
  const shuffledRecords = once(() => shuffled(records(), random(21)));
  const columns = once(() => ({
    customerIds: records().map((t) => t.customerId),
    at: Float64Array.from(records(), (t) => t.at),
    amounts: Float64Array.from(records(), (t) => t.amount),
  }));
  const ours = (list) => () => summarizePurchases({ transactions: list() }, OPTIONS).customers;
  const oursColumns = () => summarizePurchases(columns(), OPTIONS).customers;
  console.log(
    `${size.toLocaleString('en')} transactions of about ${Math.round(size / 4).toLocaleString('en')} customers over ` +
      'three years (two calibration years, one holdout year), weeks',
  );

  compare('summarizePurchases, records in time order (epoch ms, number amounts)', {
    check: () => same(ours(records)(), handRecords(records()), 'records'),
    baselines: {
      'sort of the timestamps': () => sortRecordTimes(records()),
      'hand-written Map loop': () => handRecords(records()),
    },
    ours: ours(records),
  });

  compare('summarizePurchases, records in time order (ISO dates, decimal strings)', {
    check: () => same(ours(isoRecords)(), handIsoRecords(isoRecords()), 'ISO records'),
    baselines: {
      'sort of the timestamps': () => sortIsoTimes(isoRecords()),
      'hand-written Map loop': () => handIsoRecords(isoRecords()),
    },
    ours: ours(isoRecords),
  });

  compare('summarizePurchases, records in random order (epoch ms, number amounts)', {
    check: () => same(ours(shuffledRecords)(), handRecords(shuffledRecords()), 'shuffled records'),
    baselines: {
      'sort of the timestamps': () => sortRecordTimes(shuffledRecords()),
      'hand-written Map loop': () => handRecords(shuffledRecords()),
    },
    ours: ours(shuffledRecords),
  });

  compare('summarizePurchases, columns (string ids, Float64Array dates and amounts)', {
    check: () => same(oursColumns(), handColumns(columns()), 'columns'),
    baselines: {
      'sort of the timestamps': () => sortColumn(columns().at),
      'hand-written Map loop': () => handColumns(columns()),
    },
    ours: oursColumns,
  });
}
