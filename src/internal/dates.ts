// Dates without `Date.parse`: its handling of date-only versus date-time strings differs (UTC versus local
// time), it accepts many non-ISO forms, and it is slow on millions of records. We parse the ISO 8601 forms we
// document, by hand, into epoch milliseconds (UTC), and return NaN for anything else so callers can report
// the exact element.

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

/** The largest time a JavaScript `Date` can hold (±100 000 000 days from the epoch). */
const MAX_TIME = 8.64e15;

/** Days from 1970-01-01 to the given civil date (proleptic Gregorian; H. Hinnant's `days_from_civil`). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Number of days in a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i) - 48;
    // Written so that NaN (reading past the end) fails too.
    if (!(code >= 0 && code <= 9)) return -1;
    value = value * 10 + code;
  }
  return value;
}

/**
 * Parses `YYYY-MM-DD`, optionally followed by `T` (or a space) and `HH:mm`, `HH:mm:ss` or `HH:mm:ss.fff…`,
 * optionally followed by `Z`, `±HH:mm` or `±HHmm`. A date alone is midnight UTC; a date-time without an
 * offset is read as UTC, never as the machine's local time. Returns epoch milliseconds, or NaN.
 */
export function parseIsoDate(text: string): number {
  const length = text.length;
  if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  let time = daysFromCivil(year, month, day) * DAY_MS;
  if (length === 10) return time;
  const separator = text.charCodeAt(10);
  if ((separator !== 84 && separator !== 32) || length < 16 || text.charCodeAt(13) !== 58) return Number.NaN;
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return Number.NaN;
  time += hour * 3_600_000 + minute * 60_000;
  let at = 16;
  if (at < length && text.charCodeAt(at) === 58) {
    const second = digits(text, at + 1, 2);
    if (second < 0 || second > 59 || at + 3 > length) return Number.NaN;
    time += second * 1000;
    at += 3;
    if (at < length && text.charCodeAt(at) === 46) {
      at++;
      const start = at;
      let fraction = 0;
      let scale = 100;
      while (at < length) {
        const code = text.charCodeAt(at) - 48;
        if (!(code >= 0 && code <= 9)) break;
        fraction += code * scale;
        scale /= 10;
        at++;
      }
      if (at === start || at - start > 9) return Number.NaN;
      time += Math.floor(fraction + 1e-9);
    }
  }
  if (at === length) return time;
  const zone = text.charCodeAt(at);
  if (zone === 90 && at + 1 === length) return time;
  if (zone !== 43 && zone !== 45) return Number.NaN;
  const offsetHour = digits(text, at + 1, 2);
  const colon = text.charCodeAt(at + 3) === 58 ? 1 : 0;
  const offsetMinute = digits(text, at + 3 + colon, 2);
  if (at + 5 + colon !== length || offsetHour < 0 || offsetHour > 23 || offsetMinute < 0 || offsetMinute > 59) {
    return Number.NaN;
  }
  const offset = (offsetHour * 60 + offsetMinute) * 60_000;
  return zone === 43 ? time - offset : time + offset;
}

/**
 * A date as the library accepts it: an ISO 8601 string (`2024-03-15`, `2024-03-15T10:00:00Z`; a date alone
 * is midnight UTC and a date-time without an offset is read as UTC), a valid `Date`, or epoch milliseconds.
 */
export type DateInput = string | Date | number;

const dateTime = Date.prototype.getTime;

/**
 * The time of a `Date` of any realm (a `vm` context, an iframe), read from its internal slot so that neither
 * an overridden `getTime` nor a foreign prototype matters; NaN for anything that is not a Date.
 */
function timeOfDate(value: object): number {
  try {
    return dateTime.call(value);
  } catch {
    return Number.NaN;
  }
}

/**
 * Converts a date input to epoch milliseconds, or NaN when it is not a valid date. Fractional epoch
 * milliseconds are kept: durations use them as given, and calendar placement uses the millisecond they fall
 * in (see docs/getting-started.md).
 */
export function toEpoch(value: unknown): number {
  let time: number;
  if (typeof value === 'string') time = parseIsoDate(value);
  else if (typeof value === 'number') time = value + 0;
  else if (typeof value === 'object' && value !== null) time = timeOfDate(value);
  else return Number.NaN;
  return time >= -MAX_TIME && time <= MAX_TIME ? time : Number.NaN;
}

/** A month `YYYY-MM` as a month index (`year × 12 + month − 1`), or NaN. */
export function parseMonth(text: unknown): number {
  if (typeof text !== 'string' || text.length !== 7 || text.charCodeAt(4) !== 45) return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  if (year < 0 || month < 1 || month > 12) return Number.NaN;
  return year * 12 + month - 1;
}

/** Formats a month index as `YYYY-MM`. */
export function formatMonth(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

/** The civil date (UTC) of a day number counted from 1970-01-01 (H. Hinnant's `civil_from_days`). */
export function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The month index (year × 12 + month − 1) of an epoch time, in UTC. */
export function monthOf(time: number): number {
  const { year, month } = civilFromDays(Math.floor(time / DAY_MS));
  return year * 12 + month - 1;
}

/** Epoch milliseconds at the start (00:00 UTC on the 1st) of a month index. */
export function monthStart(index: number): number {
  const year = Math.floor(index / 12);
  return daysFromCivil(year, index - year * 12 + 1, 1) * DAY_MS;
}

/** Formats epoch milliseconds as `YYYY-MM-DD` (UTC). */
export function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Units for durations, in milliseconds. */
export const DURATION_UNITS = {
  ms: 1,
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: DAY_MS,
  week: 7 * DAY_MS,
} as const;

/** A unit for durations: `'ms' | 'second' | 'minute' | 'hour' | 'day' | 'week'`. */
export type DurationUnit = keyof typeof DURATION_UNITS;
