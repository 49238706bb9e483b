import * as z from 'zod/mini';
import { DAY_MS, formatDay, toEpoch } from '../internal/dates.js';
import { hasOnlyKeys } from '../internal/durations.js';
import { bulkArray, invalid, noData, parseForm, parseOptions, rejectElement } from '../internal/parse.js';
import { count, date, nonNegativeNumber } from '../internal/schemas.js';
import { nextElement, ownIterator } from '../internal/elements.js';

const METRIC = 'stickiness';

/** One activity event: a user was active at an instant. */
export interface ActivityEvent {
  /** The user: a non-empty string or a finite number (`1` and `'1'` are two different users). */
  readonly userId: string | number;
  /** When: an ISO string, a `Date` or epoch milliseconds. */
  readonly at: string | Date | number;
}

/**
 * Input of {@link stickiness}: daily and monthly active users counted elsewhere, or the raw activity events.
 */
export type StickinessInput =
  | {
      /**
       * Average number of distinct active users per day over the month (≥ 0, may have a fraction), at most
       * `monthlyActiveUsers`.
       */
      readonly dailyActiveUsers: number;
      /** Distinct active users over the same month, a non-negative integer. */
      readonly monthlyActiveUsers: number;
    }
  | {
      /** The activity events, in any order; those outside the window are validated but not counted. */
      readonly events: ArrayLike<ActivityEvent>;
    };

/** Options of {@link stickiness}; they apply to the events form only. */
export interface StickinessOptions {
  /**
   * The last day of the window (its UTC day; the day is included). Default: the UTC day of the latest
   * event.
   */
  readonly asOf?: string | Date | number;
  /** Length of the window in days, from 1 to 366. Default `30` (7 gives DAU ÷ WAU). */
  readonly windowDays?: number;
}

const eventSchema = /* @__PURE__ */ (() =>
  z.strictObject({ userId: z.union([z.string().check(z.minLength(1)), z.number()]), at: date }))();

const countsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ dailyActiveUsers: nonNegativeNumber, monthlyActiveUsers: count }).check(
    z.refine((v) => v.dailyActiveUsers <= v.monthlyActiveUsers, {
      error: 'must not exceed monthlyActiveUsers',
      path: ['dailyActiveUsers'],
      when: (payload) => payload.issues.length === 0,
    }),
  ))();

const forms = /* @__PURE__ */ (() =>
  [
    { key: 'dailyActiveUsers', schema: countsSchema },
    { key: 'events', schema: z.strictObject({ events: bulkArray<ActivityEvent>('an array of events') }) },
  ] as const)();

const MAX_WINDOW_DAYS = 366;

const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    asOf: z.optional(date),
    windowDays: z.optional(z.int().check(z.gte(1), z.lte(MAX_WINDOW_DAYS))),
  }))();

function reject(event: unknown, index: number): never {
  return rejectElement(METRIC, eventSchema, event, ['events', index]);
}

/** Number of set bits of a 32-bit integer. */
function bitCount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** The number of set bits in the first `used` words of `bitmaps`. */
function setBits(bitmaps: Int32Array, used: number): number {
  let total = 0;
  for (let i = 0; i < used; i++) total += bitCount(bitmaps[i] as number);
  return total;
}

/** Integer ids below this are interned through a direct table rather than a Map (16 MB at most). */
const DENSE_IDS = 1 << 22;

/**
 * The days of a window on which each user with an integer id below 2^22 was active: a bitmap per user (one
 * bit a day, in 32-bit words), users numbered from 0 in the order of their first event in the window through
 * a table indexed by the id itself. The sum of daily actives is the total number of set bits, and the
 * distinct actives are the users numbered.
 */
class ActiveDays {
  private readonly words: number;
  private bitmaps: Int32Array<ArrayBuffer>;
  private denseRows = new Int32Array(1024);
  users = 0;

  constructor(readonly windowDays: number) {
    this.words = (windowDays + 31) >>> 5;
    this.bitmaps = new Int32Array(this.words * 1024);
  }

  /** Marks user `id`, an integer in [0, 2^22), active on day `offset` of the window. */
  markDense(id: number, offset: number): void {
    if (id >= this.denseRows.length) this.denseRows = grown(this.denseRows, id + 1);
    let row = (this.denseRows[id] as number) - 1;
    if (row < 0) {
      row = this.users;
      this.denseRows[id] = row + 1;
    }
    this.mark(row, offset);
  }

  /** Marks row `row` (at most one more than the last) active on day `offset`. */
  private mark(row: number, offset: number): void {
    if (row === this.users) {
      this.users++;
      if (this.users * this.words > this.bitmaps.length) {
        this.bitmaps = grown(this.bitmaps, this.users * this.words);
      }
    }
    const at = row * this.words + (offset >>> 5);
    this.bitmaps[at] = (this.bitmaps[at] as number) | (1 << (offset & 31));
  }

  /** Σ over the window's days of the users active that day. */
  userDays(): number {
    return setBits(this.bitmaps, this.users * this.words);
  }
}

/** Events read but not yet counted: their days and user ids, in compact columns. */
interface Kept {
  /** Day numbers, or offsets into the window when it was known while reading. */
  readonly days: Int32Array;
  /** The id when it is an integer in [0, 2^22), else −1: the id is the next entry of `others`. */
  readonly dense: Int32Array;
  /** The other ids (strings, large or fractional numbers), in the order of their events. */
  readonly others: readonly (string | number)[];
  readonly count: number;
  /** The latest day kept. */
  readonly latest: number;
}

const NOTHING_KEPT = new Int32Array(0);

/**
 * The one pass over the events: validates each, reading each field once (a getter could answer differently
 * the second time). When the window is known (`first` is given), an event with a small integer id is counted
 * at once, and one with another id is kept as its offset into the window and counted by {@link countKept}
 * after the loop; a loop that only hashes ids and a loop that only parses dates run faster than one loop
 * doing both. Without a window, every event is kept with its day number, and the window is placed on the
 * latest day afterwards. The columns are sized on the first event kept: no more can follow than are left.
 */
function readEvents(events: ArrayLike<unknown>, length: number, active: ActiveDays, first: number | undefined): Kept {
  const counting = first !== undefined;
  const shift = counting ? first : 0;
  const windowDays = active.windowDays;
  let days = NOTHING_KEPT;
  let dense = NOTHING_KEPT;
  let others: (string | number)[] = [];
  let count = 0;
  let otherCount = 0;
  let latest = Number.NEGATIVE_INFINITY;
  const iterator = ownIterator(events);
  for (let i = 0; i < length; i++) {
    const event = (iterator === undefined ? events[i] : nextElement(iterator)) as ActivityEvent;
    if (typeof event !== 'object' || event === null) reject(event, i);
    const when = event.at;
    const at = toEpoch(when);
    const userId = event.userId;
    const validId =
      typeof userId === 'string' ? userId.length > 0 : typeof userId === 'number' && userId - userId === 0;
    if (Number.isNaN(at) || !validId || !hasOnlyKeys(event, 'userId', 'at')) {
      // The values as read here are reported, not the event read again.
      reject(hasOnlyKeys(event, 'userId', 'at') ? { userId, at: when } : event, i);
    }
    // Without a window the offset is the day number itself (±10^8 days fit an Int32Array).
    const offset = Math.floor(at / DAY_MS) - shift;
    if (counting && (offset < 0 || offset >= windowDays)) continue;
    const id = typeof userId === 'number' && userId >>> 0 === userId && userId < DENSE_IDS ? userId : -1;
    if (counting && id >= 0) {
      active.markDense(id, offset);
      continue;
    }
    if (count === 0) {
      days = new Int32Array(length - i);
      dense = new Int32Array(length - i);
    }
    days[count] = offset;
    dense[count++] = id;
    if (offset > latest) latest = offset;
    if (id < 0) {
      // Preallocated up to 2^24 (a larger `new Array` starts as a slow dictionary); beyond, writes append.
      if (otherCount === 0) others = new Array(Math.min(length - i, 1 << 24));
      others[otherCount++] = userId;
    }
  }
  return { days, dense, others, count, latest };
}

/**
 * Counts the kept events whose day, less `shift`, falls in the window: small integer ids into `active`, the
 * other ids here, as a Map from id to row and a bitmap per row like {@link ActiveDays}'. The two sets of
 * users are disjoint (an id is either a small integer or not). Returns the other ids' user-days and users.
 */
function countKept(kept: Kept, shift: number, active: ActiveDays): { userDays: number; users: number } {
  const { days, dense, others, count } = kept;
  const windowDays = active.windowDays;
  const words = (windowDays + 31) >>> 5;
  const rows = new Map<string | number, number>();
  let bitmaps = new Int32Array(words * 1024);
  let users = 0;
  let next = 0;
  for (let k = 0; k < count; k++) {
    const id = dense[k] as number;
    // Taken before the window test: `others` holds the ids of every kept event in order.
    const other = id < 0 ? (others[next++] as string | number) : 0;
    const offset = (days[k] as number) - shift;
    if (offset < 0 || offset >= windowDays) continue;
    if (id >= 0) {
      active.markDense(id, offset);
      continue;
    }
    let row = rows.get(other);
    if (row === undefined) {
      row = users++;
      rows.set(other, row);
      if (users * words > bitmaps.length) bitmaps = grown(bitmaps, users * words);
    }
    const at = row * words + (offset >>> 5);
    bitmaps[at] = (bitmaps[at] as number) | (1 << (offset & 31));
  }
  return { userDays: setBits(bitmaps, users * words), users };
}

/** A copy of `array` at least `size` long (doubling), zero-filled beyond the old end. */
function grown(array: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  let length = array.length;
  while (length < size) length *= 2;
  const larger = new Int32Array(length);
  larger.set(array);
  return larger;
}

/**
 * Stickiness (DAU ÷ MAU): how many of the month's active users are active on an average day.
 *
 * @remarks
 * Counts form: stickiness = dailyActiveUsers ÷ monthlyActiveUsers, where `dailyActiveUsers` is the average
 * number of distinct active users per day over the month (it may have a fraction) and `monthlyActiveUsers`
 * the distinct active users over the same month.
 *
 * Events form: the same ratio measured from raw `{ userId, at }` events over a trailing window of
 * `windowDays` whole UTC days (default 30) ending with the day of `asOf` (included). Each day is the
 * half-open interval [00:00Z, next 00:00Z); the window is [start of (asOf's day − windowDays + 1), start of
 * the day after asOf's day). Then
 * stickiness = (Σ over the window's days of the distinct users active that day ÷ windowDays) ÷ distinct
 * users active in the window. Days without any event count as 0 active users (they lower the average);
 * events outside the window are validated but not counted. `windowDays: 7` gives DAU ÷ WAU. This is
 * Mixpanel's monthly stickiness (the average of the daily actives over a month ÷ the month's actives) on a
 * rolling 30-day month, the trailing window Statsig uses for its monthly actives (today and the 29 days
 * before).
 *
 * Exact: Σ daily actives and the distinct count are integers, and the result is one division of
 * Σ daily actives by windowDays × distinct actives, correctly rounded.
 *
 * Source: the engagement metrics of the source documents (`docs/sources.md` row 29); the DAU ÷ MAU ratio
 * as Mixpanel defines stickiness.
 *
 * Unit: a fraction from 1 ÷ windowDays (each user active on one day) to 1 (everyone active every day).
 *
 * @param input - `{ dailyActiveUsers, monthlyActiveUsers }`, or `{ events: [{ userId, at }] }` with `userId`
 * a non-empty string or a number and `at` an ISO string, a `Date` or epoch milliseconds.
 * @param options - events form only: `{ asOf = day of the latest event, windowDays = 30 }`.
 * @throws {@link MetricError} `INVALID_INPUT` when `dailyActiveUsers` is negative or not finite,
 * `monthlyActiveUsers` is not a count, `dailyActiveUsers` exceeds `monthlyActiveUsers`, an event is not an
 * object, has an unknown key, an empty or non-finite `userId` or an invalid date (`['events', 7, 'at']`),
 * `asOf` is not a date, `windowDays` is not an integer from 1 to 366, or an option is given with the counts
 * form.
 * @throws {@link MetricError} `NO_DATA` when `monthlyActiveUsers` is 0, or there is no event in the window.
 * @example
 * ```ts
 * stickiness({ dailyActiveUsers: 2500, monthlyActiveUsers: 10000 }); // => 0.25
 * // A 2-day window: ann is active on both days, bob on the second only. (1 + 2) ÷ 2 days ÷ 2 users.
 * const events = [
 *   { userId: 'ann', at: '2024-03-01T09:00:00Z' },
 *   { userId: 'ann', at: '2024-03-01T17:00:00Z' },
 *   { userId: 'ann', at: '2024-03-02T09:00:00Z' },
 *   { userId: 'bob', at: '2024-03-02T10:00:00Z' },
 * ];
 * stickiness({ events }, { asOf: '2024-03-02', windowDays: 2 }); // => 0.75
 * ```
 * @category Engagement
 */
export function stickiness(input: StickinessInput, options?: StickinessOptions): number {
  const parsed = parseForm(METRIC, forms, input);
  const settings = parseOptions(METRIC, optionsSchema, options);
  const { asOf, windowDays = 30 } = settings;
  if (parsed.form === 'dailyActiveUsers') {
    if (asOf !== undefined) invalid(METRIC, ['asOf'], 'applies only to the events form', 'options');
    if (settings.windowDays !== undefined) {
      invalid(METRIC, ['windowDays'], 'applies only to the events form', 'options');
    }
    const { dailyActiveUsers, monthlyActiveUsers } = parsed.value;
    if (monthlyActiveUsers === 0) noData(METRIC, ['monthlyActiveUsers'], 'must be greater than 0');
    return dailyActiveUsers / monthlyActiveUsers;
  }
  const { events } = parsed.value;
  const length = events.length;
  if (length === 0) noData(METRIC, ['events'], 'has no events');
  const active = new ActiveDays(windowDays);
  let last: number;
  let others: { userDays: number; users: number };
  if (asOf === undefined) {
    const kept = readEvents(events, length, active, undefined);
    last = kept.latest;
    others = countKept(kept, last - windowDays + 1, active);
  } else {
    last = Math.floor(toEpoch(asOf) / DAY_MS);
    others = countKept(readEvents(events, length, active, last - windowDays + 1), 0, active);
  }
  const users = active.users + others.users;
  const userDays = active.userDays() + others.userDays;
  if (users === 0) {
    noData(METRIC, ['events'], `has no events in the ${windowDays} days up to ${formatDay(last * DAY_MS)}`);
  }
  // Σ daily actives ≤ windowDays × users ≤ 366 × 2^32: exact integers, one correctly rounded division.
  return userDays / (windowDays * users);
}
