// Subscription records into the series engine: validates every record, counts trials, and keeps the
// records active at the end of some month of the window with their exact monthly amounts.
import { monthOf } from '../../internal/dates.js';
import { nextElement, ownIterator } from '../../internal/elements.js';
import { StringIds } from '../../internal/hash.js';
import {
  countAt,
  KeptRecords,
  type SeriesTotals,
  type SeriesWindow,
  type Trials,
  totalsOfKept,
} from './seriesEngine.js';
import type { DetailSink } from './movementDetails.js';
import { MonthRateNeeds } from './seriesFx.js';
import type { SegmentSplit } from './seriesSegments.js';
import { STATUS_CANCELED, SubscriptionReader } from './subscriptionReader.js';
import type { SubscriptionPolicies } from './subscriptionSchema.js';

export type { SeriesTotals, SeriesWindow } from './seriesEngine.js';

/** Validates every record, counts trials, and keeps the records active at the end of some month of the window. */
export function keep(
  metric: string,
  records: ArrayLike<unknown>,
  policies: SubscriptionPolicies,
  window: SeriesWindow,
  trials: Trials,
  split?: SegmentSplit | undefined,
): KeptRecords {
  const { low } = window;
  const reader = new SubscriptionReader(metric, 'subscriptions', policies);
  if (split?.attribute !== undefined) reader.readAttribute(split.attribute);
  let needs: MonthRateNeeds | undefined;
  const length = records.length;
  const kept = new KeptRecords(length, window);
  if (split !== undefined) split.segment = new Int32Array(length);
  const customers = new StringIds();
  const iterator = ownIterator(records);
  for (let i = 0; i < length; i++) {
    const record = iterator === undefined ? records[i] : nextElement(iterator);
    const counts = reader.read(record, i);
    // Every record names its segment, whether it counts or not: the segments do not depend on the window.
    const segment = split === undefined ? 0 : split.idOf(record, i, reader.attribute);
    const segmentTrials = split === undefined ? undefined : (split.trials[segment] as Trials);
    // A trial starts whatever becomes of it; it converts only if it then pays at a month end (below).
    const trial = !Number.isNaN(reader.trialStart);
    if (trial) {
      countAt(trials.started, monthOf(reader.trialStart), low);
      if (segmentTrials !== undefined) countAt(segmentTrials.started, monthOf(reader.trialStart), low);
    }
    if (!counts) continue;
    const end = reader.end;
    if (reader.status === STATUS_CANCELED && end === Number.POSITIVE_INFINITY) continue;
    // Months at whose end the record is active: from the month of its start to the month before its end.
    const a = reader.start === Number.NEGATIVE_INFINITY ? Number.NEGATIVE_INFINITY : monthOf(reader.start);
    const b = end === Number.POSITIVE_INFINITY ? end : monthOf(end) - 1;
    if (a > b) {
      // Lapsed within one month, never paying at a month end: only its delinquency can matter, to the churn
      // of that month (a customer moved onto a past-due record that ran out of grace the same month).
      if (reader.delinquent && reader.num !== 0) kept.noteDelinquentStop(customers.idOf(reader.customerId), b + 1);
      continue;
    }
    // A dated currency under 'record-start': converted at its start day's rate when the window needs it;
    // under 'month-end': left in its currency, converted month by month (only the months needed).
    if (reader.datedCurrency >= 0 && reader.atStart && kept.covers(a, b)) reader.convertDated();
    if (reader.num === 0) continue;
    // A record with a trial always has a start, so `a` is its first paid month.
    if (trial) {
      countAt(trials.converted, a, low);
      if (segmentTrials !== undefined) countAt(segmentTrials.converted, a, low);
    }
    const k = kept.add(customers.idOf(reader.customerId), a, b, reader.num, reader.den);
    if (split !== undefined && k >= 0) split.segment[k] = segment;
    const dated = reader.datedCurrency;
    if (k >= 0 && dated >= 0) {
      kept.setCurrency(k, dated + 1);
      needs ??= new MonthRateNeeds(window.size);
      needs.note(dated, kept.first[k] as number, kept.last[k] as number, i);
    }
    if (reader.delinquent && k >= 0) kept.markDelinquent(k);
  }
  kept.names = customers.strings;
  if (needs !== undefined && reader.book !== undefined) kept.rates = needs.rates(reader.book, low, 'subscriptions');
  return kept;
}

/**
 * Validates the records and computes the exact monthly totals of the window. Customer grain: each
 * customer's records are summed month by month before its movements are classified. With `split`, reads
 * each record's segment and fills the segments' totals too; with `details`, lists who moved.
 */
export function seriesTotals(
  metric: string,
  records: ArrayLike<unknown>,
  policies: SubscriptionPolicies,
  window: SeriesWindow,
  split?: SegmentSplit,
  details?: DetailSink,
): SeriesTotals {
  const trials: Trials = { started: new Float64Array(window.size), converted: new Float64Array(window.size) };
  return totalsOfKept(keep(metric, records, policies, window, trials, split), window, trials, split, details);
}
