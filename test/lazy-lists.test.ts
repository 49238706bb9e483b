// Lazy record lists: a list that builds each record when it is read (a Proxy over columns, as the command line
// hands its files to the library) gives every function the same result as the plain array; the functions that
// read bulk records read such a list through its own iterator, never by index (a Proxy read by index turns
// every index into a string, and a million of those strings fill the heap).
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';
import { families } from './support/families.js';

/** The functions that read a list of records with its own iterator through it. */
const ITERATED = new Set([
  'recurringRevenueSeries',
  'segmentedRevenueSeries',
  'invoiceRevenueSeries',
  'customerChurn',
  'cohortRetention',
  'lifetimeObservations',
  'survivorsByPeriod',
  'supportResponseTimes',
  'stickiness',
  'averageSessionDuration',
  'timeToFirstValue',
  'netPromoterScore',
  'customerSatisfactionScore',
  'customerEffortScore',
  'compareNetPromoterScores',
  'topicImpact',
  'summarizePurchases',
]);

/** An array of plain objects, as a lazy list: elements copied when read, the index reads recorded. */
function lazy(items: readonly object[], indexReads: PropertyKey[]): readonly object[] {
  return new Proxy([] as object[], {
    get(target, key, receiver) {
      if (key === 'length') return items.length;
      if (key === Symbol.iterator) return () => items.map((item) => ({ ...item }))[Symbol.iterator]();
      if (typeof key === 'string' && /^\d+$/.test(key)) {
        indexReads.push(key);
        const item = items[Number(key)];
        return item === undefined ? undefined : { ...item };
      }
      return Reflect.get(target, key, receiver);
    },
  });
}

const isRecordList = (value: unknown): value is object[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item) => typeof item === 'object' && item !== null && Object.getPrototypeOf(item) === Object.prototype);

const calls = Object.values(families).flatMap(({ samples }) =>
  Object.entries(samples).flatMap(([name, list]) =>
    list.flatMap((call) => {
      const [input, ...rest] = call;
      if (typeof input !== 'object' || input === null) return [];
      const lists = Object.entries(input).filter(([, value]) => isRecordList(value));
      return lists.length === 0 ? [] : [{ name, input: input as Record<string, unknown>, rest, lists }];
    }),
  ),
);

describe('lazy record lists', () => {
  it('cover the functions that read them through their iterator', () => {
    expect(new Set(calls.map(({ name }) => name).filter((name) => ITERATED.has(name)))).toEqual(ITERATED);
  });

  it.each(calls.map((call) => [call.name, call] as const))(
    '%s gives the same result as with the array',
    (name, call) => {
      const fn = (lib as unknown as Record<string, (...args: unknown[]) => unknown>)[name] as (
        ...args: unknown[]
      ) => unknown;
      const indexReads: PropertyKey[] = [];
      const lazyInput = { ...call.input };
      for (const [key, value] of call.lists) lazyInput[key] = lazy(value as object[], indexReads);
      expect(fn(lazyInput, ...call.rest)).toEqual(fn(call.input, ...call.rest));
      if (ITERATED.has(name)) expect(indexReads).toEqual([]);
    },
  );
});
