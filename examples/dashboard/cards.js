// The KPI cards: each figure with its raw value (and interval) in data attributes, a note and a change.
import { element, hours, integer, money, monthName, oneDecimal, percent, range, show, signed } from './format.js';
import { PERIOD } from './figures.js';

/** The card of a figure the library could not compute for the chosen segment (null): a dash, and why. */
const orNone = (figure, metric, label, card) =>
  figure === null ? { metric, label, value: null, text: '—', note: 'No data for this segment' } : card(figure);

/** The main figures: revenue, customers, surveys, churn, retention, support and usage. */
export function kpiCards(figures) {
  const { latest, churn, nps, npsChange, csat, support } = figures;
  const interval = (format, { low, high }, kind = 'interval') =>
    `95% ${kind} ${format.format(low)} to ${format.format(high)}`;
  return cardElements([
    {
      metric: 'mrr',
      label: 'MRR',
      value: latest.mrr,
      text: show(money, latest.mrr),
      note: `${signed(money, latest.netNewMrr)} net new in December`,
    },
    { metric: 'arr', label: 'ARR', value: latest.arr, text: show(money, latest.arr), note: '12 × MRR' },
    {
      metric: 'customers',
      label: 'Paying customers',
      value: latest.customers,
      text: show(integer, latest.customers),
      note: `${latest.newCustomers + latest.reactivatedCustomers} new or back, ${latest.churnedCustomers} lost in December`,
    },
    orNone(nps, 'nps', 'NPS, Q2 2024', () => ({
      metric: 'nps',
      label: 'NPS, Q2 2024',
      value: nps.score,
      interval: nps.interval,
      text: show(oneDecimal, nps.score),
      note: `${interval(oneDecimal, nps.interval, 'adjusted-Wald interval')} · ${integer.format(nps.responses)} answers`,
      delta: npsChange && {
        metric: 'nps-change',
        value: npsChange.difference,
        text: `${signed(oneDecimal, npsChange.difference)} on Q1 · ${npsChange.significant ? 'a real change' : 'within noise'} (p ${npsChange.pValue < 0.001 ? '< 0.001' : `= ${npsChange.pValue.toFixed(3)}`})`,
      },
    })),
    orNone(csat, 'csat', 'CSAT, Q2 2024', () => ({
      metric: 'csat',
      label: 'CSAT, Q2 2024',
      value: csat.score,
      interval: csat.interval,
      text: show(percent, csat.score),
      note: `${interval(percent, csat.interval)} · ${integer.format(csat.responses)} answers`,
    })),
    orNone(churn, 'logo-churn', 'Logo churn, December', () => ({
      metric: 'logo-churn',
      label: 'Logo churn, December',
      value: churn.churnRate,
      text: show(percent, churn.churnRate),
      note: `${churn.customersLost} of ${churn.customersAtStart} customers at the start of the month`,
    })),
    {
      metric: 'nrr',
      label: 'Net revenue retention',
      value: latest.netRevenueRetention,
      text: show(percent, latest.netRevenueRetention),
      note: `December against the customers of ${monthName(latest.retentionFrom)}`,
    },
    {
      metric: 'grr',
      label: 'Gross revenue retention',
      value: latest.grossRevenueRetention,
      text: show(percent, latest.grossRevenueRetention),
      note: 'The same, without expansion',
    },
    orNone(support, 'first-response', 'Median first response', () => ({
      metric: 'first-response',
      label: 'Median first response',
      value: support.firstResponse.median,
      text: show(hours, support.firstResponse.median),
      note: `90th percentile ${show(hours, support.firstResponse.p90)} · ${integer.format(support.firstResponse.count)} tickets in 2024`,
    })),
    {
      metric: 'stickiness',
      label: 'Stickiness (DAU ÷ MAU)',
      value: figures.stickiness,
      text: show(percent, figures.stickiness),
      note: `Users active on an average day of the last ${PERIOD.stickinessDays}`,
    },
  ]);
}

/** The billing figures of 2024: exchange rates, trials and invoiced usage. */
export function billingCards(figures) {
  const { year, invoiceYear, trials, latest } = figures;
  const delinquentShare = year.churnedMrr === 0 ? null : year.delinquentChurnedMrr / year.churnedMrr;
  return cardElements([
    {
      metric: 'delinquent-churn',
      label: 'Delinquent churn, 2024',
      value: year.delinquentChurnedMrr,
      text: show(money, year.delinquentChurnedMrr),
      note: `MRR lost to failed payments, ${integer.format(year.delinquentChurnedCustomers)} customers`,
      detail: {
        metric: 'delinquent-share',
        value: delinquentShare,
        text: `${show(percent, delinquentShare)} of the ${show(money, year.churnedMrr)} churned`,
      },
    },
    {
      metric: 'fx-impact',
      label: 'FX impact, 2024',
      value: year.fxImpactMrr,
      text: signed(money, year.fxImpactMrr),
      note: 'MRR moved by the EUR rate alone, summed over the months',
    },
    orNone(trials, 'trial-conversion', 'Trial conversion, 2024', () => ({
      metric: 'trial-conversion',
      label: 'Trial conversion, 2024',
      value: trials.rate,
      interval: trials.interval,
      text: show(percent, trials.rate),
      note: `${integer.format(trials.converted)} of ${integer.format(trials.started)} trials · 95% interval ${range(trials.interval)}`,
    })),
    {
      metric: 'usage-revenue',
      label: 'Usage revenue, 2024',
      value: invoiceYear.usageRevenue,
      text: show(money, invoiceYear.usageRevenue),
      note: `Invoiced usage, outside MRR · ${show(money, invoiceYear.oneOffRevenue)} of one-off charges`,
    },
    {
      metric: 'invoice-mrr',
      label: 'MRR from invoices, December',
      value: invoiceYear.mrr,
      text: show(money, invoiceYear.mrr),
      note: `${show(money, latest.mrr)} from subscriptions`,
    },
  ]);
}

/** KPI cards: a label, the figure (its raw value and interval in data attributes), a note and a change. */
function cardElements(cards) {
  return cards.map((card) =>
    element(
      'article',
      { class: 'kpi' },
      element('h3', {}, card.label),
      element(
        'p',
        {
          class: 'value',
          'data-metric': card.metric,
          'data-value': card.value ?? '',
          'data-low': card.interval?.low,
          'data-high': card.interval?.high,
        },
        card.text,
      ),
      element('p', { class: 'note' }, card.note),
      card.detail &&
        element(
          'p',
          { class: 'note', 'data-metric': card.detail.metric, 'data-value': card.detail.value ?? '' },
          card.detail.text,
        ),
      card.delta &&
        element(
          'p',
          {
            class: `delta ${card.delta.value >= 0 ? 'up' : 'down'}`,
            'data-metric': card.delta.metric,
            'data-value': card.delta.value,
          },
          card.delta.text,
        ),
    ),
  );
}
