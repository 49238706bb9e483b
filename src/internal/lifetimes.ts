// Customer lifetimes `{ id, start, end? }`, as the churn and cohort metrics read them: one checked pass over
// the records into two typed arrays of epoch milliseconds, then a check that no id repeats.
//
// A lifetime is half-open, [start, end): the customer is active at instant t when start ≤ t < end. An absent
// (or null) end means still active; it is stored as +Infinity. A zero-length lifetime (end = start) is valid
// and never active.
//
// Speed: a million records are checked with hand-written predicates that mirror the element schema (zod runs
// only on a failing element, to name the problem), dates are parsed by `toEpoch` (no `Date.parse`), and
// repeated ids are found with a hash of each id (not a `Set`, which is several times slower at this size):
// the ids are grouped by the top bits of their hash, and each group is checked in a small table that stays
// in the processor's cache (one table for a million ids would not, and each look-up would wait on memory).
// Ids are compared exactly whenever their hashes agree, on the ids as first read, so a getter is read once.
// The typed arrays live in one block of scratch memory, and the ids in one array, that the next call reuses
// (held through a weak reference, so the garbage collector can take them back): fresh memory for a million
// records costs page faults and garbage collections that cost more than the checks.
import * as z from 'zod/mini';
import { toEpoch } from './dates.js';
import { nextElement, ownIterator } from './elements.js';
import { hashInteger, hashString, SAMPLED_LENGTH } from './hash.js';
import { formatPath, invalid, rejectElement } from './parse.js';
import { date } from './schemas.js';
import { attributesField, isAttributes, type SegmentCollector } from './segmented.js';

type Path = readonly (string | number)[];

/** One customer's lifetime: an id, when it started and, unless it is still active, when it ended. */
export interface CustomerLifetime {
  /** The customer's id: a non-empty string or a safe integer, unique in the list (`1` and `'1'` differ). */
  readonly id: string | number;
  /** When the customer became active: an ISO date or date-time, a `Date`, or epoch milliseconds. */
  readonly start: string | Date | number;
  /** When the customer stopped being active (the first instant it is not); absent or `null` while active. */
  readonly end?: string | Date | number | null | undefined;
  /** Segment keys of the customer, such as `{ plan: 'pro', region: 'EU' }`: a plain object of strings. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
}

/** Whether a value is a customer id: a non-empty string or a safe integer. */
export function isCustomerId(value: unknown): value is string | number {
  return typeof value === 'string' ? value.length > 0 : Number.isSafeInteger(value);
}

function describeId(value: unknown): string {
  if (typeof value === 'string') return 'an empty string';
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : `the number ${value}`;
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

/** A customer id: a non-empty string or a safe integer. */
export const customerId = /* @__PURE__ */ (() =>
  z.custom<string | number>(isCustomerId, {
    error: (issue) =>
      issue.input === undefined
        ? 'is required'
        : `must be a non-empty string or a safe integer, not ${describeId(issue.input)}`,
  }))();

/** The schema of one lifetime, run only to describe an element that failed the fast check. */
export const lifetimeSchema = /* @__PURE__ */ (() =>
  z.strictObject({ id: customerId, start: date, end: z.optional(z.nullable(date)), attributes: attributesField }))();

/** The `customers` field: an array, its elements checked by {@link withLifetimes}. */
export const lifetimesField = /* @__PURE__ */ (() =>
  z.custom<readonly CustomerLifetime[]>((value) => Array.isArray(value), {
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be an array of customers { id, start, end? }'),
  }))();

/**
 * Lifetimes read into epoch milliseconds; `end[i]` is +Infinity for a customer still active. `spare` is an
 * `Int32Array` of `count` elements the metric may use as it likes. All three are views of scratch memory,
 * valid only inside the callback of {@link withLifetimes}.
 */
export interface Lifetimes {
  readonly count: number;
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly spare: Int32Array;
}

/** Bytes of scratch memory per record: start and end (8 each), a hash, and a hash and an index when grouped. */
const BYTES_PER_RECORD = 28;

/** Memory reused from call to call: typed arrays in `buffer`, and the ids as read (zeros between calls). */
interface Scratch {
  readonly buffer: ArrayBuffer;
  readonly ids: (string | number)[];
}

let cachedScratch: WeakRef<Scratch> | undefined;
let scratchInUse = false;

/** Scratch memory for `count` records: the cached block when it is free and large enough, else a new one. */
function borrowScratch(count: number): Scratch {
  const bytes = Math.max(8, count * BYTES_PER_RECORD);
  const cached = cachedScratch?.deref();
  if (!scratchInUse && cached !== undefined && cached.buffer.byteLength >= bytes) {
    scratchInUse = true;
    // Filling an array that is already long enough costs a fraction of building a new one of a million.
    while (cached.ids.length < count) cached.ids.push(0);
    return cached;
  }
  // Allocated once at its size: pushed one by one, a million elements leave twice their memory as garbage.
  const ids = new Array<string | number>(count).fill(0);
  const scratch = { buffer: new ArrayBuffer(bytes), ids };
  if (!scratchInUse && typeof WeakRef === 'function') {
    cachedScratch = new WeakRef(scratch);
    scratchInUse = true;
  }
  return scratch;
}

function returnScratch(scratch: Scratch): void {
  if (cachedScratch?.deref() === scratch) scratchInUse = false;
}

/**
 * Whether every own and inherited enumerable key is `id`, `start`, `end` or `attributes` (what
 * `z.strictObject` allows).
 */
function hasOnlyLifetimeKeys(record: object): boolean {
  for (const key in record) {
    if (key !== 'id' && key !== 'start' && key !== 'end' && key !== 'attributes') return false;
  }
  return true;
}

/**
 * Reads and checks customer lifetimes in one pass, then calls `use` with them. A record that is not
 * `{ id, start, end? }` with valid dates is reported at `[...path, index]` (or its field); an end before its
 * start at `[...path, index, 'end']`; a repeated id at `[...path, index, 'id']`, the later of the two records.
 * With `segments`, each record's segment is read in the same pass (its attributes read once) and added there.
 */
export function withLifetimes<R>(
  metric: string,
  customers: readonly unknown[],
  path: Path,
  use: (lifetimes: Lifetimes) => R,
  segments?: SegmentCollector,
): R {
  const count = customers.length;
  const scratch = borrowScratch(count);
  const { buffer, ids } = scratch;
  try {
    const start = new Float64Array(buffer, 0, count);
    const end = new Float64Array(buffer, count * 8, count);
    const hashes = new Int32Array(buffer, count * 16, count);
    const pairs = new Int32Array(buffer, count * 20, 2 * count);
    let twin: ReturnType<typeof firstRepeatedId>;
    try {
      const sampled = readRecords(metric, customers, count, path, { start, end, hashes, ids }, segments);
      twin = firstRepeatedId(ids, hashes, pairs, sampled);
      if (twin === AMBIGUOUS) {
        // Long ids that differ only where the sampled hash does not look: hash every character and look again.
        for (let i = 0; i < count; i++) {
          const id = ids[i];
          if (typeof id === 'string') hashes[i] = hashString(id, true);
        }
        twin = firstRepeatedId(ids, hashes, pairs, false);
      }
    } finally {
      // The ids belong to the caller: the scratch memory must not keep them alive.
      ids.fill(0, 0, count);
    }
    if (twin !== undefined && twin !== AMBIGUOUS) {
      const [later, earlier] = twin;
      invalid(metric, [...path, later, 'id'], `repeats the id of ${formatPath([...path, earlier])}`);
    }
    // The hashes are no longer needed: their memory is the metric's spare array.
    return use({ count, start, end, spare: hashes });
  } finally {
    returnScratch(scratch);
  }
}

/** What the checked pass fills, one element per record. */
interface Columns {
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly hashes: Int32Array;
  /** Each id as it was read, so that ids are compared without reading a record (or a getter) twice. */
  readonly ids: (string | number)[];
}

/**
 * The checked pass: fills the columns; returns whether some id was hashed on a sample. Each element and each
 * field is read exactly once (a getter or Proxy that changes between reads cannot pass one value to the check
 * and another to the count), and a bad record is described from the values read, not by reading it again.
 */
function readRecords(
  metric: string,
  customers: readonly unknown[],
  count: number,
  path: Path,
  columns: Columns,
  segments: SegmentCollector | undefined,
): boolean {
  const { start, end, hashes, ids } = columns;
  let sampled = false;
  const iterator = ownIterator(customers);
  for (let i = 0; i < count; i++) {
    const record = (iterator === undefined ? customers[i] : nextElement(iterator)) as {
      id?: unknown;
      start?: unknown;
      end?: unknown;
      attributes?: unknown;
    } | null;
    // Keys are listed without reading a field, so zod, which reads them, sees the record as given.
    if (typeof record !== 'object' || record === null || !hasOnlyLifetimeKeys(record)) {
      rejectElement(metric, lifetimeSchema, record, [...path, i]);
    }
    const id = record.id;
    const startValue = record.start;
    const endValue = record.end;
    const attributes = record.attributes;
    let hash: number;
    if (typeof id === 'string' && id.length > 0) {
      hash = hashString(id, false);
      if (id.length > SAMPLED_LENGTH) sampled = true;
    } else if (typeof id === 'number' && Number.isSafeInteger(id)) hash = hashInteger(id);
    else return rejectRecord(metric, { id, start: startValue, end: endValue, attributes }, [...path, i]);
    const from = toEpoch(startValue);
    const until = endValue === undefined || endValue === null ? Number.POSITIVE_INFINITY : toEpoch(endValue);
    if (
      Number.isNaN(from) ||
      Number.isNaN(until) ||
      (attributes !== undefined && !isAttributes(attributes, segments?.seen))
    ) {
      rejectRecord(metric, { id, start: startValue, end: endValue, attributes }, [...path, i]);
    }
    if (until < from) invalid(metric, [...path, i, 'end'], 'must not be before start');
    start[i] = from;
    end[i] = until;
    hashes[i] = hash;
    ids[i] = id;
    segments?.add(record, i);
  }
  return sampled;
}

/** Describes a record that failed the fast check with the element schema, from the values already read. */
function rejectRecord(metric: string, asRead: Record<string, unknown>, at: Path): never {
  return rejectElement(metric, lifetimeSchema, asRead, at);
}

/** Records per group when the ids are grouped by hash: a group's table (4 bytes a slot) then fits in the L1 cache. */
const GROUP_SIZE = 1024;

/** Returned when sampled hashes of different ids agree too often to go on (ids alike where not sampled). */
const AMBIGUOUS = 'ambiguous';

/**
 * The first record (in array order) whose id an earlier record already has, with the index of that earlier
 * record: what a scan with a `Set` would find, found without one. Records are grouped by the top bits of
 * their hash (a counting sort into `pairs` that keeps array order within a group, each hash beside its index),
 * and each group is checked with a small open-addressing table. With `sampled` hashes, too many equal hashes
 * of different ids give up with {@link AMBIGUOUS}.
 */
function firstRepeatedId(
  ids: readonly (string | number)[],
  hashes: Int32Array,
  pairs: Int32Array,
  sampled: boolean,
): readonly [number, number] | typeof AMBIGUOUS | undefined {
  const count = hashes.length;
  let groupBits = 0;
  while (groupBits < 20 && count >>> (groupBits + 1) >= GROUP_SIZE) groupBits++;
  const groups = 1 << groupBits;
  const offsets = new Int32Array(groups + 1);
  // The group is the hash's top bits; with a single group the shift is 31 and the mask keeps none.
  const shift = groupBits === 0 ? 31 : 32 - groupBits;
  const groupMask = groups - 1;
  for (let i = 0; i < count; i++) {
    const g = (((hashes[i] as number) >>> shift) & groupMask) + 1;
    offsets[g] = (offsets[g] as number) + 1;
  }
  for (let g = 0; g < groups; g++) offsets[g + 1] = (offsets[g + 1] as number) + (offsets[g] as number);
  // Each record's hash and index, side by side, in the order of their groups.
  const next = offsets.slice(0, groups);
  for (let i = 0; i < count; i++) {
    const hash = hashes[i] as number;
    const g = (hash >>> shift) & groupMask;
    const at = next[g] as number;
    next[g] = at + 1;
    pairs[2 * at] = hash;
    pairs[2 * at + 1] = i;
  }
  let largest = 0;
  for (let g = 0; g < groups; g++) largest = Math.max(largest, (offsets[g + 1] as number) - (offsets[g] as number));
  let capacity = 16;
  while (capacity < 2 * largest) capacity *= 2;
  const mask = capacity - 1;
  // Open addressing with linear probing, one small table reused by every group: a slot holds 1 + the position
  // in `pairs` of a record (its hash is beside it there). Positions grow from group to group, so a slot is
  // in use for the current group exactly when it holds more than the group's first position: no clearing.
  const table = new Int32Array(capacity);
  // Different ids with equal 32-bit hashes: about n²/2³³ pairs by chance (some 120 for a million ids).
  const tolerated = sampled ? 64 + (count >>> 8) : Number.POSITIVE_INFINITY;
  let differentButEqual = 0;
  let later = -1;
  let earlier = -1;
  for (let g = 0; g < groups; g++) {
    const first = offsets[g] as number;
    const last = offsets[g + 1] as number;
    group: for (let k = first; k < last; k++) {
      const hash = pairs[2 * k] as number;
      let slot = hash & mask;
      for (;;) {
        const held = table[slot] as number;
        if (held <= first) {
          table[slot] = k + 1;
          break;
        }
        if (pairs[2 * held - 2] === hash) {
          const i = pairs[2 * k + 1] as number;
          const j = pairs[2 * held - 1] as number;
          if (ids[j] === ids[i]) {
            // Within a group, records come in array order: this is the group's first repeat.
            if (later < 0 || i < later) {
              later = i;
              earlier = j;
            }
            break group;
          }
          if (++differentButEqual > tolerated) return AMBIGUOUS;
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  return later < 0 ? undefined : [later, earlier];
}
