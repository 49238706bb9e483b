// The integer plan of a health scorecard: how its fast path computes exact scores with integer arithmetic
// in doubles.
//
// Every measure's score is kept as an integer n = score × C for one common denominator C, and every weight as
// an integer W; an account's score is Σ Wᵢnᵢ ÷ (C · Σ Wᵢ), one division of two integers below 2^53, so the
// double it gives is the exact score correctly rounded, and its status is decided exactly by comparing
// Σ Wᵢnᵢ with (red × C) · Σ Wᵢ. A linear measure reads its value as an integer x = value × 10^k (k decimal
// places, chosen per measure) and scores n = x × M − A·M, with A = worst × 10^k and M = 100 C ÷ (B − A) an
// integer. The plan is checked once, when the scorecard is created, for every bound these products must
// respect; a value outside them (more decimals than k, decimal strings, anything invalid) is left to the
// exact path, which also reports every error.
import { gcd, lcm, pow10 } from '../../internal/exact/integer.js';
import { compare, integer, type Rational, rationalOf, reduce, toNumber } from '../../internal/exact/rational.js';
import { KINDS, type Measure, scaleScore } from './scale.js';

/** Integers handled by the fast path stay at or below 2^51, two bits under the exact-integer limit. */
const LIMIT = 2n ** 51n;
/** A value is recognised as x ÷ 10^k only for |x| < 10^15: fifteen significant digits identify a double. */
const RECOGNITION = 10n ** 15n;
/** Decimal places tried first for values of linear and score measures (fewer if the bounds require it). */
const TARGET_PLACES = 9;

/** Decimal places of an exact decimal: the smallest k with value × 10^k an integer. */
function placesOf(value: Rational): number {
  const { den } = reduce(value);
  let k = 0;
  while (pow10(k) % den !== 0n) k++;
  return k;
}

function magnitude(value: bigint): bigint {
  return value < 0n ? -value : value;
}

function larger(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function absolute(value: Rational): Rational {
  return { num: magnitude(value.num), den: value.den };
}

/**
 * Weights as integers in the same proportions, with no common factor: w × (lcm of the denominators) ÷ gcd.
 * All zeros when every weight is zero.
 */
export function integerWeights(weights: readonly Rational[]): bigint[] {
  const denominator = weights.reduce((acc, w) => lcm(acc, w.den), 1n);
  const scaled = weights.map((w) => (w.num * denominator) / w.den);
  const divisor = scaled.reduce((acc, u) => gcd(acc, u), 0n);
  return divisor === 0n ? scaled : scaled.map((u) => u / divisor);
}

/** The kind code of a measure whose values always take the exact path. */
export const EXACT_ONLY = KINDS.length;

/**
 * The integer plan of a scorecard: per measure, how its values become integers n = score × C. Arrays are
 * indexed by measure (in configuration order) unless said otherwise.
 */
export interface IntegerPlan {
  /** The common denominator C of the measures' scores. */
  readonly common: number;
  /** 100 × C: the n of a score of 100. */
  readonly full: number;
  /** The integer weights W, and their sum. */
  readonly units: Float64Array;
  readonly totalUnits: number;
  /** The bands times C: an account is red when Σ Wᵢnᵢ ≤ red × Σ Wᵢ (counted), yellow when ≤ yellow × Σ Wᵢ. */
  readonly red: number;
  readonly yellow: number;
  /** The index of the scale kind in `KINDS`, or `EXACT_ONLY`. */
  readonly kinds: Uint8Array;
  /** Linear and score: a value v is read as x = v × scale[j], then n = x × slope[j] − offset[j]. */
  readonly scale: Float64Array;
  readonly slope: Float64Array;
  readonly offset: Float64Array;
  /** Steps: the thresholds of measure j are `stepFrom[stepStart[j]]` up to before `stepStart[j + 1]`. */
  readonly stepStart: Int32Array;
  readonly stepFrom: Float64Array;
  readonly stepN: Float64Array;
  readonly belowN: Float64Array;
  /** n of each integer value from `tableMin[j]` to `tableMin[j] + tableSpan[j]`, from `table[tableBase[j]]` (span −1: no table). */
  readonly tableMin: Int32Array;
  readonly tableSpan: Int32Array;
  readonly tableBase: Int32Array;
  readonly table: Float64Array;
}

/**
 * The plan of a scorecard that does not fit one: every measure `EXACT_ONLY`, so the fast path scores no
 * value and only reads the accounts for the exact path.
 */
export function exactOnlyPlan(count: number): IntegerPlan {
  return {
    common: 1,
    full: 100,
    units: new Float64Array(count),
    totalUnits: 0,
    red: 0,
    yellow: 0,
    kinds: new Uint8Array(count).fill(EXACT_ONLY),
    scale: new Float64Array(count),
    slope: new Float64Array(count),
    offset: new Float64Array(count),
    stepStart: new Int32Array(count + 1),
    stepFrom: new Float64Array(0),
    stepN: new Float64Array(0),
    belowN: new Float64Array(count),
    tableMin: new Int32Array(count),
    tableSpan: new Int32Array(count).fill(-1),
    tableBase: new Int32Array(count),
    table: new Float64Array(0),
  };
}

/** Integer values tabled beyond a measure's range on either side, and the largest table of one measure. */
const TABLE_MARGIN = 1024;
const TABLE_LIMIT = 1 << 16;

/** The integer plan of the measures (weights already integers), or `undefined` when they do not fit one. */
export function planIntegers(
  measures: readonly Measure[],
  totalUnits: bigint,
  red: Rational,
  yellow: Rational,
): IntegerPlan | undefined {
  const count = measures.length;
  const places = measures.map((m) => (m.kind === 'linear' ? Math.max(placesOf(m.worst), placesOf(m.best)) : 0));
  // For a linear measure, the largest |bound|: in-range values have |x| ≤ |bound| × 10^k, kept below 10^15.
  const below = (m: Measure, k: number): boolean => {
    const bound = compare(absolute(m.worst), absolute(m.best)) > 0 ? absolute(m.worst) : absolute(m.best);
    return bound.num * pow10(k) < RECOGNITION * bound.den;
  };
  const usable = new Uint8Array(count);
  const highest = measures.map((m, j) => {
    if (m.kind === 'score') return 12; // 100 × 10^12 < 10^15
    if (m.kind === 'steps')
      usable[j] = m.froms.every((from) => compare(rationalOf(toNumber(from)), from) === 0) ? 1 : 0;
    if (m.kind !== 'linear') return 0;
    let k = places[j] as number;
    if (!below(m, k)) return k;
    usable[j] = 1;
    while (k < 15 && below(m, k + 1)) k++;
    return k;
  });
  measures.forEach((m, j) => {
    if (m.kind === 'boolean' || m.kind === 'score') usable[j] = 1;
  });
  const digits = measures.map((_, j) => Math.min(highest[j] as number, Math.max(places[j] as number, TARGET_PLACES)));

  const fixedRequirement = [red, yellow, ...measures.flatMap((m) => (m.kind === 'steps' ? [...m.scores, m.below] : []))]
    .map((value) => reduce(value).den)
    .reduce(lcm, 1n);

  for (;;) {
    let common = fixedRequirement;
    measures.forEach((m, j) => {
      if (!usable[j]) return;
      const k = digits[j] as number;
      if (m.kind === 'score') common = lcm(common, pow10(k));
      if (m.kind === 'linear') {
        const span = magnitude((m.best.num * pow10(k)) / m.best.den - (m.worst.num * pow10(k)) / m.worst.den);
        common = lcm(common, span / gcd(100n, span));
      }
    });
    let fits = 100n * common * totalUnits <= LIMIT;
    measures.forEach((m, j) => {
      if (!usable[j] || m.kind !== 'linear') return;
      const k = digits[j] as number;
      const worst = (m.worst.num * pow10(k)) / m.worst.den;
      const best = (m.best.num * pow10(k)) / m.best.den;
      const slope = magnitude((100n * common) / (best - worst));
      const largest = larger(magnitude(worst), magnitude(best));
      if (largest * slope > LIMIT) fits = false;
    });
    if (fits) return buildPlan(measures, digits, usable, common, totalUnits, red, yellow);
    // Give up one decimal place where the most are left above the minimum, and try again.
    let widest = -1;
    measures.forEach((m, j) => {
      if (!usable[j] || (m.kind !== 'linear' && m.kind !== 'score')) return;
      const spare = (digits[j] as number) - (m.kind === 'linear' ? (places[j] as number) : 0);
      if (spare > 0 && (widest < 0 || spare > (digits[widest] as number) - (places[widest] as number))) widest = j;
    });
    if (widest < 0) return undefined;
    digits[widest] = (digits[widest] as number) - 1;
  }
}

function buildPlan(
  measures: readonly Measure[],
  digits: readonly number[],
  usable: Uint8Array,
  commonBig: bigint,
  totalUnits: bigint,
  red: Rational,
  yellow: Rational,
): IntegerPlan {
  const count = measures.length;
  const scale = new Float64Array(count);
  const slope = new Float64Array(count);
  const offset = new Float64Array(count);
  const stepStart = new Int32Array(count + 1);
  const belowN = new Float64Array(count);
  const stepFrom: number[] = [];
  const stepN: number[] = [];
  const times = (value: Rational) => Number((value.num * commonBig) / value.den);
  measures.forEach((m, j) => {
    stepStart[j] = stepFrom.length;
    const k = digits[j] as number;
    scale[j] = Number(pow10(k));
    if (m.kind === 'linear' && usable[j]) {
      const worst = (m.worst.num * pow10(k)) / m.worst.den;
      const best = (m.best.num * pow10(k)) / m.best.den;
      const m100 = (100n * commonBig) / (best - worst);
      slope[j] = Number(m100);
      offset[j] = Number(worst * m100);
    } else if (m.kind === 'score') {
      const m1 = commonBig / pow10(k);
      slope[j] = Number(m1);
    } else if (m.kind === 'steps') {
      m.froms.forEach((from, t) => {
        stepFrom.push(toNumber(from));
        stepN.push(times(m.scores[t] as Rational));
      });
      belowN[j] = times(m.below);
    }
  });
  stepStart[count] = stepFrom.length;

  // Integer values are the common case (counts, days, ratings): their n is looked up rather than computed.
  const tableMin = new Int32Array(count);
  const tableSpan = new Int32Array(count).fill(-1);
  const tableBase = new Int32Array(count);
  const table: number[] = [];
  measures.forEach((m, j) => {
    if (!usable[j] || m.kind === 'boolean') return;
    let low = 0;
    let high = 100;
    if (m.kind !== 'score') {
      const [a, b] = (
        m.kind === 'linear' ? [m.worst, m.best] : [m.froms[0] as Rational, m.froms[m.froms.length - 1] as Rational]
      ).map(toNumber) as [number, number];
      low = Math.floor(Math.min(a, b)) - TABLE_MARGIN;
      high = Math.ceil(Math.max(a, b)) + TABLE_MARGIN;
    }
    if (high - low > TABLE_LIMIT || low < -(2 ** 31) || high >= 2 ** 31) return;
    tableMin[j] = low;
    tableSpan[j] = high - low;
    tableBase[j] = table.length;
    for (let v = low; v <= high; v++) {
      const n = times(scaleScore(m, integer(v)));
      table.push(n);
    }
  });
  const common = Number(commonBig);
  return {
    common,
    full: 100 * common,
    units: Float64Array.from(measures, (m) => Number(m.units)),
    totalUnits: Number(totalUnits),
    kinds: Uint8Array.from(measures, (m, j) => (usable[j] ? KINDS.indexOf(m.kind) : EXACT_ONLY)),
    scale,
    slope,
    offset,
    stepStart,
    stepFrom: Float64Array.from(stepFrom),
    stepN: Float64Array.from(stepN),
    belowN,
    tableMin,
    tableSpan,
    tableBase,
    table: Float64Array.from(table),
    red: times(red),
    yellow: times(yellow),
  };
}
