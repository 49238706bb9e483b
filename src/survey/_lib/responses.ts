// Survey answers as records, `{ responses: [{ score, at?, attributes?, topics? }] }`: the form an export from a
// survey tool (Qualtrics, Delighted) has, one object per answer. Each record is read once, field by field
// (a getter is never asked twice), checked with fast predicates, and only a bad one is handed to zod to name
// the problem. The readers keep what the caller needs of each record: its score, its date, the value of the
// `segmentBy` attribute and its topics.
import * as z from 'zod/mini';
import { isScoreOn } from './distribution.js';
import { grown, type SegmentCounts, type SurveySegmentation } from './segmentColumns.js';
import { toEpoch } from '../../internal/dates.js';
import { nextElement, ownIterator } from '../../internal/elements.js';
import { bulkArray, rejectElement } from '../../internal/parse.js';
import { date, type Scale, scoreOn } from '../../internal/schemas.js';
import { attributesField, isAttributes } from '../../internal/segmented.js';
import { SegmentIds, segmentKeyReader } from '../../internal/segments.js';

/** One survey answer. */
export interface SurveyResponse {
  /** The answer: an integer on the survey's scale (0–10 for the Net Promoter Score). */
  readonly score: number;
  /** When it was given: an ISO date (`2024-03-15`, `2024-03-15T10:00:00Z`), a `Date` or epoch milliseconds. */
  readonly at?: string | Date | number | undefined;
  /** Its attributes (`{ plan: 'pro', region: 'EU' }`), the keys `segmentBy` reads. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
  /** The topics of its comment (`['pricing', 'support']`), non-empty strings, as `topicImpact` reads them. */
  readonly topics?: readonly string[] | undefined;
}

/** The `responses` field schema: an array of records, each checked by {@link ResponseReader}. */
export const responsesField = /* @__PURE__ */ (() =>
  bulkArray<SurveyResponse>('an array of responses ({ score, at?, attributes?, topics? })'))();

/** The schema of one response on a scale: built only to name the problem of a bad one. */
function responseSchema(range: Scale) {
  return z.strictObject({
    score: scoreOn(range),
    at: z.optional(date),
    attributes: attributesField,
    topics: z.optional(z.array(z.string().check(z.minLength(1)))),
  });
}

const NO_TOPICS: readonly string[] = [];

/**
 * Reads responses one at a time. After {@link ResponseReader.read}, `score`, `at` (epoch ms, NaN when absent),
 * `attribute` (the value of the attribute named at construction, if the record has it) and `topics` (distinct,
 * in order of first mention) describe the record read.
 */
export class ResponseReader {
  score = 0;
  at = Number.NaN;
  attribute: string | undefined;
  topics: readonly string[] = NO_TOPICS;
  private readonly seen: ((key: string, value: string) => void) | undefined;

  constructor(
    private readonly metric: string,
    private readonly range: Scale,
    attribute?: string,
    private readonly prefix: readonly (string | number)[] = [],
  ) {
    if (attribute !== undefined) {
      this.seen = (key, value) => {
        if (key === attribute) this.attribute = value;
      };
    }
  }

  private reject(value: unknown, index: number): never {
    return rejectElement(this.metric, responseSchema(this.range), value, [...this.prefix, 'responses', index]);
  }

  /** Validates response `index` and keeps its fields; a bad one is reported at `[…prefix, 'responses', index, …]`. */
  read(value: unknown, index: number): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.reject(value, index);
    const record = value as Record<string, unknown>;
    let score: unknown;
    let at: unknown;
    let attributes: unknown;
    let topics: unknown;
    for (const key in record) {
      switch (key) {
        case 'score':
          score = record[key];
          break;
        case 'at':
          at = record[key];
          break;
        case 'attributes':
          attributes = record[key];
          break;
        case 'topics':
          topics = record[key];
          break;
        default:
          this.reject(value, index);
      }
    }
    if (!isScoreOn(score, this.range)) this.reject(value, index);
    this.score = score;
    this.at = at === undefined ? Number.NaN : toEpoch(at);
    if (at !== undefined && Number.isNaN(this.at)) this.reject(value, index);
    this.attribute = undefined;
    if (attributes !== undefined && !isAttributes(attributes, this.seen)) this.reject(value, index);
    this.topics = topics === undefined ? NO_TOPICS : this.readTopics(value, index, topics);
  }

  /** The distinct topics of a record, each element read once; a topic named twice counts once. */
  private readTopics(value: unknown, index: number, topics: unknown): readonly string[] {
    if (!Array.isArray(topics)) this.reject(value, index);
    const length = topics.length;
    if (length === 0) return NO_TOPICS;
    const read: string[] = [];
    for (let j = 0; j < length; j++) {
      const topic: unknown = topics[j];
      if (typeof topic !== 'string' || topic.length === 0) {
        rejectElement(this.metric, z.string().check(z.minLength(1)), topic, [
          ...this.prefix,
          'responses',
          index,
          'topics',
          j,
        ]);
      }
      if (!read.includes(topic)) read.push(topic);
    }
    return read;
  }
}

/**
 * Calls `each(record, index)` for every response after reading it into `reader`: an array's elements by
 * index, a lazy array-like's through its own iterator.
 */
export function eachResponse(
  responses: ArrayLike<unknown>,
  reader: ResponseReader,
  each: (record: unknown, index: number) => void,
): void {
  const iterator = ownIterator(responses);
  const length = responses.length;
  for (let i = 0; i < length; i++) {
    const record = iterator === undefined ? responses[i] : nextElement(iterator);
    reader.read(record, i);
    each(record, i);
  }
}

/** Counts per score of the responses (`stride` counts from the scale's minimum), every response checked. */
export function tallyResponses(
  metric: string,
  responses: ArrayLike<unknown>,
  range: Scale,
  prefix: readonly (string | number)[] = [],
): Float64Array {
  const counts = new Float64Array(range.max - range.min + 1);
  const reader = new ResponseReader(metric, range, undefined, prefix);
  const min = range.min;
  eachResponse(responses, reader, () => {
    counts[reader.score - min] = (counts[reader.score - min] as number) + 1;
  });
  return counts;
}

/**
 * Counts the responses of each segment in one pass (`stride` counts per segment, as `countSegments` gives
 * for scores): `segmentBy` names an attribute of each response (read with the response, once) or is a
 * function of the response and its index. A response without the attribute is refused at `['responses', i,
 * 'attributes', name]` or counted in `'(none)'`; a function's failure is refused at `['responses', i]`.
 */
export function countResponseSegments(
  metric: string,
  responses: ArrayLike<unknown>,
  range: Scale,
  segmentation: SurveySegmentation,
): SegmentCounts {
  const by = segmentation.segmentBy;
  const attribute = typeof by === 'string' ? by : undefined;
  const key = segmentKeyReader(metric, 'responses', by, segmentation.missingSegment);
  const reader = new ResponseReader(metric, range, attribute);
  // Segmented by attribute, the key reader is shown the value read with the response, never the record.
  const shown = { attributes: { [attribute ?? '']: '' } };
  const bare = {};
  const ids = new SegmentIds();
  const min = range.min;
  const stride = range.max - min + 1;
  let counts: Float64Array = new Float64Array(8 * stride);
  eachResponse(responses, reader, (record, i) => {
    let subject = record;
    if (attribute !== undefined) {
      const value = reader.attribute;
      if (value === undefined) subject = bare;
      else {
        shown.attributes[attribute] = value;
        subject = shown;
      }
    }
    const base = ids.id(key(subject, i)) * stride;
    if (base + stride > counts.length) counts = grown(counts);
    counts[base + reader.score - min] = (counts[base + reader.score - min] as number) + 1;
  });
  return { names: ids.names, declared: ids.names.map(() => false), counts };
}
