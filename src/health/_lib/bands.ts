// What the health metrics share: the traffic-light statuses and their bands.
import * as z from 'zod/mini';
import { invalid } from '../../internal/parse.js';
import { decimal } from '../../internal/schemas.js';
import { compare, type Rational, rationalOf, toNumber } from '../../internal/exact/rational.js';

/** A traffic-light status: `'red'` (at risk), `'yellow'` (watch) or `'green'` (healthy). */
export type HealthStatus = 'red' | 'yellow' | 'green';

/**
 * Status bands on the 0–100 score: a score at or below `red` is red, at or below `yellow` is yellow, above
 * `yellow` green. Default `{ red: 50, yellow: 75 }` (Gainsight's numeric scheme: 0–50, 51–75, 76–100).
 */
export interface HealthBands {
  /** Highest score that is red, 0–100. */
  readonly red: number | string;
  /** Highest score that is yellow, above `red`, at most 100. */
  readonly yellow: number | string;
}

/** The default bands. */
export const DEFAULT_BANDS: HealthBands = { red: 50, yellow: 75 };

/** The schema of `bands` (the order of `red` and `yellow` is checked by {@link readBands}). */
export const bandsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ red: decimal({ min: 0, max: 100 }), yellow: decimal({ min: 0, max: 100 }) }))();

/** Bands as exact values, and as the doubles that classify a double score exactly. */
export interface Bands {
  readonly red: Rational;
  readonly yellow: Rational;
  /** The largest double at or below `red`: a double score is red exactly when it is `<= redAtMost`. */
  readonly redAtMost: number;
  /** The largest double at or below `yellow`. */
  readonly yellowAtMost: number;
}

/** The largest double not above a non-negative exact value. */
function atMost(value: Rational): number {
  const nearest = toNumber(value);
  if (compare(rationalOf(nearest), value) <= 0) return nearest;
  // The nearest double is above (so it is positive): the one below has the bit pattern one less.
  const scratch = new Float64Array([nearest]);
  const bits = new BigInt64Array(scratch.buffer);
  bits[0] = (bits[0] as bigint) - 1n;
  return scratch[0] as number;
}

/** Reads validated bands, checking `red < yellow`; `path` names the bands field in errors. */
export function readBands(
  metric: string,
  bands: HealthBands | undefined,
  path: readonly (string | number)[],
  root = 'input',
): Bands {
  const { red: redInput, yellow: yellowInput } = bands ?? DEFAULT_BANDS;
  const red = rationalOf(redInput);
  const yellow = rationalOf(yellowInput);
  if (compare(red, yellow) >= 0) invalid(metric, [...path, 'yellow'], 'must be greater than red', root);
  return { red, yellow, redAtMost: atMost(red), yellowAtMost: atMost(yellow) };
}

/** The status of an exact score: red at or below `red`, yellow at or below `yellow`, green above. */
export function statusOf(score: Rational, bands: Bands): HealthStatus {
  return compare(score, bands.red) <= 0 ? 'red' : compare(score, bands.yellow) <= 0 ? 'yellow' : 'green';
}
