// What the sample company's generators share: seeded draws and the little date arithmetic of its calendar.

/** mulberry32: a small seeded generator, so the sample data never changes between runs. */
export function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seeded stream of draws: uniform numbers, chances, whole numbers between bounds, picks from a list. Each
 * part of the data that is drawn on its own has its own stream, so adding draws to one leaves the others as
 * they were.
 */
export function stream(seed) {
  const next = generator(seed);
  return {
    next,
    chance: (p) => next() < p,
    between: (low, high) => low + Math.floor(next() * (high - low + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    /** A standard normal draw (Box–Muller). */
    normal: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
  };
}

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** The end of the data: the first instant of 2025. */
export const TO = Date.UTC(2025, 0, 1);
export const day = (time) => new Date(time).toISOString().slice(0, 10);
export const instant = (time) => `${new Date(Math.round(time / 60_000) * 60_000).toISOString().slice(0, 16)}:00Z`;
/** The same day `months` months later (a day the month lacks rolls into the next, as Date.UTC does). */
export const addMonths = (time, months) => {
  const date = new Date(time);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate());
};

/** Rows as CSV text with a header; an absent value is an empty cell. */
export const csv = (columns, rows) =>
  `${[columns.join(','), ...rows.map((row) => columns.map((column) => String(row[column] ?? '')).join(','))].join('\n')}\n`;
