// Monthly amounts of invoice lines as exact rationals `num ÷ den`: a line's net amount spread over its
// service period in months.
//
// - A period that runs whole calendar months (the end is the start moved by n months, same time of day,
//   the day clamped to the month's end as billing systems move a 31st anchor to the 30th or the 28th)
//   is n months long.
// - Any other period is days × 12/365 months long (the library's day: a year is 365 days and 12 months).
// - A prorated line (its period at most the full period of its billing interval ending at `periodEnd`) is
//   first scaled to the full period's price by full length ÷ actual length (ChartMogul's prorate factor),
//   then turned into a monthly amount by the interval's length in months (a week is 12/52 of a month).
import { civilFromDays, DAY_MS, daysFromCivil, daysInMonth } from '../../internal/dates.js';
import {
  type Int,
  multiplyInt,
  type RoundingMode,
  roundDivide,
  shiftInt,
  subtractInt,
} from '../../internal/exact/integer.js';
import { MONTHS_PER, PERIODS } from '../../internal/periods.js';
import type { LineRounding } from './subscriptionSchema.js';

/** Months per interval, `[numerator, denominator]`, by interval index (day, week, month, quarter, year). */
const INTERVAL_MONTHS: readonly (readonly [number, number])[] = PERIODS.map((name) => MONTHS_PER[name]);

/** Calendar months in each interval of a calendar kind (month, quarter, year), by interval index; 0 otherwise. */
const CALENDAR_MONTHS: readonly number[] = [0, 0, 1, 3, 12];

/** Days in each interval of a fixed length (day, week), by interval index. */
const FIXED_DAYS: readonly number[] = [1, 7, 0, 0, 0];

/** Milliseconds of a month in the library's days: 365 × DAY_MS ÷ 12. */
const MONTH_MS = 2_628_000_000;

/**
 * The number of whole calendar months from `start` to `end` (epoch milliseconds, `start < end`), or 0 when
 * the period is not a whole number of months (or shorter than one).
 */
export function wholeMonths(start: number, end: number): number {
  const startDay = Math.floor(start / DAY_MS);
  const endDay = Math.floor(end / DAY_MS);
  if (start - startDay * DAY_MS !== end - endDay * DAY_MS) return 0;
  const a = civilFromDays(startDay);
  const b = civilFromDays(endDay);
  const months = b.year * 12 + b.month - (a.year * 12 + a.month);
  if (months < 1) return 0;
  if (b.day === a.day) return months;
  // A month-end: the anchor day clamped (31 Jan → 28 Feb), or both ends on their month's last day.
  const endLast = b.day === daysInMonth(b.year, b.month);
  if (endLast && (b.day < a.day || a.day === daysInMonth(a.year, a.month))) return months;
  return 0;
}

/**
 * The start of the full period of `count` intervals (interval index) ending at `end`, epoch milliseconds:
 * calendar intervals move back by months (the day clamped to the month's end), days and weeks by days.
 */
export function fullPeriodStart(end: number, interval: number, count: number): number {
  const months = (CALENDAR_MONTHS[interval] as number) * count;
  if (months === 0) return end - (FIXED_DAYS[interval] as number) * count * DAY_MS;
  const day = Math.floor(end / DAY_MS);
  const { year, month, day: date } = civilFromDays(day);
  const index = year * 12 + month - 1 - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(date, daysInMonth(y, m))) * DAY_MS + (end - day * DAY_MS);
}

/** Computes monthly amounts of lines; after each computation the amount is `num ÷ den`. */
export class LineAmounts {
  private readonly places: number;
  private readonly mode: RoundingMode;
  num: Int = 0;
  den: Int = 1;

  constructor(rounding: LineRounding | undefined) {
    this.places = rounding?.places ?? -1;
    this.mode = rounding?.mode ?? 'halfEven';
  }

  /** The whole net amount `net × 10^−scale` as one month's amount (usage counted in its invoice month). */
  whole(net: Int, scale: number): void {
    this.finish(net, shiftInt(1, scale));
  }

  /**
   * The monthly amount of `net × 10^−scale` billed for `[start, end)` (`start < end`), prorated to the full
   * period of `count` intervals (`interval` index, −1 for none) when the period is at most that long.
   */
  spread(net: Int, scale: number, start: number, end: number, interval: number, count: number): void {
    // Instants are safe integers, their difference may not be (two dates 200 000 years apart).
    const actual = subtractInt(end, start);
    if (interval >= 0 && typeof actual === 'number') {
      const full = end - fullPeriodStart(end, interval, count);
      if (actual <= full) {
        // Price per full period = net × full ÷ actual; per month ÷ (months per interval × count).
        const [months, per] = INTERVAL_MONTHS[interval] as readonly [number, number];
        const whole = full % DAY_MS === 0 && actual % DAY_MS === 0;
        const f = whole ? full / DAY_MS : full;
        const a = whole ? actual / DAY_MS : actual;
        const common = smallGcd(f, a);
        this.finish(
          multiplyInt(net, multiplyInt(f / common, per)),
          shiftInt(multiplyInt(a / common, months * count), scale),
        );
        return;
      }
    }
    const months = wholeMonths(start, end);
    if (months > 0) this.finish(net, shiftInt(months, scale));
    else if (typeof actual === 'number' && actual % DAY_MS === 0)
      this.finish(multiplyInt(net, 365), shiftInt(12 * (actual / DAY_MS), scale));
    else this.finish(multiplyInt(net, MONTH_MS), shiftInt(actual, scale));
  }

  private finish(num: Int, den: Int): void {
    if (this.places >= 0) {
      this.num = roundDivide(shiftInt(num, this.places), den, this.mode);
      this.den = shiftInt(1, this.places);
    } else {
      this.num = num;
      this.den = den;
    }
  }
}

/** The greatest common divisor of two positive safe integers. */
function smallGcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}
