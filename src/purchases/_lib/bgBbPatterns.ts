// The input of the BG/BB fit (one record per pattern or per customer, or columns) read in one pass that
// reads each field once and merges identical (x, t_x, n) patterns, so that the likelihood is evaluated once
// per distinct pattern whatever the number of customers.
import * as z from 'zod/mini';
import { bulkArray, invalid, isArrayInput, noData, parse, rejectElement } from '../../internal/parse.js';
import type { Patterns } from './bgBbLikelihood.js';

type Path = readonly (string | number)[];

/** The most opportunities a pattern may have: the likelihood tabulates ln Γ and ψ over 0 … n. */
export const MAX_OPPORTUNITIES = 100_000;

const whole = /* @__PURE__ */ (() => z.int().check(z.gte(0)))();
const positive = /* @__PURE__ */ (() => z.int().check(z.gte(1)))();
const record = /* @__PURE__ */ (() =>
  z.strictObject({ frequency: whole, recency: whole, opportunities: positive, count: z.optional(positive) }))();

/** The input: `customers`, records or columns. */
const inputSchema = /* @__PURE__ */ (() => z.strictObject({ customers: z.unknown() }))();

/** The columns form of `customers`. */
const columnsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    frequency: bulkArray<number>('an array or typed array of repeat purchases'),
    recency: bulkArray<number>('an array or typed array of opportunities'),
    opportunities: bulkArray<number>('an array or typed array of opportunities'),
    count: z.optional(bulkArray<number>('an array or typed array of customer counts')),
  }))();

const RECORD_KEYS = new Set(['frequency', 'recency', 'opportunities', 'count']);

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Checks one pattern's fields against each other, naming the field at fault under `at`. */
function checkPattern(metric: string, x: number, t: number, n: number, at: (field: string) => Path): void {
  if (n > MAX_OPPORTUNITIES) invalid(metric, at('opportunities'), `must be at most ${MAX_OPPORTUNITIES}`);
  if (t > n) invalid(metric, at('recency'), `must not exceed opportunities (${n})`);
  if (x > t) {
    invalid(
      metric,
      at('frequency'),
      `must not exceed recency (${t}): each repeat purchase takes one opportunity up to the last`,
    );
  }
  if (x === 0 && t > 0) invalid(metric, at('recency'), 'must be 0 when frequency is 0 (no repeat purchase)');
}

/** Merges identical patterns as they are read. */
class PatternTable {
  private readonly index = new Map<number, number>();
  readonly x: number[] = [];
  readonly t: number[] = [];
  readonly n: number[] = [];
  readonly w: number[] = [];
  longest = 0;
  customers = 0;

  add(x: number, t: number, n: number, w: number): void {
    const key = (n * (MAX_OPPORTUNITIES + 1) + t) * (MAX_OPPORTUNITIES + 1) + x;
    const slot = this.index.get(key);
    if (slot === undefined) {
      this.index.set(key, this.x.length);
      this.x.push(x);
      this.t.push(t);
      this.n.push(n);
      this.w.push(w);
      if (n > this.longest) this.longest = n;
    } else {
      this.w[slot] = (this.w[slot] as number) + w;
    }
    this.customers += w;
  }

  patterns(): Patterns & { readonly customers: number } {
    return {
      frequency: Int32Array.from(this.x),
      recency: Int32Array.from(this.t),
      opportunities: Int32Array.from(this.n),
      count: Float64Array.from(this.w),
      longest: this.longest,
      customers: this.customers,
    };
  }
}

/** Reads the BG/BB input into distinct patterns and their customer counts. */
export function readPatterns(metric: string, input: unknown): Patterns & { readonly customers: number } {
  const { customers } = parse(metric, inputSchema, input);
  const table = new PatternTable();
  if (isArrayInput(customers)) {
    const rows = customers;
    if (rows.length === 0) noData(metric, ['customers'], 'must not be empty: there is no customer to fit');
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        rejectElement(metric, record, row, ['customers', i]);
      }
      for (const key in row) if (!RECORD_KEYS.has(key)) rejectElement(metric, record, row, ['customers', i]);
      const { frequency: x, recency: t, opportunities: n, count: w } = row as Record<string, unknown>;
      if (!isWhole(x)) rejectElement(metric, whole, x, ['customers', i, 'frequency']);
      if (!isWhole(t)) rejectElement(metric, whole, t, ['customers', i, 'recency']);
      if (!isWhole(n) || n === 0) rejectElement(metric, positive, n, ['customers', i, 'opportunities']);
      if (w !== undefined && (!isWhole(w) || w === 0)) rejectElement(metric, positive, w, ['customers', i, 'count']);
      checkPattern(metric, x, t, n, (field) => ['customers', i, field]);
      table.add(x, t, n, w === undefined ? 1 : w);
    }
  } else {
    if (typeof customers !== 'object' || customers === null) {
      invalid(metric, ['customers'], 'must be an array of { frequency, recency, opportunities, count? } or columns');
    }
    const { frequency, recency, opportunities, count } = parse(metric, columnsSchema, customers, 'input', [
      'customers',
    ]);
    const length = frequency.length;
    const sameLength = (column: ArrayLike<unknown>, field: string) => {
      if (column.length !== length) {
        invalid(
          metric,
          ['customers', field],
          `must have as many elements as frequency (${length}), not ${column.length}`,
        );
      }
    };
    sameLength(recency, 'recency');
    sameLength(opportunities, 'opportunities');
    if (count !== undefined) sameLength(count, 'count');
    if (length === 0) noData(metric, ['customers'], 'must not be empty: there is no customer to fit');
    for (let i = 0; i < length; i++) {
      const x = frequency[i];
      const t = recency[i];
      const n = opportunities[i];
      const w = count === undefined ? 1 : count[i];
      if (!isWhole(x)) rejectElement(metric, whole, x, ['customers', 'frequency', i]);
      if (!isWhole(t)) rejectElement(metric, whole, t, ['customers', 'recency', i]);
      if (!isWhole(n) || n === 0) rejectElement(metric, positive, n, ['customers', 'opportunities', i]);
      if (!isWhole(w) || w === 0) rejectElement(metric, positive, w, ['customers', 'count', i]);
      checkPattern(metric, x, t, n, (field) => ['customers', field, i]);
      table.add(x, t, n, w);
    }
  }
  return table.patterns();
}
