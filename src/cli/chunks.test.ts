// Number chunks: whatever is pushed, in whatever mix of widths and units, is read back as the same double.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHUNK, NumberChunks } from './chunks.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

const values = fc.oneof(
  fc.integer({ min: -200, max: 200 }),
  fc.integer({ min: -40_000, max: 40_000 }),
  fc.integer(),
  fc.integer({ min: -100_000, max: 100_000 }).map((day) => day * DAY),
  fc.integer({ min: -2_000_000, max: 2_000_000 }).map((minute) => minute * MINUTE + 1_700_000_000_000),
  fc.double({ noNaN: false }),
  fc.constantFrom(Number.NaN, -0, 0.1, 2 ** 53, -(2 ** 31), 2 ** 31),
);

function roundTrip(units: readonly number[], pushed: readonly number[]): void {
  const chunks = new NumberChunks(units);
  for (const value of pushed) chunks.push(value);
  expect(chunks.length).toBe(pushed.length);
  for (let i = 0; i < pushed.length; i++) expect(Object.is(chunks.get(i), pushed[i])).toBe(true);
}

describe('NumberChunks', () => {
  it('reads back every number pushed, −0 and NaN included', () => {
    fc.assert(fc.property(fc.array(values, { maxLength: 300 }), (pushed) => roundTrip([1], pushed)));
  });

  it('reads back dates kept as whole days or minutes, widened when a finer value arrives', () => {
    fc.assert(fc.property(fc.array(values, { maxLength: 300 }), (pushed) => roundTrip([DAY, MINUTE, 1], pushed)));
  });

  it('keeps a blank run across chunk boundaries, then the values after it', () => {
    const pushed = [...Array.from({ length: CHUNK + 5 }, () => Number.NaN), 7, 3 * DAY, 0.5];
    roundTrip([DAY, 1], pushed);
  });
});
