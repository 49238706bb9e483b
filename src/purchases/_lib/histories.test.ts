import { describe, expect, it } from 'vitest';
import { IntArray } from '../../internal/exact/integer.js';
import { daysInUnit, purchaseHistories } from './histories.js';
import type { Transactions } from './transactions.js';

const DAY = 86_400_000;

/** Transactions of the given slots, days and amounts in cents. */
function columns(slots: number[], days: number[], ids: (string | number)[], cents?: number[]): Transactions {
  let amounts: Transactions['amounts'];
  if (cents !== undefined) {
    const ints = new IntArray(cents.length);
    cents.forEach((value, i) => {
      ints.set(i, value);
    });
    amounts = { ints, scales: new Uint16Array(cents.length).fill(2), maxScale: 2 };
  }
  return { count: slots.length, slots: Int32Array.from(slots), days: Int32Array.from(days), amounts, ids };
}

describe('purchaseHistories', () => {
  it('groups scattered transactions by customer and counts each day once', () => {
    const transactions = columns([0, 1, 0, 0, 1, 0], [4, 2, 1, 4, 9, 12], ['a', 'b'], [100, 200, 300, 50, 70, 999]);
    const histories = purchaseHistories(transactions, { asOfDay: 10, holdout: true, unitMs: DAY });
    expect(histories).toEqual([
      {
        customerId: 'a',
        frequency: 1,
        recency: 3,
        age: 9,
        monetaryValue: 1.5,
        holdoutFrequency: 1,
        holdoutMonetaryValue: 9.99,
      },
      {
        customerId: 'b',
        frequency: 1,
        recency: 7,
        age: 8,
        monetaryValue: 0.7,
        holdoutFrequency: 0,
        holdoutMonetaryValue: 0,
      },
    ]);
  });

  it('reads grouped transactions in place, and sorts a long customer by the typed array sort', () => {
    const days = Array.from({ length: 40 }, (_, k) => 39 - k);
    const transactions = columns(
      days.map(() => 0),
      days,
      [5],
    );
    expect(purchaseHistories(transactions, { asOfDay: 50, holdout: false, unitMs: 7 * DAY })).toEqual([
      { customerId: 5, frequency: 39, recency: 39 / 7, age: 50 / 7 },
    ]);
  });

  it('mixes scales exactly: the sums are taken at the largest', () => {
    const ints = new IntArray(3);
    ints.set(0, 1);
    ints.set(1, 15);
    ints.set(2, 1005);
    const transactions: Transactions = {
      count: 3,
      slots: Int32Array.from([0, 0, 0]),
      days: Int32Array.from([0, 1, 2]),
      amounts: { ints, scales: Uint16Array.from([2, 2, 3]), maxScale: 3 },
      ids: ['a'],
    };
    // 0.15 + 1.005 = 1.155 over two repeat purchases.
    expect(purchaseHistories(transactions, { asOfDay: 3, holdout: false, unitMs: DAY })[0]?.monetaryValue).toBe(
      1155 / 2000,
    );
  });
});

describe('daysInUnit', () => {
  it('divides whole days once, exactly, even beyond 2^53 milliseconds', () => {
    expect(daysInUnit(365, (365 * DAY) / 12)).toBe(12);
    expect(daysInUnit(1, 7 * DAY)).toBe(1 / 7);
    expect(daysInUnit(200_000_000, DAY)).toBe(200_000_000);
  });
});
