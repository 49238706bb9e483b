// The exact path of a health scorer: an account the fast path left, scored by the formula in exact
// fractions from the values the fast path read (each value of an account is read once, by the fast path's
// loop; see fastScore.ts). It also finds and reports every problem with the account.
import { invalid, isArrayInput, noData } from '../../internal/parse.js';
import { add, divide, integer, multiply, type Rational, toNumber } from '../../internal/exact/rational.js';
import type { HealthMeasureScore, HealthMissingPolicy, HealthScoreResult } from '../createHealthScore.js';
import { type Bands, statusOf } from './bands.js';
import type { ReadAccount } from './fastScore.js';
import { type Measure, shownValue, valueScore } from './scale.js';

const METRIC = 'createHealthScore';

/** One account's score, exactly. */
export interface ExactScore {
  readonly score: Rational;
  /** Per measure: its 0–100 score, or undefined when it is not counted or the fast path scored it. */
  readonly normalized: readonly (Rational | undefined)[];
  /** Per measure: whether it has a value. */
  readonly present: readonly boolean[];
  /** Σ wᵢ over the measures counted, in integer weight units. */
  readonly counted: bigint;
}

/** The exact path of a scorecard. */
export interface ExactScorer {
  /** Score = Σ wᵢ·sᵢ ÷ Σ wᵢ over the measures counted, validating every value; `prefix` locates errors. */
  score(read: ReadAccount, prefix: readonly (string | number)[]): ExactScore;
  /** The result with its explanation, of an account read with every value kept (`from` 0). */
  explain(read: ReadAccount): HealthScoreResult;
}

export function exactScorer(measures: readonly Measure[], policy: HealthMissingPolicy, bands: Bands): ExactScorer {
  const count = measures.length;

  function score(read: ReadAccount, prefix: readonly (string | number)[]): ExactScore {
    const { account, stamp, mark, given, keyIndex } = read;
    if (typeof account !== 'object' || account === null || isArrayInput(account)) {
      invalid(METRIC, prefix, 'must be an object of measure values');
    }
    const present = Array.from(mark, (m) => m === stamp);
    const normalized = new Array<Rational | undefined>(count).fill(undefined);
    // The values the fast path scored add Σ Wᵢnᵢ ÷ C; the others are scored here, in key order.
    let sum = divide(integer(read.sum), integer(read.common));
    for (let position = read.from; position < read.to; position++) {
      const j = keyIndex[position] as number;
      if (!present[j]) continue;
      const m = measures[j] as Measure;
      const s = valueScore(m, given[j], [...prefix, m.name]);
      normalized[j] = s;
      sum = add(sum, multiply(integer(m.units), s));
    }
    if (read.unknown !== undefined) {
      const names = measures.map((m) => m.name).join(', ');
      invalid(METRIC, [...prefix, read.unknown], `is not a measure of this health score (its measures: ${names})`);
    }
    let counted = 0n;
    measures.forEach((m, j) => {
      if (!present[j]) {
        if (policy === 'reject') {
          invalid(
            METRIC,
            [...prefix, m.name],
            "is missing, and this health score's policy is to reject missing measures",
          );
        }
        if (policy === 'skip') return;
        const s = integer(policy === 'neutral' ? 50 : 0);
        normalized[j] = s;
        sum = add(sum, multiply(integer(m.units), s));
      }
      counted += m.units;
    });
    if (counted === 0n) noData(METRIC, prefix, 'has no value for any measure with a positive weight');
    return { score: divide(sum, integer(counted)), normalized, present, counted };
  }

  function explain(read: ReadAccount): HealthScoreResult {
    const exact = score(read, []);
    const explained: HealthMeasureScore[] = [];
    const missing: string[] = [];
    measures.forEach((m, j) => {
      const present = exact.present[j] as boolean;
      if (!present) missing.push(m.name);
      const normalized = exact.normalized[j];
      if (normalized === undefined) return;
      explained.push({
        name: m.name,
        value: present ? shownValue(read.given[j] as number | string | boolean) : null,
        normalized: toNumber(normalized),
        weight: m.weight,
        contribution: toNumber(divide(multiply(integer(m.units), normalized), integer(exact.counted))),
      });
    });
    return { score: toNumber(exact.score), status: statusOf(exact.score, bands), measures: explained, missing };
  }

  return { score, explain };
}
