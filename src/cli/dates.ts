// The little date arithmetic the command line does to choose default periods (the last month with data, the
// first year of customers). The library validates every date it is given; a value this module cannot read
// is simply not used for a default.

/** Milliseconds in a day. */
export const DAY_MS = 86_400_000;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Epoch milliseconds of a cell as the library reads dates (an ISO date is midnight UTC, a date-time without
 * an offset is UTC; a number is epoch milliseconds), or NaN.
 */
export function epochOf(value: unknown): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  if (typeof value !== 'string') return Number.NaN;
  const match = ISO.exec(value);
  if (match === null) return Number.NaN;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as number[];
  const date = new Date(0);
  date.setUTCFullYear(year as number, (month as number) - 1, day);
  date.setUTCHours(hour as number, minute, second, Number((match[7] ?? '').padEnd(3, '0').slice(0, 3)));
  // A day or time out of range rolls over in Date: such a date is not a date.
  if (
    date.getUTCMonth() !== (month as number) - 1 ||
    date.getUTCDate() !== day ||
    date.getUTCHours() !== hour ||
    date.getUTCMinutes() !== minute ||
    date.getUTCSeconds() !== second
  ) {
    return Number.NaN;
  }
  const zone = match[8];
  if (zone === undefined || zone === 'Z') return date.getTime();
  const offset = (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2))) * 60_000;
  return zone.startsWith('+') ? date.getTime() - offset : date.getTime() + offset;
}

/** The latest of the dates of some cells (NaN when none is a date), without spreading them into a call. */
export function latestOf(values: Iterable<unknown>): number {
  let latest = Number.NaN;
  for (const value of values) {
    const time = epochOf(value);
    if (!(time <= latest)) latest = Number.isNaN(time) ? latest : time;
  }
  return latest;
}

/** The earliest of the dates of some cells (NaN when none is a date). */
export function earliestOf(values: Iterable<unknown>): number {
  let earliest = Number.NaN;
  for (const value of values) {
    const time = epochOf(value);
    if (!(time >= earliest)) earliest = Number.isNaN(time) ? earliest : time;
  }
  return earliest;
}

/** `YYYY-MM-DD` (UTC) of epoch milliseconds. */
export function formatDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** `YYYY-MM` (UTC) of epoch milliseconds. */
export function formatMonth(time: number): string {
  return new Date(time).toISOString().slice(0, 7);
}

/** Epoch milliseconds `months` calendar months after `time` (the 31st of a shorter month rolls into the next). */
export function addMonths(time: number, months: number): number {
  const date = new Date(time);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.getTime();
}

/** Epoch milliseconds of the first instant of a month written `YYYY-MM`, or NaN. */
export function monthStart(text: string): number {
  return /^\d{4}-\d{2}$/.test(text) ? epochOf(`${text}-01`) : Number.NaN;
}
