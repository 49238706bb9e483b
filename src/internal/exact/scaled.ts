// Validated decimals as scaled integers, `int × 10^−scale`, the representation bulk money is summed in.
// A valid decimal (a finite number, read through its shortest round-trip form so that 0.1 is one tenth,
// or a plain decimal string) is an integer times a power of ten. The integer is an `Int`: a double on the
// common path, a BigInt for amounts with more than 15 significant digits. Without decimal.js.
import { addInt, compareInt, type Int, IntSums, shiftInt, subtractInt, toInt } from './integer.js';

/** The least scale read: 2 decimal places, so that typical money (whole cents) shares one scale. */
const MIN_SCALE = 2;

/**
 * Reads validated decimals into its own `int` and `scale` (the value is `int × 10^−scale`, `scale ≥ 2`).
 * An object owned by the caller rather than a returned pair, so that bulk loops allocate nothing per value.
 */
export class DecimalReader {
  /** The last value read, scaled: `int × 10^−scale`. */
  int: Int = 0;
  /** Decimal places of {@link DecimalReader.int}, at least 2. */
  scale = MIN_SCALE;

  /**
   * Reads a validated decimal (see `isDecimal`) exactly: every digit of a decimal string (up to the
   * 64 characters `isDecimal` accepts; beyond 15 significant digits through BigInt).
   */
  read(value: number | string): void {
    if (typeof value === 'number') {
      // Money is usually whole cents. For |value| < 2^44 two different two-decimal values are further apart
      // than the rounding interval of a double, so `k / 100 === value` means the shortest form of `value`
      // is exactly k/100.
      const cents = Math.round(value * 100);
      if (cents / 100 === value && value < 1.7e13 && value > -1.7e13) {
        this.int = cents === 0 ? 0 : cents;
        this.scale = MIN_SCALE;
        return;
      }
      this.readText(String(value));
    } else this.readText(value);
  }

  /** Reads decimal text (`-12.50`, `.5`, `+7`, `1e-7`, `1.5e+21`). */
  private readText(text: string): void {
    const length = text.length;
    let at = 0;
    let negative = false;
    const first = text.charCodeAt(0);
    if (first === 45 || first === 43) {
      negative = first === 45;
      at = 1;
    }
    const digitsFrom = at;
    let int = 0;
    let digits = 0;
    let scale = 0;
    let seenDot = false;
    for (; at < length; at++) {
      const code = text.charCodeAt(at);
      if (code === 46) {
        seenDot = true;
        continue;
      }
      if (code === 101 || code === 69) break;
      if (seenDot) scale++;
      const digit = code - 48;
      if (digit === 0 && digits === 0) continue;
      int = int * 10 + digit;
      digits++;
    }
    let value: Int = int;
    // Beyond 15 significant digits the double may have rounded: read the digits again, exactly.
    if (digits > 15) value = toInt(BigInt(text.slice(digitsFrom, at).replace('.', '') || '0'));
    if (at < length) scale -= Number(text.slice(at + 1));
    // Drop trailing zeros of the fraction (while small), then bring the scale to at least 2.
    if (typeof value === 'number') {
      while (scale > MIN_SCALE && value % 10 === 0 && value !== 0) {
        value /= 10;
        scale--;
      }
    }
    if (value === 0) scale = MIN_SCALE;
    if (scale < MIN_SCALE) {
      value = shiftInt(value, MIN_SCALE - scale);
      scale = MIN_SCALE;
    }
    this.int = negative ? subtractInt(0, value) : value;
    this.scale = scale;
  }
}

/** `value` (at `scale`) brought to the larger scale `to`, exactly. */
export function rescale(value: Int, scale: number, to: number): Int {
  return to === scale ? value : shiftInt(value, to - scale);
}

/** Compares two scaled decimals: −1, 0 or 1. */
export function compareScaled(a: Int, aScale: number, b: Int, bScale: number): -1 | 0 | 1 {
  const scale = Math.max(aScale, bScale);
  return compareInt(rescale(a, aScale, scale), rescale(b, bScale, scale));
}

/**
 * Exact decimal totals per slot (per customer) at one common scale: whole cents while every value added has
 * at most two decimals; a value with more decimals brings the whole column to its scale, exactly.
 */
export class DecimalSums {
  private readonly sums: IntSums;
  private readonly reader = new DecimalReader();
  /** The common scale of every slot. */
  scale = MIN_SCALE;

  constructor(size: number) {
    this.sums = new IntSums(size);
  }

  /** Adds a validated decimal to a slot. */
  add(slot: number, value: number | string): void {
    const reader = this.reader;
    reader.read(value);
    if (reader.scale > this.scale) this.rescale(reader.scale);
    this.sums.add(slot, reader.scale === this.scale ? reader.int : shiftInt(reader.int, this.scale - reader.scale));
  }

  /** Brings every slot to a finer scale. */
  rescale(scale: number): void {
    if (scale <= this.scale) return;
    this.sums.shift(scale - this.scale);
    this.scale = scale;
  }

  /** The exact total of a slot, in units of 10^−scale. */
  get(slot: number): Int {
    return this.sums.get(slot);
  }
}

/** An exact sum of scaled decimals, at the finest scale seen. */
export class DecimalSum {
  total: Int = 0;
  scale = MIN_SCALE;

  /** Adds `int × 10^−scale`. */
  add(int: Int, scale: number): void {
    if (scale > this.scale) {
      this.total = rescale(this.total, this.scale, scale);
      this.scale = scale;
    }
    this.total = addInt(this.total, rescale(int, scale, this.scale));
  }
}
