// Who moved: one entry per customer and month with a movement, collected only when a series asks for its
// details (the engine's sweeps pay nothing without a sink).
import { formatMonth } from '../../internal/dates.js';
import { compareInt, type Int, subtractInt } from '../../internal/exact/integer.js';
import { ratioResult } from '../../internal/exact/result.js';
import { CHURNED, ENTERING, LEAVING, MOVEMENT_NAMES } from './movements.js';

/** Movement names by code, with a segment's entering and leaving. */
const NAMES: readonly string[] = /* @__PURE__ */ (() => [...MOVEMENT_NAMES, 'entering', 'leaving'])();

/** One customer's MRR movement in one month (see `details` of {@link recurringRevenueSeries}). */
export interface CustomerMovementDetail {
  /** The customer (account), as in the input records. */
  readonly customerId: string;
  /** The month of the movement, `YYYY-MM`. */
  readonly month: string;
  /** How its MRR moved; `'entering'` and `'leaving'` only in a segment's rows. */
  readonly movement: 'new' | 'expansion' | 'contraction' | 'churned' | 'reactivation' | 'entering' | 'leaving';
  /** The customer's MRR at the end of the month before (at this month's rates for a customer paying in both). */
  readonly previousMrr: number;
  /** The customer's MRR at the end of the month. */
  readonly mrr: number;
  /** |mrr − previousMrr|: the customer's part of the row's figure for this movement (positive). */
  readonly amount: number;
  /** Churned customers only: whether the churn was voluntary or for failed payments. */
  readonly churnReason?: 'voluntary' | 'delinquent';
}

/** The movements recorded per customer, in the order of the sweep: customer by customer, month by month. */
export class DetailSink {
  /** The customer being swept (its dense number); set by the engine before each customer. */
  customer = 0;
  /** Customer ids by number. */
  names: readonly string[] = [];
  /** Whether the customer being swept is in one segment only (its segment's entries are the total's too). */
  sole = false;
  /** Per entry, its segment's number, −1 for the total's own. */
  readonly segments: number[] = [];
  readonly soles: boolean[] = [];
  readonly customers: number[] = [];
  readonly months: number[] = [];
  readonly movements: number[] = [];
  readonly previous: Int[] = [];
  readonly current: Int[] = [];
  readonly delinquent: boolean[] = [];

  /** Lists a movement of the customer being swept, in `segment` (−1: the total). */
  add(segment: number, month: number, movement: number, previous: Int, current: Int, delinquent: boolean): void {
    this.segments.push(segment);
    this.soles.push(this.sole);
    this.customers.push(this.customer);
    this.months.push(month);
    this.movements.push(movement);
    this.previous.push(previous);
    this.current.push(current);
    this.delinquent.push(delinquent && movement === CHURNED);
  }

  /** Lists a customer entering (`amount` its MRR now) or leaving (`amount` its MRR before) a segment. */
  addMove(segment: number, month: number, movement: number, amount: Int): void {
    if (movement === ENTERING) this.add(segment, month, movement, 0, amount, false);
    else if (movement === LEAVING) this.add(segment, month, movement, amount, 0, false);
  }

  /**
   * The entries of the month offsets `a … b` of `segment` (−1: the total, whose customers in one segment
   * only were swept into that segment), in month order then customer order (customers are numbered
   * in order of first appearance and swept in that order, so a stable sort by month suffices).
   */
  entries(metric: string, den: Int, low: number, a: number, b: number, segment = -1): CustomerMovementDetail[] {
    const picked: number[] = [];
    for (let e = 0; e < this.months.length; e++) {
      const month = this.months[e] as number;
      if (month < a || month > b) continue;
      const own = this.segments[e] as number;
      if (own === segment || (segment === -1 && this.soles[e] === true)) picked.push(e);
    }
    picked.sort((x, y) => (this.months[x] as number) - (this.months[y] as number) || x - y);
    const money = (value: Int) => ratioResult(metric, value, den, 'an MRR figure');
    return picked.map((e) => {
      const previous = this.previous[e] as Int;
      const current = this.current[e] as Int;
      const movement = this.movements[e] as number;
      const amount =
        compareInt(current, previous) > 0 ? subtractInt(current, previous) : subtractInt(previous, current);
      const detail: CustomerMovementDetail = {
        customerId: this.names[this.customers[e] as number] as string,
        month: formatMonth(low + (this.months[e] as number)),
        movement: NAMES[movement] as CustomerMovementDetail['movement'],
        previousMrr: money(previous),
        mrr: money(current),
        amount: money(amount),
      };
      if (movement !== CHURNED) return detail;
      return { ...detail, churnReason: this.delinquent[e] === true ? 'delinquent' : 'voluntary' };
    });
  }
}
