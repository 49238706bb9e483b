// An exact sum of rationals `num ÷ den` with `Int` parts, converted once at the end.
import { addInt, type Int, lcm, ratioToNumber } from './integer.js';

/**
 * An exact sum of rationals. Terms over the denominator seen first (the usual case: every monthly amount
 * of cents over 300 × intervalCount × 100) are summed as integers, in doubles while safe; terms over other
 * denominators are kept per denominator and combined exactly when the sum is read.
 */
export class RatioSum {
  private den: Int = 0;
  private num: Int = 0;
  private others: Map<Int, Int> | undefined;

  /** Adds `num ÷ den`, `den > 0`. */
  add(num: Int, den: Int): void {
    if (den === this.den) this.num = addInt(this.num, num);
    else if (this.den === 0) {
      this.den = den;
      this.num = num;
    } else {
      if (this.others === undefined) this.others = new Map();
      this.others.set(den, addInt(this.others.get(den) ?? 0, num));
    }
  }

  /** The exact sum as a fraction `[numerator, denominator]` (not necessarily in lowest terms). */
  fraction(): [Int, Int] {
    if (this.others === undefined) return [this.num, this.den === 0 ? 1 : this.den];
    let num = BigInt(this.num);
    let den = BigInt(this.den);
    for (const [d, n] of this.others) {
      const common = lcm(den, BigInt(d));
      num = num * (common / den) + BigInt(n) * (common / BigInt(d));
      den = common;
    }
    return [num, den];
  }

  /** The sum as the nearest double. */
  toNumber(): number {
    const [num, den] = this.fraction();
    return ratioToNumber(num, den);
  }
}
