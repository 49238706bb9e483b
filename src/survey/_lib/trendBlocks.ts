// Counts of a survey trend gathered while records are read, before the span of periods and the segments are
// known: one block of counts per period (slot × stride + score), grown as segments appear. Records exported
// in date order stay in one period for long runs, so a record's period is found by comparing its day with the
// current period's first and next first day, and looked up only when it leaves them.
import { periodSpan, type TrendTally, type Window } from './trendCounts.js';
import { periodOfDay, periodStart, type TrendPeriod } from './trendPeriods.js';
import { DAY_MS } from '../../internal/dates.js';

/** The counts of one period: `counts[slot × stride + k]`. */
interface Block {
  counts: Float64Array;
}

export class PeriodBlocks {
  /** The current period's first day (included) and the next period's first day (excluded). */
  private fromDay = 0;
  private toDay = 0;
  private current: Block | undefined;
  private readonly blocks = new Map<number, Block>();
  /** The first and last period counted. */
  private low = Number.POSITIVE_INFINITY;
  private high = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly period: TrendPeriod,
    private readonly stride: number,
  ) {}

  /** Adds one to `at` (slot × stride + score − min) of the period of `day` (days from 1970-01-01, UTC). */
  add(day: number, at: number): void {
    let block = this.current;
    if (block === undefined || !(day >= this.fromDay && day < this.toDay)) block = this.enter(day);
    let counts = block.counts;
    if (at >= counts.length) counts = this.grow(block, at);
    counts[at] = (counts[at] as number) + 1;
  }

  /** Makes the period of `day` current. */
  private enter(day: number): Block {
    const index = periodOfDay(day, this.period);
    this.fromDay = periodStart(index, this.period) / DAY_MS;
    this.toDay = periodStart(index + 1, this.period) / DAY_MS;
    let block = this.blocks.get(index);
    if (block === undefined) {
      block = { counts: new Float64Array(8 * this.stride) };
      this.blocks.set(index, block);
      if (index < this.low) this.low = index;
      if (index > this.high) this.high = index;
    }
    this.current = block;
    return block;
  }

  /** Doubles a block until it holds `at`. */
  private grow(block: Block, at: number): Float64Array {
    let size = block.counts.length;
    while (size <= at) size *= 2;
    const counts = new Float64Array(size);
    counts.set(block.counts);
    block.counts = counts;
    return counts;
  }

  /** Whether anything was counted. */
  get empty(): boolean {
    return this.blocks.size === 0;
  }

  /**
   * The counts of every period of the trend, `(p × slots + slot) × stride + k` from the first period: those
   * of the window's ends where given, else of the first and last period counted.
   */
  tally(window: Window, slots: number): Pick<TrendTally, 'first' | 'length' | 'counts'> {
    const span = periodSpan(this.low, this.high, window, this.period);
    const size = slots * this.stride;
    const counts = new Float64Array(span.length * size);
    for (const [index, block] of this.blocks) {
      const p = index - span.first;
      const own = block.counts;
      counts.set(own.length > size ? own.subarray(0, size) : own, p * size);
    }
    return { first: span.first, length: span.length, counts };
  }
}
