// The browser dashboard: fetches the sample company's raw records, computes every figure with
// customer-success-metrics (the library's ESM build, through the page's import map) and draws them.
//
// Each KPI element carries its raw value in data attributes (data-metric, data-value, data-low, data-high),
// and so do the tables under the charts: the end-to-end test reads them and compares them with the library
// run in Node on the same files. <body data-ready> becomes "true" once everything is drawn, or "error".
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { parse } from 'csv-parse/sync';
import {
  cohortRetention,
  compareNetPromoterScores,
  createHealthScore,
  customerChurn,
  customerSatisfactionScore,
  healthDistribution,
  healthScoreCalibration,
  invoiceRevenueSeries,
  isMetricError,
  netPromoterScore,
  recurringRevenueSeries,
  stickiness,
  supportResponseTimes,
  tallyScores,
  trialConversion,
} from 'customer-success-metrics';
import { trialsOf } from './trials.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

const started = performance.now();

/** What the dashboard shows: the periods of the sample data. */
const PERIOD = {
  asOf: '2024-12-31',
  series: { from: '2023-01', to: '2024-12' },
  year: { from: '2024-01', to: '2024-12', period: 'year' },
  trials: { from: '2024-01-01', to: '2025-01-01' },
  month: { from: '2024-12-01', to: '2025-01-01' },
  cohorts: { from: '2024-01-01', to: '2025-01-01' },
  surveyBefore: { from: '2024-01-01', to: '2024-04-01' },
  survey: { from: '2024-04-01', to: '2024-07-01' },
  stickinessDays: 30,
};

const COLORS = {
  mrr: '#1c2430',
  new: '#2f8f5b',
  expansion: '#7cc08f',
  reactivation: '#4f86d9',
  contraction: '#f0a04b',
  churned: '#d64541',
  fx: '#8a6fc9',
  detractor: '#d64541',
  passive: '#c9ced6',
  promoter: '#35a36b',
  red: '#d64541',
  yellow: '#e9b03b',
  green: '#35a36b',
  heat: '#2f5fd0',
};

// ---------------------------------------------------------------------------------------------------------
// Loading

const DATA = new URL('../data/', import.meta.url);
let bytesLoaded = 0;

async function load(name) {
  const response = await fetch(new URL(name, DATA));
  if (!response.ok) throw new Error(`could not load examples/data/${name}: HTTP ${response.status}`);
  const text = await response.text();
  bytesLoaded += text.length;
  return text;
}

/** CSV text to one object per row, keyed by the header line (csv-parse's browser build). */
const csv = (text) => parse(text, { columns: true, skip_empty_lines: true });

/** A row without its empty cells: to the library an absent field means "none" (no end yet, no answer). */
const present = (row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));

/** A row's segment columns as the library's `attributes`, and the row without them. */
function segmentsApart(row) {
  const { plan, region, channel, ...rest } = row;
  return { attributes: { plan, region, channel }, rest };
}

/**
 * The subscription records as the library takes them: counts as numbers, the discount as one object, the
 * record's plan and its customer's region and channel as attributes.
 */
function subscriptionRecords(rows) {
  return rows.map((row) => {
    const { attributes, rest } = segmentsApart(present(row));
    const { id: _id, intervalCount, quantity, discountPercent, discountAmount, ...record } = rest;
    return {
      ...record,
      attributes,
      intervalCount: Number(intervalCount),
      quantity: Number(quantity),
      ...(discountPercent === undefined ? {} : { discount: { percent: discountPercent } }),
      ...(discountAmount === undefined ? {} : { discount: { amount: discountAmount } }),
    };
  });
}

/** Dated exchange rates from `currency,from,rate` rows: `{ EUR: [{ from, rate }, …] }`, in file order. */
function datedRates(rows) {
  const rates = {};
  for (const { currency, from, rate } of rows) {
    rates[currency] ??= [];
    rates[currency].push({ from, rate });
  }
  return rates;
}

/** Invoice lines as the library takes them: the full period's interval as `fullPeriod`, segments as attributes. */
function invoiceLines(rows) {
  return rows.map((row) => {
    const { attributes, rest } = segmentsApart(present(row));
    const { fullPeriodInterval, ...line } = rest;
    return {
      ...line,
      attributes,
      ...(fullPeriodInterval === undefined ? {} : { fullPeriod: { interval: fullPeriodInterval } }),
    };
  });
}

/** An account's health measures, typed as its scorecard expects: decimal strings, numbers and booleans. */
function accountValues(row) {
  return {
    weeklyActiveShare: row.weeklyActiveShare,
    seatUtilization: row.seatUtilization,
    daysSinceLastLogin: Number(row.daysSinceLastLogin),
    openTickets: Number(row.openTickets),
    ...(row.nps === '' ? {} : { nps: Number(row.nps) }),
    executiveSponsor: row.executiveSponsor === 'true',
  };
}

async function loadData() {
  const [subscriptions, rates, datedRateRows, invoices, customers, survey, tickets, events, accounts, scorecard] =
    await Promise.all([
      load('subscriptions.csv').then((text) => subscriptionRecords(csv(text))),
      load('exchange-rates.json').then(JSON.parse),
      load('exchange-rates.csv').then(csv),
      load('invoices.csv').then((text) => invoiceLines(csv(text))),
      load('customers.csv').then(csv),
      load('survey-responses.csv').then(csv),
      load('tickets.csv').then(csv),
      load('events.csv').then(csv),
      load('accounts.csv').then(csv),
      load('scorecard.json').then(JSON.parse),
    ]);
  return {
    subscriptions,
    rates,
    datedRates: datedRates(datedRateRows),
    invoices,
    lifetimes: customers.map((row) => {
      const { id, start, end } = present(row);
      return { id, start, ...(end === undefined ? {} : { end }) };
    }),
    survey,
    tickets: tickets.map((row) => {
      const { createdAt, firstResponseAt, resolvedAt } = present(row);
      return { createdAt, ...(firstResponseAt ? { firstResponseAt } : {}), ...(resolvedAt ? { resolvedAt } : {}) };
    }),
    events: events.map(({ userId, at }) => ({ userId, at })),
    accounts: accounts.map(accountValues),
    churned: accounts.map((row) => row.churned === 'true'),
    scorecard,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The figures: every one of them is the library's

const inside = (day, period) => day >= period.from && day < period.to;

function compute(data) {
  const scores = (name, period) =>
    data.survey.filter((row) => row.survey === name && inside(row.answeredAt, period)).map((row) => Number(row.score));
  const npsScores = scores('nps', PERIOD.survey);
  const npsBefore = scores('nps', PERIOD.surveyBefore);

  // Subscription and invoice MRR at each month's dated EUR rate.
  const revenue = (period) =>
    recurringRevenueSeries(
      { subscriptions: data.subscriptions },
      { ...period, currency: data.rates.currency, exchangeRates: data.datedRates },
    );
  const series = revenue(PERIOD.series);
  const scorer = createHealthScore(data.scorecard);
  const health = scorer.scoreAll(data.accounts);

  return {
    series,
    latest: series.at(-1),
    // One row for 2024: its movements summed over the months exactly, its MRR December's.
    year: revenue(PERIOD.year)[0],
    invoiceYear: invoiceRevenueSeries(
      { lines: data.invoices },
      { ...PERIOD.year, currency: data.rates.currency, exchangeRates: data.datedRates },
    )[0],
    trials: trialConversion({ trials: trialsOf(data.subscriptions) }, PERIOD.trials),
    churn: customerChurn({ customers: data.lifetimes, period: PERIOD.month }),
    cohorts: cohortRetention(
      { customers: data.lifetimes.filter((customer) => inside(customer.start, PERIOD.cohorts)) },
      { period: 'month', asOf: PERIOD.asOf },
    ),
    nps: netPromoterScore({ scores: npsScores }),
    npsChange: compareNetPromoterScores({ scores: npsScores }, { scores: npsBefore }),
    npsDistribution: tallyScores(npsScores, { min: 0, max: 10 }),
    csat: customerSatisfactionScore({ scores: scores('csat', PERIOD.survey) }),
    support: supportResponseTimes({ tickets: data.tickets }, { unit: 'hour' }),
    stickiness: stickiness({ events: data.events }, { asOf: PERIOD.asOf, windowDays: PERIOD.stickinessDays }),
    health: healthDistribution(health.statuses),
    calibration: healthScoreCalibration(
      { scores: health.scores, churned: data.churned },
      { bands: data.scorecard.bands },
    ),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Formatting

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const cents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const wholePercent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
/** A range of fractions as "8.0–22.3%". */
const range = ({ low, high }) => `${oneDecimal.format(low * 100)}–${percent.format(high)}`;
const show = (format, value) => (value === null || value === undefined ? '—' : format.format(value));
const signed = (format, value) => `${value > 0 ? '+' : value < 0 ? '−' : ''}${format.format(Math.abs(value))}`;
const hours = { format: (value) => `${oneDecimal.format(value)} h` };
const monthName = (month) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', year: '2-digit', timeZone: 'UTC' });

/** Creates an element with attributes (`data-*` included) and children (nodes or text). */
function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (name === 'class') node.className = value;
    else if (name === 'style') node.style.cssText = value;
    else node.setAttribute(name, value === null ? '' : String(value));
  }
  node.append(...children.filter((child) => child !== undefined && child !== null));
  return node;
}

/** A table cell showing `text` (and any other children) and carrying the raw `value`. */
const cell = (tag, value, text, attributes = {}, ...more) =>
  element(tag, { 'data-value': value === null ? '' : value, ...attributes }, text, ...more);

// ---------------------------------------------------------------------------------------------------------
// Rendering

function kpiCards(figures) {
  const { latest, churn, nps, npsChange, csat, support } = figures;
  const interval = (format, { low, high }) => `95% interval ${format.format(low)} to ${format.format(high)}`;
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
    {
      metric: 'nps',
      label: 'NPS, Q2 2024',
      value: nps.score,
      interval: nps.interval,
      text: show(oneDecimal, nps.score),
      note: `${interval(oneDecimal, nps.interval)} · ${integer.format(nps.responses)} answers`,
      delta: {
        metric: 'nps-change',
        value: npsChange.difference,
        text: `${signed(oneDecimal, npsChange.difference)} on Q1 · ${npsChange.significant ? 'a real change' : 'within noise'} (p ${npsChange.pValue < 0.001 ? '< 0.001' : `= ${npsChange.pValue.toFixed(3)}`})`,
      },
    },
    {
      metric: 'csat',
      label: 'CSAT, Q2 2024',
      value: csat.score,
      interval: csat.interval,
      text: show(percent, csat.score),
      note: `${interval(percent, csat.interval)} · ${integer.format(csat.responses)} answers`,
    },
    {
      metric: 'logo-churn',
      label: 'Logo churn, December',
      value: churn.churnRate,
      text: show(percent, churn.churnRate),
      note: `${churn.customersLost} of ${churn.customersAtStart} customers at the start of the month`,
    },
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
    {
      metric: 'first-response',
      label: 'Median first response',
      value: support.firstResponse.median,
      text: show(hours, support.firstResponse.median),
      note: `90th percentile ${show(hours, support.firstResponse.p90)} · ${integer.format(support.firstResponse.count)} tickets in 2024`,
    },
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
function billingCards(figures) {
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
    {
      metric: 'trial-conversion',
      label: 'Trial conversion, 2024',
      value: trials.rate,
      interval: trials.interval,
      text: show(percent, trials.rate),
      note: `${integer.format(trials.converted)} of ${integer.format(trials.started)} trials · 95% interval ${range(trials.interval)}`,
    },
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

const MOVEMENTS = [
  { key: 'newMrr', label: 'New', color: COLORS.new, sign: 1 },
  { key: 'expansionMrr', label: 'Expansion', color: COLORS.expansion, sign: 1 },
  { key: 'reactivationMrr', label: 'Reactivation', color: COLORS.reactivation, sign: 1 },
  { key: 'contractionMrr', label: 'Contraction', color: COLORS.contraction, sign: -1 },
  { key: 'churnedMrr', label: 'Churned', color: COLORS.churned, sign: -1 },
  { key: 'fxImpactMrr', label: 'FX impact', color: COLORS.fx, sign: 1 },
];

/** The smallest round number (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^k) at least `value`: an axis limit. */
function roundUp(value) {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return power * ([1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((step) => step * power >= value) ?? 10);
}

/**
 * The limits of the two axes, so that both zeros sit on one line: movements (left) from −down to up, MRR
 * (right) from 0 to top, its negative part left unlabelled.
 */
function axisLimits(series) {
  let up = 0;
  let down = 0;
  let top = 0;
  for (const row of series) {
    // Chart.js stacks the positive bars upwards and the negative ones downwards, whatever the movement.
    const bars = MOVEMENTS.map(({ key, sign }) => sign * row[key]);
    up = Math.max(
      up,
      bars.reduce((total, bar) => total + Math.max(bar, 0), 0),
    );
    down = Math.max(
      down,
      bars.reduce((total, bar) => total - Math.min(bar, 0), 0),
    );
    top = Math.max(top, row.mrr);
  }
  const movements = { min: -roundUp(down), max: roundUp(up) };
  const mrrMax = roundUp(top);
  return { movements, mrr: { min: (mrrMax * movements.min) / movements.max, max: mrrMax } };
}

function mrrChart(canvas, series) {
  const limits = axisLimits(series);
  return new Chart(canvas, {
    data: {
      labels: series.map((row) => monthName(row.month)),
      datasets: [
        {
          type: 'line',
          label: 'MRR',
          data: series.map((row) => row.mrr),
          yAxisID: 'mrr',
          borderColor: COLORS.mrr,
          backgroundColor: COLORS.mrr,
          borderWidth: 2,
          pointRadius: 2,
          tension: 0.25,
          order: 0,
        },
        ...MOVEMENTS.map((movement) => ({
          type: 'bar',
          label: movement.label,
          data: series.map((row) => movement.sign * row[movement.key]),
          yAxisID: 'movements',
          backgroundColor: movement.color,
          stack: 'movements',
          order: 1,
        })),
      ],
    },
    options: {
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { stacked: true, grid: { display: false } },
        movements: {
          position: 'left',
          stacked: true,
          ...limits.movements,
          title: { display: true, text: 'movements per month' },
          ticks: { callback: (value) => money.format(value) },
        },
        mrr: {
          position: 'right',
          ...limits.mrr,
          title: { display: true, text: 'MRR' },
          grid: { drawOnChartArea: false },
          ticks: { callback: (value) => (value < 0 ? '' : money.format(value)) },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${cents.format(item.parsed.y)}` } },
      },
    },
  });
}

function mrrTable(table, series) {
  const columns = [
    { key: 'mrr', label: 'MRR' },
    ...MOVEMENTS.map(({ key, label }) => ({ key, label })),
    { key: 'customers', label: 'Customers', format: integer },
  ];
  table.replaceChildren(
    element(
      'thead',
      {},
      element('tr', {}, element('th', {}, 'Month'), ...columns.map((c) => element('th', {}, c.label))),
    ),
    element(
      'tbody',
      {},
      ...series.map((row) =>
        element(
          'tr',
          { 'data-month': row.month },
          element('th', {}, row.month),
          ...columns.map((c) => cell('td', row[c.key], show(c.format ?? cents, row[c.key]), { 'data-key': c.key })),
        ),
      ),
    ),
  );
}

const npsColor = (score) => (score >= 9 ? COLORS.promoter : score >= 7 ? COLORS.passive : COLORS.detractor);

function npsChart(canvas, distribution) {
  const scores = Object.keys(distribution).map(Number);
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels: scores.map(String),
      datasets: [
        {
          label: 'Answers',
          data: scores.map((score) => distribution[score]),
          backgroundColor: scores.map(npsColor),
          borderRadius: 3,
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      scales: {
        x: { grid: { display: false }, title: { display: true, text: 'score' } },
        y: { beginAtZero: true, title: { display: true, text: 'answers' }, ticks: { precision: 0 } },
      },
      plugins: { legend: { display: false } },
    },
  });
}

function npsDetails(legend, table, nps, distribution) {
  const groups = [
    { name: 'detractors', label: 'Detractors (0–6)', color: COLORS.detractor, share: nps.detractorShare },
    { name: 'passives', label: 'Passives (7–8)', color: COLORS.passive, share: nps.passiveShare },
    { name: 'promoters', label: 'Promoters (9–10)', color: COLORS.promoter, share: nps.promoterShare },
  ];
  legend.replaceChildren(
    ...groups.map((group) =>
      element(
        'li',
        { 'data-group': group.name, 'data-value': group.share, 'data-count': nps[group.name] },
        element('span', { class: 'swatch', style: `background:${group.color}` }),
        `${group.label} ${percent.format(group.share)}`,
      ),
    ),
  );
  table.replaceChildren(
    element('thead', {}, element('tr', {}, element('th', {}, 'Score'), element('th', {}, 'Answers'))),
    element(
      'tbody',
      {},
      ...Object.entries(distribution).map(([score, count]) =>
        element('tr', { 'data-score': score }, element('th', {}, score), cell('td', count, integer.format(count))),
      ),
    ),
  );
}

function cohortTable(table, { cohorts, average }) {
  const width = Math.max(0, ...cohorts.map((row) => row.retention.length));
  const months = Array.from({ length: width }, (_, k) => k);
  const heat = (retention) => {
    if (retention === undefined) return element('td', { class: 'cell empty' });
    const strength = Math.round(10 + 90 * retention ** 3);
    return cell('td', retention, wholePercent.format(retention), {
      class: 'cell',
      style: `background:color-mix(in srgb, ${COLORS.heat} ${strength}%, white);color:${strength > 50 ? '#fff' : 'inherit'}`,
      title: percent.format(retention),
    });
  };
  table.replaceChildren(
    element(
      'thead',
      {},
      element(
        'tr',
        {},
        element('th', {}, 'Cohort'),
        element('th', {}, 'Size'),
        ...months.map((k) => element('th', {}, String(k))),
      ),
    ),
    element(
      'tbody',
      {},
      ...cohorts.map((row) =>
        element(
          'tr',
          { 'data-cohort': row.cohort },
          element('th', {}, monthName(row.cohort)),
          cell('td', row.size, integer.format(row.size), { class: 'size' }),
          ...months.map((k) => heat(row.retention[k])),
        ),
      ),
      element(
        'tr',
        { class: 'average', 'data-cohort': 'average' },
        element('th', {}, 'Average'),
        element('td', { class: 'size' }, integer.format(cohorts.reduce((total, row) => total + row.size, 0))),
        ...months.map((k) => heat(average[k])),
      ),
    ),
  );
}

function healthPanel(bar, table, auc, health, calibration) {
  const statuses = [
    { name: 'red', label: 'Red', color: COLORS.red },
    { name: 'yellow', label: 'Yellow', color: COLORS.yellow },
    { name: 'green', label: 'Green', color: COLORS.green },
  ];
  bar.replaceChildren(
    ...statuses.map(({ name, label, color }) =>
      element(
        'div',
        {
          style: `flex:${health[name].count} 0 0;background:${color}`,
          title: `${label}: ${health[name].count} accounts`,
          'data-status': name,
          'data-value': health[name].share,
        },
        health[name].share >= 0.08 ? percent.format(health[name].share) : '',
      ),
    ),
  );
  table.replaceChildren(
    element(
      'thead',
      {},
      element(
        'tr',
        {},
        element('th', {}, 'Status'),
        element('th', {}, 'Accounts'),
        element('th', {}, 'Churned'),
        element('th', {}, 'Churn rate'),
      ),
    ),
    element(
      'tbody',
      {},
      ...statuses.map(({ name, label, color }) => {
        const band = calibration[name];
        return element(
          'tr',
          { 'data-status': name },
          element('th', { scope: 'row' }, element('span', { class: 'swatch', style: `background:${color}` }), label),
          cell('td', health[name].count, integer.format(health[name].count)),
          cell('td', band.churned, integer.format(band.churned)),
          cell(
            'td',
            band.churnRate,
            show(percent, band.churnRate),
            {},
            band.interval && element('small', {}, `95%: ${range(band.interval)}`),
          ),
        );
      }),
    ),
  );
  auc.replaceChildren(
    `${integer.format(calibration.accounts)} accounts, ${integer.format(calibration.churned)} churned ` +
      `(${percent.format(calibration.churnRate)}). AUC `,
    element(
      'strong',
      { 'data-metric': 'health-auc', 'data-value': calibration.auc ?? '' },
      calibration.auc === null ? '—' : calibration.auc.toFixed(2),
    ),
    calibration.auc === null
      ? ': every account churned, or none did.'
      : `: a retained account outscores a churned one ${wholePercent.format(calibration.auc)} of the time (0.5 is chance).`,
  );
}

function render(figures) {
  document.getElementById('kpis').replaceChildren(...kpiCards(figures));
  document.getElementById('billing-kpis').replaceChildren(...billingCards(figures));
  mrrChart(document.getElementById('mrr-chart'), figures.series);
  mrrTable(document.getElementById('mrr-table'), figures.series);
  npsChart(document.getElementById('nps-chart'), figures.npsDistribution);
  npsDetails(
    document.getElementById('nps-legend'),
    document.getElementById('nps-table'),
    figures.nps,
    figures.npsDistribution,
  );
  cohortTable(document.getElementById('cohort-table'), figures.cohorts);
  healthPanel(
    document.getElementById('health-bar'),
    document.getElementById('health-table'),
    document.getElementById('health-auc'),
    figures.health,
    figures.calibration,
  );
}

// ---------------------------------------------------------------------------------------------------------

const nextFrame = () => new Promise((done) => requestAnimationFrame(() => done()));

async function main() {
  const status = document.getElementById('status');
  const body = document.body;
  try {
    // Charts animate unless the reader asked for less motion.
    Chart.defaults.animation = matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 400 };
    Chart.defaults.font.family = getComputedStyle(body).fontFamily;
    Chart.defaults.color = '#5b6676';

    const data = await loadData();
    const loaded = performance.now();
    const figures = compute(data);
    const computed = performance.now();
    render(figures);
    await nextFrame();
    await nextFrame();
    const rendered = performance.now();

    const records =
      data.subscriptions.length +
      data.invoices.length +
      data.lifetimes.length +
      data.survey.length +
      data.tickets.length +
      data.events.length +
      data.accounts.length;
    // The timings vary from one load to the next: they go to the tooltip and the console, so that the page
    // itself (and its screenshot in the docs) stays the same for the same data.
    const timings =
      `loaded and parsed in ${integer.format(loaded - started)} ms, figures computed in ` +
      `${integer.format(computed - loaded)} ms, drawn in ${integer.format(rendered - computed)} ms`;
    status.textContent = `${integer.format(records)} records (${oneDecimal.format(bytesLoaded / 1e6)} MB) read.`;
    status.title = timings;
    console.info(`customer-success-metrics dashboard: ${timings}`);
    Object.assign(body.dataset, {
      records: String(records),
      loadMs: (loaded - started).toFixed(1),
      computeMs: (computed - loaded).toFixed(1),
      renderMs: (rendered - computed).toFixed(1),
      ready: 'true',
    });
  } catch (error) {
    const message = isMetricError(error)
      ? `${error.message} (at ${error.issues[0]?.path.join('.') ?? 'input'})`
      : error instanceof Error
        ? error.message
        : String(error);
    status.textContent = `The dashboard could not be computed: ${message}`;
    status.classList.add('error');
    body.dataset.error = message;
    body.dataset.ready = 'error';
    throw error;
  }
}

main();
