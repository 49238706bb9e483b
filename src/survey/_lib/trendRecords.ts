// Response records of a survey trend, `{ at, score, segment?, attributes? }`, read into columns for the
// counting pass of trendCounts.ts. Each field of a record is read once (a getter is never asked twice).
import * as z from 'zod/mini';
import { isScoreOn } from './distribution.js';
import type { TrendResponse } from './trendForms.js';
import { PeriodBlocks } from './trendBlocks.js';
import type { TrendTally, Window } from './trendCounts.js';
import type { TrendPeriod } from './trendPeriods.js';
import { DAY_MS, toEpoch } from '../../internal/dates.js';
import { invalid, noData, rejectElement } from '../../internal/parse.js';
import { date, type Scale, scoreOn } from '../../internal/schemas.js';
import { isAttributes } from '../../internal/segmented.js';
import {
  type MissingSegment,
  NO_SEGMENT,
  type SegmentBy,
  SegmentIds,
  segmentKeyReader,
} from '../../internal/segments.js';

const RESPONSE_KEYS = new Set(['at', 'score', 'segment', 'attributes']);

function responseSchema(range: Scale) {
  return z.strictObject({
    at: date,
    score: scoreOn(range),
    segment: z.optional(z.string().check(z.minLength(1))),
    attributes: z.optional(z.record(z.string(), z.string())),
  });
}

/**
 * The record's own fields, each read once (a getter is never asked twice), its attributes copied; or null
 * when it is not a plain object of strings where the attributes are.
 */
function snapshot(record: unknown): Record<string, unknown> | null {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return null;
  const keys = Object.keys(record);
  const own = record as Record<string, unknown>;
  // An export's row `{ at, score, segment? }`: copied into an object of fixed shape (far cheaper to build
  // than one grown key by key, which is what the loop below does for any other record).
  if (keys.length === 3 && Object.hasOwn(own, 'at') && Object.hasOwn(own, 'score') && Object.hasOwn(own, 'segment')) {
    return { at: own.at, score: own.score, segment: own.segment };
  }
  if (keys.length === 2 && Object.hasOwn(own, 'at') && Object.hasOwn(own, 'score')) {
    return { at: own.at, score: own.score };
  }
  const read: Record<string, unknown> = {};
  for (const key of keys) read[key] = own[key];
  const attributes = read.attributes;
  if (attributes !== undefined) {
    const copy: Record<string, string> = {};
    if (
      !isAttributes(attributes, (key, value) => {
        copy[key] = value;
      })
    ) {
      return read;
    }
    read.attributes = copy;
  }
  return read;
}

/** Whether a record's fields are what `responseSchema` accepts (checked without zod; zod names the problem). */
function isResponse(
  read: Record<string, unknown> | null,
  range: Scale,
  time: number,
): read is Record<string, unknown> & TrendResponse {
  if (read === null) return false;
  for (const key of Object.keys(read)) if (!RESPONSE_KEYS.has(key)) return false;
  const { score, segment, attributes } = read;
  if (Number.isNaN(time) || !isScoreOn(score, range)) return false;
  if (segment !== undefined && !(typeof segment === 'string' && segment.length > 0)) return false;
  return attributes === undefined || isAttributes(attributes);
}

/** Whether an object's prototype chain has no enumerable key (so `for … in` lists its own keys only). */
function bareChain(prototype: object | null): boolean {
  for (const _ in prototype) return false;
  return true;
}

/**
 * The fields of one record, read once each by `for … in` into fields of this reader: no object is made per
 * record (a copy per record was most of the cost of a trend over records, with its garbage).
 */
class RecordFields {
  at: unknown;
  score: unknown;
  segment: unknown;
  attributes: unknown;
  private prototype: object | null | undefined;
  private bare = false;

  /**
   * Reads the record's fields; false when it is not an object, its prototype chain has enumerable keys, or
   * it has a key that is not a response field (the caller then takes the general way, which reports it).
   */
  read(record: unknown): boolean {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
    // `for … in` also lists inherited enumerable keys, which Object.keys does not: checked once per chain.
    const prototype = Object.getPrototypeOf(record) as object | null;
    if (prototype !== this.prototype) {
      this.prototype = prototype;
      this.bare = bareChain(prototype);
    }
    if (!this.bare) return false;
    this.at = undefined;
    this.score = undefined;
    this.segment = undefined;
    this.attributes = undefined;
    const own = record as Record<string, unknown>;
    for (const name in own) {
      if (name === 'at') this.at = own.at;
      else if (name === 'score') this.score = own.score;
      else if (name === 'segment') this.segment = own.segment;
      else if (name === 'attributes') this.attributes = own.attributes;
      else return false;
    }
    return true;
  }

  /** Whether the fields read are what `responseSchema` accepts (as `isResponse`). */
  valid(range: Scale, time: number): boolean {
    const { segment, attributes } = this;
    if (Number.isNaN(time) || !isScoreOn(this.score, range)) return false;
    if (segment !== undefined && !(typeof segment === 'string' && segment.length > 0)) return false;
    return attributes === undefined || isAttributes(attributes);
  }
}

/**
 * Response records: each checked (`['responses', i, 'at']` for a missing date), its segment read from
 * `segmentBy` when given, else from its `segment` (on every response or on none).
 */
export function responsesTally(
  metric: string,
  responses: ArrayLike<unknown>,
  range: Scale,
  period: TrendPeriod,
  window: Window,
  segmentBy: SegmentBy<never> | undefined,
  missing: MissingSegment,
): TrendTally {
  const length = responses.length;
  const ids = new SegmentIds();
  const key = segmentBy === undefined ? undefined : segmentKeyReader(metric, 'responses', segmentBy, missing);
  let segmented: boolean | undefined = segmentBy === undefined ? undefined : true;
  const fields = new RecordFields();
  const min = range.min;
  const stride = range.max - min + 1;
  // Counted as they are read: no column of scores, dates and codes, no second pass.
  const blocks = new PeriodBlocks(period, stride);
  // Exports come sorted by date: a date written as the previous one is not parsed again, and a segment named
  // as the previous one is not looked up again.
  let lastAt = '';
  let lastTime = Number.NaN;
  let lastSegment = '';
  let lastCode = -1;
  for (let i = 0; i < length; i++) {
    const given = responses[i];
    // Without segmentBy nothing needs the record after its fields are read: they are read into `fields`
    // (no copy). segmentBy is handed a copy, so that it never reads a field a second time.
    const record = key === undefined && fields.read(given) ? null : snapshot(given);
    const at = record === null ? fields.at : record.at;
    let time: number;
    if (typeof at === 'string') {
      if (at !== lastAt) {
        lastAt = at;
        lastTime = toEpoch(at);
      }
      time = lastTime;
    } else time = toEpoch(at);
    if (record === null ? !fields.valid(range, time) : !isResponse(record, range, time)) {
      // Only a bad record is read again, to show it as it is.
      rejectElement(metric, responseSchema(range), record ?? snapshot(given) ?? given, ['responses', i]);
    }
    const score = (record === null ? fields.score : record.score) as number;
    let slot = 0;
    if (key !== undefined) slot = ids.id(key(record, i)) + 1;
    else {
      const segment = record === null ? fields.segment : record.segment;
      const own = segment !== undefined;
      segmented ??= own;
      if (own !== segmented) {
        if (own || missing !== 'group') {
          invalid(
            metric,
            ['responses', i, 'segment'],
            own
              ? 'is given, but the responses before it have none: give every response a segment, or none'
              : "is missing: the responses before it have one (give every response a segment, or missingSegment: 'group')",
          );
        }
        slot = ids.id(NO_SEGMENT) + 1;
      } else if (own) {
        if (segment !== lastSegment) {
          lastSegment = segment as string;
          lastCode = ids.id(lastSegment);
        }
        slot = lastCode + 1;
      }
    }
    if (time < window.from || time >= window.to) continue;
    blocks.add(Math.floor(time / DAY_MS), slot * stride + score - min);
  }
  if (blocks.empty) {
    const inside = Number.isFinite(window.from) || Number.isFinite(window.to) ? ' between from and to' : '';
    noData(metric, ['responses'], `has no responses${inside}`);
  }
  const names = segmented === true ? [NO_SEGMENT, ...ids.names] : null;
  return {
    ...blocks.tally(window, names === null ? 1 : names.length),
    names,
    declared: names === null ? [false] : names.map(() => false),
  };
}
