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
import { compare, type Rational, rationalOf, reduce, toNumber } from '../../internal/exact/rational.js';
import { KINDS, type Measure, numberOf } from './scale.js';

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

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Whether a rational is exactly a double: an integer that is safe is, others are checked. */
function isDouble(value: Rational): boolean {
  const { num, den } = value;
  if (den === 1n && num <= SAFE && num >= -SAFE) return true;
  return compare(rationalOf(toNumber(value)), value) === 0;
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
/** The most integers tabled over all measures (2 MB): a scorecard of thousands of measures tables the first. */
const TABLE_BUDGET = 1 << 18;

/** The integer plan of the measures (weights already integers), or `undefined` when they do not fit one. */
export function planIntegers(
  measures: readonly Measure[],
  totalUnits: bigint,
  red: Rational,
  yellow: Rational,
): IntegerPlan | undefined {
  const count = measures.length;
  const places = measures.map((m) => (m.kind === 'linear' ? Math.max(placesOf(m.worst), placesOf(m.best)) : 0));
  const usable = new Uint8Array(count);
  const highest = measures.map((m, j) => {
    if (m.kind === 'score') return 12; // 100 × 10^12 < 10^15
    if (m.kind === 'steps') usable[j] = m.froms.every((from) => isDouble(from)) ? 1 : 0;
    if (m.kind !== 'linear') return 0;
    // In-range values have |x| ≤ |bound| × 10^k, kept below 10^15: k is at most the number of digits of
    // q = ⌊(10^15 · den − 1) ÷ num⌋ less one (|bound| × 10^k < 10^15 exactly when 10^k ≤ q).
    const k = places[j] as number;
    const bound = compare(absolute(m.worst), absolute(m.best)) > 0 ? absolute(m.worst) : absolute(m.best);
    const q = (RECOGNITION * bound.den - 1n) / bound.num;
    const limit = q === 0n ? -1 : Math.min(15, q.toString().length - 1);
    if (limit < k) return k;
    usable[j] = 1;
    return limit;
  });
  measures.forEach((m, j) => {
    if (m.kind === 'boolean' || m.kind === 'score') usable[j] = 1;
  });
  const digits = measures.map((_, j) => Math.min(highest[j] as number, Math.max(places[j] as number, TARGET_PLACES)));

  // C must be a multiple of the denominators of the bands and of the steps' scores (most are integers).
  let fixedRequirement = 1n;
  const needs = (value: Rational): void => {
    if (value.den !== 1n) fixedRequirement = lcm(fixedRequirement, reduce(value).den);
  };
  needs(red);
  needs(yellow);
  for (const m of measures) {
    if (m.kind !== 'steps') continue;
    m.scores.forEach(needs);
    needs(m.below);
  }

  // The plan fits when every integer stays at or below 2^51: 100·C·ΣW, and for each linear measure its
  // largest |x| times its slope 100·C ÷ (B − A), which is 100·C × (largest |bound| ÷ |best − worst|) whatever
  // its decimal places. So it fits exactly when C ≤ `most`.
  let most = LIMIT / (100n * totalUnits);
  measures.forEach((m, j) => {
    if (!usable[j] || m.kind !== 'linear') return;
    const bound = larger(magnitude(m.worst.num * m.best.den), magnitude(m.best.num * m.worst.den));
    const span = magnitude(m.best.num * m.worst.den - m.worst.num * m.best.den);
    const allowed = (LIMIT * span) / (100n * bound);
    if (allowed < most) most = allowed;
  });

  // Decimal places are given up one at a time, each time where the most are left above the minimum (the
  // first such measure), until C fits: every measure is lowered to `spare` places above its minimum, level
  // by level, and within the first level that fits, the measures above it are lowered one by one in order.
  // Fewer places never make C larger (C at k − 1 divides C at k), so the first state that fits is found by
  // trying each level, then each count of measures lowered, not each step.
  const minimum = measures.map((m, j) => (m.kind === 'linear' ? (places[j] as number) : 0));
  const lowered = measures.map((m, j) => usable[j] === 1 && (m.kind === 'linear' || m.kind === 'score'));
  const spare = digits.map((k, j) => (lowered[j] ? k - (minimum[j] as number) : 0));
  /** What measure j requires of C at k places: C must be a multiple of it. Each is computed once. */
  const required = new Map<number, bigint>();
  const requirement = (j: number, k: number): bigint => {
    const known = required.get(j * 16 + k);
    if (known !== undefined) return known;
    const m = measures[j] as Measure;
    let value = pow10(k);
    if (m.kind === 'linear') {
      const span = magnitude((m.best.num * value) / m.best.den - (m.worst.num * value) / m.worst.den);
      value = span / gcd(100n, span);
    }
    required.set(j * 16 + k, value);
    return value;
  };
  /** lcm(`common`, requirement), or 0 once it is above `most`. */
  const join = (common: bigint, requirement: bigint): bigint => {
    if (common === 0n || common % requirement === 0n) return common;
    const joined = lcm(common, requirement);
    return joined > most ? 0n : joined;
  };
  const start = fixedRequirement > most ? 0n : fixedRequirement;
  const placesAt = (j: number, level: number): number => (minimum[j] as number) + Math.min(spare[j] as number, level);
  const commonAt = (level: number): bigint => {
    let common = start;
    for (let j = 0; j < count && common !== 0n; j++) {
      if (lowered[j]) common = join(common, requirement(j, placesAt(j, level)));
    }
    return common;
  };
  const top = spare.reduce((a, b) => Math.max(a, b), 0);
  let level = top;
  let common = commonAt(level);
  while (common === 0n && level > 0) common = commonAt(--level);
  if (common === 0n) return undefined;
  const chosen = digits.map((k, j) => (lowered[j] ? placesAt(j, level) : k));
  if (level < top) {
    // Between the level above (which does not fit) and this one: the first `r` measures above this level
    // lowered to it, the others still one place above.
    const above = measures.map((_, j) => j).filter((j) => (spare[j] as number) > level);
    let base = start;
    measures.forEach((_, j) => {
      if (lowered[j] && (spare[j] as number) <= level) base = join(base, requirement(j, chosen[j] as number));
    });
    const suffix = new Array<bigint>(above.length + 1);
    suffix[above.length] = base;
    for (let t = above.length - 1; t >= 0; t--) {
      const j = above[t] as number;
      suffix[t] = join(suffix[t + 1] as bigint, requirement(j, (chosen[j] as number) + 1));
    }
    let prefix = 1n;
    let r = 0;
    while (r < above.length) {
      const j = above[r] as number;
      prefix = join(prefix, requirement(j, chosen[j] as number));
      r++;
      const suffixCommon = suffix[r] as bigint;
      if (prefix !== 0n && suffixCommon !== 0n && join(suffixCommon, prefix) !== 0n) break;
    }
    for (let t = r; t < above.length; t++) {
      const j = above[t] as number;
      chosen[j] = (chosen[j] as number) + 1;
    }
    common = join(suffix[r] as bigint, prefix);
  }
  return buildPlan(measures, chosen, usable, common, totalUnits, red, yellow);
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
        stepFrom.push(numberOf(from));
        stepN.push(times(m.scores[t] as Rational));
      });
      belowN[j] = times(m.below);
    }
  });
  stepStart[count] = stepFrom.length;

  // Integer values are the common case (counts, days, ratings): their n is looked up rather than computed,
  // for the measures that fit in the tables' budget, in configuration order.
  const common = Number(commonBig);
  const full = 100 * common;
  const tableMin = new Int32Array(count);
  const tableSpan = new Int32Array(count).fill(-1);
  const tableBase = new Int32Array(count);
  let size = 0;
  measures.forEach((m, j) => {
    if (!usable[j] || m.kind === 'boolean') return;
    let low = 0;
    let high = 100;
    if (m.kind !== 'score') {
      const [a, b] = (
        m.kind === 'linear' ? [m.worst, m.best] : [m.froms[0] as Rational, m.froms[m.froms.length - 1] as Rational]
      ).map(numberOf) as [number, number];
      low = Math.floor(Math.min(a, b)) - TABLE_MARGIN;
      high = Math.ceil(Math.max(a, b)) + TABLE_MARGIN;
    }
    if (high - low > TABLE_LIMIT || low < -(2 ** 31) || high >= 2 ** 31 || size + high - low + 1 > TABLE_BUDGET) return;
    tableMin[j] = low;
    tableSpan[j] = high - low;
    tableBase[j] = size;
    size += high - low + 1;
  });
  const table = new Float64Array(size);
  for (let j = 0; j < count; j++) {
    const span = tableSpan[j] as number;
    if (span < 0) continue;
    const low = tableMin[j] as number;
    const base = (tableBase[j] as number) - low;
    const kind = (measures[j] as Measure).kind;
    if (kind === 'score') {
      for (let v = low; v <= low + span; v++) table[base + v] = v * common;
    } else if (kind === 'steps') {
      let t = stepStart[j] as number;
      const end = stepStart[j + 1] as number;
      let n = belowN[j] as number;
      for (let v = low; v <= low + span; v++) {
        for (; t < end && v >= (stepFrom[t] as number); t++) n = stepN[t] as number;
        table[base + v] = n;
      }
    } else {
      // n = x × slope − offset, clamped: exact in range (every product is at most 2^51), and beyond it,
      // rounding is monotonic, so the clamp sees which side the exact value is on.
      const s = scale[j] as number;
      const mj = slope[j] as number;
      const aj = offset[j] as number;
      for (let v = low; v <= low + span; v++) {
        const n = v * s * mj - aj;
        table[base + v] = n <= 0 ? 0 : Math.min(n, full);
      }
    }
  }
  return {
    common,
    full,
    units: new Float64Array(measures.map((m) => Number(m.units))),
    totalUnits: Number(totalUnits),
    kinds: new Uint8Array(measures.map((m, j) => (usable[j] ? KINDS.indexOf(m.kind) : EXACT_ONLY))),
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
    table,
    red: times(red),
    yellow: times(yellow),
  };
}
