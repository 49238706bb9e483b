// invoiceRevenueSeries over a million invoice lines (ISO dates; monthly, quarterly and yearly periods on
// each customer's anchor day, prorated lines with their full period, usage and one-off lines, tax on some),
// 36 months computed (24 months of rows, lookback 12), against a hand-written unchecked float loop that
// spreads the same lines over the same months (same rules: whole months, days × 12/365, prorate factor)
// and computes the same rows. The group of this file runs in `revenue.bench.mjs`.
import { compare, goal, once, random, scaled } from './harness.mjs';
import { addFloatSpan, floatRows, monthWindow } from './floatSeries.mjs';

const DAY = 86_400_000;
const WINDOW = { from: '2023-01', to: '2024-12', lookback: 12 };
const MONTH_MS = (365 * DAY) / 12;

const iso = (time) => new Date(time).toISOString().slice(0, 10);
const daysIn = (year, month) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
/** The anchor day in month `index` (year × 12 + month − 1), clamped to the month's end. */
const anchorDate = (index, day) => {
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  return Date.UTC(year, month, Math.min(day, daysIn(year, month)));
};

/** A million lines: each customer bills on its anchor day from its first month on. */
function makeLines(size, next) {
  const lines = new Array(size);
  const customers = Math.floor(size / 12);
  const anchors = Array.from({ length: customers }, () => 1 + Math.floor(next() * 31));
  for (let i = 0; i < size; i++) {
    const c = Math.floor(next() * customers);
    const day = anchors[c];
    const month = 2022 * 12 + Math.floor(next() * 36);
    const cents = 500 + Math.floor(next() * 50_000);
    const roll = next();
    const line = { customerId: `cus_${c}`, amount: i % 2 === 0 ? cents / 100 : (cents / 100).toFixed(2) };
    if (roll < 0.7) {
      line.periodStart = iso(anchorDate(month, day));
      line.periodEnd = iso(anchorDate(month + 1, day));
    } else if (roll < 0.76) {
      line.periodStart = iso(anchorDate(month, day));
      line.periodEnd = iso(anchorDate(month + 12, day));
    } else if (roll < 0.79) {
      line.periodStart = iso(anchorDate(month, day));
      line.periodEnd = iso(anchorDate(month + 3, day));
    } else if (roll < 0.84) {
      // A seat added mid-period: prorated to the next anchor day.
      const end = anchorDate(month + 1, day);
      line.periodStart = iso(end - (1 + Math.floor(next() * 27)) * DAY);
      line.periodEnd = iso(end);
      line.fullPeriod = { interval: 'month' };
    } else if (roll < 0.97) {
      line.kind = 'usage';
      line.periodStart = iso(anchorDate(month, day));
      line.periodEnd = iso(anchorDate(month + 1, day));
    } else {
      line.kind = 'one-off';
      line.periodStart = iso(anchorDate(month, day));
      line.periodEnd = line.periodStart;
    }
    if (i % 3 === 0) line.tax = Math.floor(cents * 0.2) / 100;
    lines[i] = line;
  }
  return lines;
}

const monthIndex = (time) => {
  const d = new Date(time);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/** Whole calendar months from start to end (the rule of the library), or 0. */
function wholeMonths(start, end) {
  const a = new Date(start);
  const b = new Date(end);
  if (start % DAY !== end % DAY) return 0;
  const months = monthIndex(end) - monthIndex(start);
  if (months < 1) return 0;
  const ad = a.getUTCDate();
  const bd = b.getUTCDate();
  if (ad === bd) return months;
  const endLast = bd === daysIn(b.getUTCFullYear(), b.getUTCMonth());
  return endLast && (bd < ad || ad === daysIn(a.getUTCFullYear(), a.getUTCMonth())) ? months : 0;
}

/** The hand-written loop: floats, a Map of customers and an array of months per customer, then the rows. */
function floatSeries(lines, from, to, lookback) {
  const { low, last, size } = monthWindow(from, to, lookback);
  const customers = new Map();
  const usage = new Float64Array(size);
  const oneOff = new Float64Array(size);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const net = Number(line.amount) - Number(line.tax ?? 0);
    const start = Date.parse(line.periodStart);
    const end = Date.parse(line.periodEnd);
    if (line.kind === 'usage' || line.kind === 'one-off') {
      const at =
        monthIndex(
          line.invoicedAt === undefined ? (line.kind === 'usage' ? end : start) : Date.parse(line.invoicedAt),
        ) - low;
      if (at >= 0 && at < size) (line.kind === 'usage' ? usage : oneOff)[at] += net;
      continue;
    }
    const a = monthIndex(start);
    const b = monthIndex(end) - 1;
    if (a > b || net === 0) continue;
    let amount;
    const whole = wholeMonths(start, end);
    if (line.fullPeriod !== undefined) {
      const e = new Date(end);
      const fullStart = Date.UTC(
        e.getUTCFullYear(),
        e.getUTCMonth() - 1,
        Math.min(e.getUTCDate(), daysIn(e.getUTCFullYear(), e.getUTCMonth() - 1)),
      );
      amount = (net * (end - fullStart)) / (end - start);
    } else amount = whole > 0 ? net / whole : (net * MONTH_MS) / (end - start);
    addFloatSpan(customers, line.customerId, a, b, amount, low, last, size);
  }
  const rows = floatRows(customers, low, size, lookback);
  rows.forEach((row, k) => {
    row.usageRevenue = usage[k + lookback];
    row.oneOffRevenue = oneOff[k + lookback];
  });
  return rows;
}

/** The group of invoiceRevenueSeries, with `lib` the library under test. */
export function invoiceRevenueSeriesGroups(lib) {
  const size = scaled(1_000_000);
  const lines = once(() => makeLines(size, random(41)));
  const ours = () => lib.invoiceRevenueSeries({ lines: lines() }, WINDOW);
  const hand = () => floatSeries(lines(), WINDOW.from, WINDOW.to, WINDOW.lookback);
  const ratios = compare(
    `invoiceRevenueSeries, ${size.toLocaleString('en')} invoice lines (ISO dates; 70 % monthly, 9 % yearly or quarterly, 5 % prorated, 13 % usage, 3 % one-off), 36 months`,
    {
      check: () => {
        const a = ours();
        const b = hand();
        const lastA = a[a.length - 1];
        const lastB = b[b.length - 1];
        console.log(
          `  last month: ours mrr ${lastA.mrr} customers ${lastA.customers} nrr ${lastA.netRevenueRetention} usage ${lastA.usageRevenue}; ` +
            `float loop mrr ${lastB.mrr} customers ${lastB.customers} nrr ${lastB.nrr} usage ${lastB.usageRevenue}`,
        );
        if (lastA.customers !== lastB.customers || Math.abs(lastA.mrr - lastB.mrr) > 1e-6 * lastB.mrr) {
          throw new Error('invoiceRevenueSeries: the approaches disagree');
        }
      },
      ours,
      baselines: { 'unchecked float loop': hand },
    },
  );
  if (ratios !== undefined) goal(ratios, 'unchecked float loop', 3);
}
