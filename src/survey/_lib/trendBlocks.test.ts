import { describe, expect, it } from 'vitest';
import { PeriodBlocks } from './trendBlocks.js';

const open = { from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };
const day = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date) / 86_400_000;

describe('period blocks', () => {
  it('gives the same counts whatever the order of the days, growing a block as slots appear', () => {
    const entries: [number, number][] = [
      [day(2024, 1, 31), 0],
      [day(2024, 2, 1), 3],
      [day(2024, 2, 29), 3],
      [day(2024, 4, 30), 9 * 2 + 0],
      [day(2024, 2, 2), 3],
    ];
    const tallies = [entries, [...entries].reverse(), [...entries].sort((a, b) => a[0] - b[0])].map((order) => {
      const blocks = new PeriodBlocks('month', 2);
      for (const [d, at] of order) blocks.add(d, at);
      return blocks.tally(open, 10);
    });
    for (const tally of tallies) {
      expect(tally.first).toBe(2024 * 12);
      expect(tally.length).toBe(4);
      expect(tally.counts[0]).toBe(1);
      expect(tally.counts[20 + 3]).toBe(3);
      expect(tally.counts[3 * 20 + 18]).toBe(1);
      expect([...tally.counts].reduce((sum, n) => sum + n, 0)).toBe(5);
    }
  });

  it('lists the periods of the window, and says when nothing was counted', () => {
    const blocks = new PeriodBlocks('quarter', 1);
    expect(blocks.empty).toBe(true);
    blocks.add(day(2024, 5, 1), 0);
    expect(blocks.empty).toBe(false);
    const tally = blocks.tally({ from: Date.UTC(2024, 0, 1), to: Date.UTC(2025, 0, 1) }, 1);
    expect(tally).toMatchObject({ first: 2024 * 4, length: 4 });
    expect([...tally.counts]).toEqual([0, 1, 0, 0]);
  });
});
