import { describe, expect, it } from 'vitest';
import { parseMonth } from '../../internal/dates.js';
import { ratioToNumber } from '../../internal/exact/integer.js';
import { CHURNED, EXPANSION, NEW, REACTIVATION } from './movements.js';
import { seriesTotals } from './seriesTotals.js';

describe('seriesTotals', () => {
  const low = parseMonth('2024-01');
  const window = { low, size: 5, lookback: 1 };
  const records = [
    { customerId: 'a', amount: 100, start: '2024-01-10', end: '2024-03-15' },
    { customerId: 'a', amount: 50, start: '2024-02-01' },
    { customerId: 'b', amount: 1200, interval: 'year', start: '2024-02-20', end: '2024-03-01' },
    { customerId: 'b', amount: 80, start: '2024-04-01' },
    { customerId: 'c', amount: '0.001', start: '2023-01-01', end: '2023-06-01' },
    { customerId: 'c', amount: `1${'0'.repeat(20)}`, start: '2024-05-01' },
  ];

  it('sums each month exactly over one common denominator', () => {
    const totals = seriesTotals('m', records, {}, window);
    const money = (m: number) => ratioToNumber(totals.mrr.get(m), totals.den);
    expect([0, 1, 2, 3, 4].map(money)).toEqual([100, 250, 50, 130, 1e20 + 130]);
    expect(Array.from(totals.customers)).toEqual([1, 2, 1, 2, 3]);
    expect(typeof totals.mrr.get(4)).toBe('bigint');
  });

  it('classifies movements by customer, with reactivation from any earlier month', () => {
    const totals = seriesTotals('m', records, {}, window);
    const money = (value: number | bigint) => ratioToNumber(value, totals.den);
    expect(money(totals.movements.amount(1, NEW))).toBe(100);
    expect(money(totals.movements.amount(1, EXPANSION))).toBe(50);
    expect(money(totals.movements.amount(2, CHURNED))).toBe(100);
    expect(money(totals.movements.amount(3, REACTIVATION))).toBe(80);
    // c paid in 2023, before the window: a reactivation, not new.
    expect(money(totals.movements.amount(4, REACTIVATION))).toBe(1e20);
    expect(totals.movements.count(4, NEW)).toBe(0);
  });

  it('keeps the trailing retention of each cohort', () => {
    const totals = seriesTotals('m', records, {}, window);
    expect(ratioToNumber(totals.retained.get(2), totals.mrr.get(1))).toBe(0.2);
    expect(ratioToNumber(totals.capped.get(3), totals.mrr.get(2))).toBe(1);
  });

  it('leaves out canceled records without an end and statuses that do not count', () => {
    const totals = seriesTotals(
      'm',
      [
        { customerId: 'a', amount: 10, status: 'canceled' },
        { customerId: 'b', amount: 10, status: 'trialing' },
        { customerId: 'c', amount: 0 },
      ],
      {},
      window,
    );
    expect(totals.mrr.get(4)).toBe(0);
  });

  it('counts trials by the month they start and the month they start paying, when they pay', () => {
    const totals = seriesTotals(
      'm',
      [
        { customerId: 'a', amount: 10, trialStart: '2024-01-20', start: '2024-02-03' },
        { customerId: 'b', amount: 10, trialStart: '2024-02-05', start: '2024-02-19', end: '2024-02-19' },
        { customerId: 'c', amount: 0, trialStart: '2024-03-01', start: '2024-03-15' },
        { customerId: 'd', amount: 10, trialStart: '2024-03-01', start: '2024-03-15', status: 'trialing' },
        { customerId: 'e', amount: 10, trialStart: '2023-11-01', start: '2023-12-01' },
        { customerId: 'f', amount: 10, trialStart: '2024-05-30', start: '2024-06-02' },
      ],
      {},
      window,
    );
    expect(Array.from(totals.trialsStarted)).toEqual([1, 1, 2, 0, 1]);
    expect(Array.from(totals.trialsConverted)).toEqual([0, 1, 0, 0, 0]);
  });

  it('marks a churn delinquent when a record that stops that month ended for failed payments', () => {
    const book = [
      { customerId: 'a', amount: 100, start: '2024-01-01', status: 'past_due', pastDueSince: '2024-01-20' },
      { customerId: 'b', amount: 50, start: '2024-01-01', end: '2024-03-05', endReason: 'delinquent' },
      { customerId: 'c', amount: 30, start: '2024-01-01', end: '2024-03-05' },
    ];
    const totals = seriesTotals('m', book, { pastDueGraceDays: 15 }, window);
    const money = (value: number | bigint) => ratioToNumber(value, totals.den);
    // a: cut on 4 February; b and c leave in March, b for failed payments.
    expect([1, 2].map((m) => money(totals.movements.amount(m, CHURNED)))).toEqual([100, 80]);
    expect([1, 2].map((m) => money(totals.movements.delinquentAmount(m)))).toEqual([100, 50]);
    expect([1, 2].map((m) => totals.movements.delinquentCount(m))).toEqual([1, 1]);
    // Without any delinquent ending nothing is tallied.
    const plain = seriesTotals('m', records, { pastDueGraceDays: 15 }, window);
    expect([0, 1, 2, 3, 4].map((m) => plain.movements.delinquentCount(m))).toEqual([0, 0, 0, 0, 0]);
  });
});
