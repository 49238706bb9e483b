// The MRR movement of one customer between two points in time, and exact totals of movements. The one
// classification used by `revenueMovements` and `recurringRevenueSeries`.
import { compareInt, type Int, IntSums, subtractInt } from '../../internal/exact/integer.js';
import type { DetailSink } from './movementDetails.js';

/** How one customer's MRR moved. */
export type MrrMovement = 'new' | 'expansion' | 'contraction' | 'churned' | 'reactivation' | 'unchanged';

export const UNCHANGED = 0;
export const NEW = 1;
export const REACTIVATION = 2;
export const EXPANSION = 3;
export const CONTRACTION = 4;
export const CHURNED = 5;
/** A customer whose MRR in a segment starts while it paid (in any segment) the month before. */
export const ENTERING = 6;
/** A customer whose MRR in a segment falls to 0 while it still pays in another. */
export const LEAVING = 7;

/** Movement names by code. */
export const MOVEMENT_NAMES: readonly MrrMovement[] = [
  'unchanged',
  'new',
  'reactivation',
  'expansion',
  'contraction',
  'churned',
];

/**
 * Classifies a customer's MRR moving from `previous` to `current` (exact, non-negative):
 * - equal (also both 0): unchanged;
 * - 0 → above 0: reactivation when `returning` (the customer paid at some earlier time), otherwise new;
 * - above 0 → 0: churned;
 * - both above 0: expansion when it grew, contraction when it shrank.
 */
export function classifyMovement(previous: Int, current: Int, returning: boolean): number {
  if (previous === current) return UNCHANGED;
  if (previous === 0) return returning ? REACTIVATION : NEW;
  if (current === 0) return CHURNED;
  return current > previous ? EXPANSION : CONTRACTION;
}

/**
 * Exact totals of movements per slot (a month of a series, or the single period of a bridge): the amount
 * moved (always positive: |current − previous|) and the number of customers for each movement, and the
 * part of the churn that is delinquent (customers lost to failed payments; the rest is voluntary).
 */
export class MovementTotals {
  private readonly amounts: IntSums;
  private readonly counts: Float64Array;
  private readonly delinquentAmounts: IntSums;
  private readonly delinquentCounts: Float64Array;
  /** Movement codes per slot: 6, or 8 with a segment's {@link ENTERING} and {@link LEAVING}. */
  private readonly kinds: number;
  private readonly slots: number;
  /** Where each customer's movement is also listed, only when a series asks for its details. */
  details: DetailSink | undefined;
  /** The segment these totals are of, for {@link details}: −1 for a whole series. */
  detailsSegment = -1;

  constructor(slots: number, kinds = 6) {
    this.kinds = kinds;
    this.slots = slots;
    this.amounts = new IntSums(slots * kinds);
    this.counts = new Float64Array(slots * kinds);
    this.delinquentAmounts = new IntSums(slots);
    this.delinquentCounts = new Float64Array(slots);
  }

  /**
   * Classifies one customer's move in a slot (see {@link classifyMovement}), adds it up, returns its code.
   * `delinquent`: whether the customer's churn, if it churns, is delinquent.
   */
  record(slot: number, previous: Int, current: Int, returning: boolean, delinquent = false): number {
    const movement = classifyMovement(previous, current, returning);
    if (movement !== UNCHANGED) {
      const at = slot * this.kinds + movement;
      this.amounts.add(
        at,
        compareInt(current, previous) > 0 ? subtractInt(current, previous) : subtractInt(previous, current),
      );
      this.counts[at] = (this.counts[at] as number) + 1;
      if (delinquent && movement === CHURNED) {
        this.delinquentAmounts.add(slot, previous);
        this.delinquentCounts[slot] = (this.delinquentCounts[slot] as number) + 1;
      }
      if (this.details !== undefined)
        this.details.add(this.detailsSegment, slot, movement, previous, current, delinquent);
    }
    return movement;
  }

  /** Adds one customer's move of a known kind (`amount` positive), as {@link ENTERING} or {@link LEAVING}. */
  recordAs(slot: number, movement: number, amount: Int): void {
    const at = slot * this.kinds + movement;
    this.amounts.add(at, amount);
    this.counts[at] = (this.counts[at] as number) + 1;
    if (this.details !== undefined) this.details.addMove(this.detailsSegment, slot, movement, amount);
  }

  /** Adds every amount and count of `other` (the same slots; its kinds at most this one's) to this one. */
  merge(other: MovementTotals): void {
    for (let slot = 0; slot < this.slots; slot++) {
      for (let movement = 1; movement < other.kinds; movement++) {
        const count = other.count(slot, movement);
        if (count === 0) continue;
        const at = slot * this.kinds + movement;
        this.amounts.add(at, other.amount(slot, movement));
        this.counts[at] = (this.counts[at] as number) + count;
      }
      const lost = other.delinquentCounts[slot] as number;
      if (lost === 0) continue;
      this.delinquentAmounts.add(slot, other.delinquentAmounts.get(slot));
      this.delinquentCounts[slot] = (this.delinquentCounts[slot] as number) + lost;
    }
  }

  /** The exact churned amount in a slot that is delinquent (part of the `CHURNED` amount). */
  delinquentAmount(slot: number): Int {
    return this.delinquentAmounts.get(slot);
  }

  /** The number of churned customers in a slot whose churn is delinquent. */
  delinquentCount(slot: number): number {
    return this.delinquentCounts[slot] as number;
  }

  /** The exact amount moved in a slot by one movement. */
  amount(slot: number, movement: number): Int {
    return this.amounts.get(slot * this.kinds + movement);
  }

  /** The number of customers with a movement in a slot. */
  count(slot: number, movement: number): number {
    return this.counts[slot * this.kinds + movement] as number;
  }
}
