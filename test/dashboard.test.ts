// The browser dashboard, end to end: examples/dashboard/ served on 127.0.0.1 and opened in headless Chromium
// (Debian's package, driven by playwright-core; test/support/browser.ts installs it when it is missing and
// can be installed). Every figure the page shows must equal the library's figure
// for the same files, computed here in Node from the source; the page's screenshot goes to docs/dashboard.png.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { Decimal } from 'decimal.js';
import { build } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DashboardServer, serveDashboard } from '../examples/dashboard/serve.mjs';
import {
  cohortRetention,
  compareNetPromoterScores,
  compareSurvivalCurves,
  createHealthScore,
  customerChurn,
  customerSatisfactionScore,
  type HealthScoreConfig,
  healthDistribution,
  healthScoreCalibration,
  invoiceRevenueSeries,
  lifetimeObservations,
  type NetPromoterScoreResult,
  netPromoterScore,
  recurringRevenueSeries,
  revenueCohorts,
  segmentedRevenueSeries,
  stickiness,
  supportResponseTimes,
  type SurvivalPoint,
  survivalAt,
  survivalCurve,
  tallyScores,
  trialConversion,
} from '../src/index.js';
import { trialsOf } from '../examples/dashboard/trials.js';
import { chromiumForTests } from './support/browser.js';
import {
  type SampleAttributes,
  sampleDatedRates,
  sampleInvoiceLines,
  sampleSubscriptions,
  sampleTrials,
} from './support/sample.js';

// Found, or installed now when missing and installable; only when there is no browser at all are the browser
// tests skipped, with the reason printed.
const browserLookup = await chromiumForTests();
const CHROMIUM = browserLookup.executablePath;
if (CHROMIUM === undefined) {
  console.warn(`browser dashboard: skipped: ${browserLookup.reason}`);
}
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = 'docs/dashboard.png';

// ---------------------------------------------------------------------------------------------------------
// The library's ESM build that the page loads

/** The latest modification time of the library's source files (tests excluded). */
function newestSource(folder = 'src'): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

/**
 * The folder of the ESM build to serve as /dist/: the repository's dist/ when it is newer than the source
 * (as after `npm run build`), otherwise the same ESM build of src/index.ts made by esbuild in a private
 * folder, so that a stale or missing dist/ neither fails the test nor gets rewritten under other readers.
 */
async function libraryBuild(): Promise<{ folder: string; private: boolean }> {
  if (existsSync('dist/index.js') && statSync('dist/index.js').mtimeMs >= newestSource()) {
    return { folder: 'dist', private: false };
  }
  const folder = mkdtempSync(join(tmpdir(), 'csm-dashboard-'));
  await build({
    entryPoints: ['src/index.ts'],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    packages: 'external',
    outfile: join(folder, 'index.js'),
    logLevel: 'silent',
  });
  return { folder, private: true };
}

// ---------------------------------------------------------------------------------------------------------
// The expected figures: the library in Node, on the same files

const DATA = 'examples/data';
type Row = Record<string, string>;
const rows = (file: string) => parse(readFileSync(`${DATA}/${file}`), { columns: true }) as Row[];
const json = (file: string) => JSON.parse(readFileSync(`${DATA}/${file}`, 'utf8'));
const present = (row: Row): Partial<Row> => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== ''));

/** A segment of the sample: the customers (and revenue records) of one plan, region or channel. */
interface Segment {
  by: keyof SampleAttributes;
  value: string;
}

/**
 * The segments of each customer, read from the files as a reader would: customers.csv for the paying
 * customers (its plan is the current one), the subscription rows for the trials that never converted.
 */
function customerSegments(): Map<string, SampleAttributes> {
  const segments = new Map<string, SampleAttributes>();
  for (const { customerId, plan, region, channel } of rows('subscriptions.csv')) {
    segments.set(customerId!, { plan: plan!, region: region!, channel: channel! });
  }
  for (const { id, plan, region, channel } of rows('customers.csv')) {
    segments.set(id!, { plan: plan!, region: region!, channel: channel! });
  }
  return segments;
}

type Window = { from: string; to: string; period?: 'year' };
const revenueOptions = (window: Window) => ({
  ...window,
  currency: (json('exchange-rates.json') as { currency: string }).currency,
  exchangeRates: sampleDatedRates(),
});

/** A segment's rows of `segmentedRevenueSeries` over every subscription record of the sample. */
function segmentSeries(segment: Segment, window: Window) {
  const { segments } = segmentedRevenueSeries(
    { subscriptions: sampleSubscriptions() as never },
    { ...revenueOptions(window), segmentBy: segment.by },
  );
  return segments.find((entry) => entry.segment === segment.value)!.rows;
}

/** The months of the survey trend: those of the sample's NPS answers. */
const TREND_MONTHS = ['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06'];

/**
 * The NPS trend of survey answers: each month's `netPromoterScore` and its change from the month before by
 * `compareNetPromoterScores`, as `surveyTrend` defines them; null where a month has no answers.
 */
function expectedTrend(survey: Row[]) {
  let previous: NetPromoterScoreResult | null = null;
  return TREND_MONTHS.map((period) => {
    const scores = survey
      .filter((row) => row.survey === 'nps' && row.answeredAt!.startsWith(period))
      .map((row) => Number(row.score));
    const nps = scores.length === 0 ? null : netPromoterScore({ scores });
    const test = nps && previous && compareNetPromoterScores(nps, previous);
    previous = nps;
    const change = test && { difference: test.difference, pValue: test.pValue, significant: test.significant };
    return { period, responses: scores.length, score: nps?.score ?? null, interval: nps?.interval ?? null, change };
  });
}

/**
 * The dashboard's figures, computed here with the library on the same files: for the whole company, or for
 * a segment, whose MRR series is its rows of the segmented series, whose other revenue records are those of
 * its plan, region or channel and whose other records are its customers' (a customer's plan being its
 * current one).
 */
function expectedFigures(segment?: Segment) {
  const members = customerSegments();
  const ours = (customerId: string) => segment === undefined || members.get(customerId)?.[segment.by] === segment.value;
  const inSegment = (record: Record<string, unknown>) =>
    segment === undefined || (record.attributes as SampleAttributes)[segment.by] === segment.value;
  const subscriptions = sampleSubscriptions().filter(inSegment);
  const rates = json('exchange-rates.json') as { currency: string; exchangeRates: Record<string, string> };
  // Subscriptions at the monthly dated rates: a segment's rows among every record's, entering and leaving it.
  const revenue = (window: Window) =>
    segment === undefined
      ? recurringRevenueSeries({ subscriptions: subscriptions as never }, revenueOptions(window))
      : segmentSeries(segment, window);
  const series = revenue({ from: '2023-01', to: '2024-12' });
  const year = { from: '2024-01', to: '2024-12', period: 'year' } as const;

  const lifetimes = rows('customers.csv')
    .filter(({ id }) => ours(id!))
    .map(({ id, start, end }) => ({
      id: id as string,
      start: start as string,
      ...(end ? { end } : {}),
    }));
  const survey = rows('survey-responses.csv').filter(({ respondent }) => ours(respondent!));
  const scores = (name: string, from: string, to: string) =>
    survey.filter((r) => r.survey === name && r.answeredAt! >= from && r.answeredAt! < to).map((r) => Number(r.score));
  const q1 = scores('nps', '2024-01-01', '2024-04-01');
  const q2 = scores('nps', '2024-04-01', '2024-07-01');

  const tickets = rows('tickets.csv')
    .filter(({ customerId }) => ours(customerId!))
    .map((row) => {
      const { createdAt, firstResponseAt, resolvedAt } = present(row);
      return {
        createdAt: createdAt!,
        ...(firstResponseAt ? { firstResponseAt } : {}),
        ...(resolvedAt ? { resolvedAt } : {}),
      };
    });
  const events = rows('events.csv')
    .filter(({ customerId }) => ours(customerId!))
    .map(({ userId, at }) => ({ userId: userId!, at: at! }));

  const accounts = rows('accounts.csv').filter(({ customerId }) => ours(customerId!));
  const scorer = createHealthScore(json('scorecard.json') as HealthScoreConfig);
  const results = accounts.map((row) =>
    scorer({
      weeklyActiveShare: row.weeklyActiveShare,
      seatUtilization: row.seatUtilization,
      daysSinceLastLogin: Number(row.daysSinceLastLogin),
      openTickets: Number(row.openTickets),
      nps: row.nps === '' ? undefined : Number(row.nps),
      executiveSponsor: row.executiveSponsor === 'true',
    }),
  );

  return {
    series,
    latest: series.at(-1)!,
    year: revenue(year)[0]!,
    invoiceYear: invoiceRevenueSeries(
      { lines: sampleInvoiceLines().filter(inSegment) as never },
      { ...year, currency: rates.currency, exchangeRates: sampleDatedRates() },
    )[0]!,
    trials: trialConversion(
      { trials: sampleTrials().filter(({ customerId }) => ours(customerId)) },
      { from: '2024-01-01', to: '2025-01-01' },
    ),
    churn: customerChurn({ customers: lifetimes, period: { from: '2024-12-01', to: '2025-01-01' } }),
    cohorts: cohortRetention(
      { customers: lifetimes.filter((c) => c.start >= '2024-01-01' && c.start < '2025-01-01') },
      { asOf: '2024-12-31' },
    ),
    nps: netPromoterScore({ scores: q2 }),
    npsChange: compareNetPromoterScores({ scores: q2 }, { scores: q1 }),
    npsDistribution: tallyScores(q2, { min: 0, max: 10 }),
    trend: expectedTrend(survey),
    csat: customerSatisfactionScore({ scores: scores('csat', '2024-04-01', '2024-07-01') }),
    support: supportResponseTimes({ tickets }),
    stickiness: stickiness({ events }, { asOf: '2024-12-31', windowDays: 30 }),
    revenueCohorts: revenueCohorts(
      { subscriptions: subscriptions as never },
      { to: '2024-12', currency: rates.currency, exchangeRates: sampleDatedRates() },
    ),
    health: healthDistribution(results),
    calibration: healthScoreCalibration({
      accounts: results.map((result, k) => ({ score: result.score, churned: accounts[k]!.churned === 'true' })),
    }),
  };
}

/**
 * The survival card's figures: the customers of customers.csv (of a segment, if one is given) grouped by
 * their plan, region or channel as the files give them, each group's lifetimes as survival observations in
 * months as of the end of 2024 (`lifetimeObservations`), its Kaplan–Meier curve with a 95% band
 * (`survivalCurve`) and the share still a customer after 12 months (`survivalAt`), and the log-rank test
 * across the groups (`compareSurvivalCurves`); no test for a single group.
 */
function expectedSurvival(by: keyof SampleAttributes, segment?: Segment) {
  const members = customerSegments();
  const grouped = new Map<string, { id: string; start: string; end?: string }[]>();
  for (const { id, start, end } of rows('customers.csv')) {
    const attributes = members.get(id!)!;
    if (segment !== undefined && attributes[segment.by] !== segment.value) continue;
    const customers = grouped.get(attributes[by]) ?? [];
    customers.push({ id: id!, start: start!, ...(end ? { end } : {}) });
    grouped.set(attributes[by], customers);
  }
  const names = [...grouped.keys()].sort();
  const observations = Object.fromEntries(
    names.map((name) => {
      const { durations, churned } = lifetimeObservations(
        { customers: grouped.get(name)! },
        { asOf: '2024-12-31', unit: 'month' },
      );
      return [name, durations.map((duration, k) => ({ duration, churned: churned[k]! }))];
    }),
  );
  const groups = names.map((name) => {
    const curve = survivalCurve({ observations: observations[name]! }, { confidence: 0.95 });
    return { name, curve, atYear: survivalAt({ points: curve.points }, { time: 12 }) };
  });
  return { by, groups, test: names.length < 2 ? null : compareSurvivalCurves({ groups: observations }) };
}

/** The expected figures, computed once. */
let cached: ReturnType<typeof expectedFigures> | undefined;
function expected(): ReturnType<typeof expectedFigures> {
  cached ??= expectedFigures();
  return cached;
}

// ---------------------------------------------------------------------------------------------------------
// Reading the page

interface Shown {
  value: number | null;
  low: number | null;
  high: number | null;
}

const number = (text: string | undefined): number | null => (text === undefined || text === '' ? null : Number(text));

async function shownMetrics(page: Page): Promise<Record<string, Shown>> {
  const raw = await page.$$eval('[data-metric]', (nodes) =>
    nodes.map((node) => {
      const { metric, value, low, high } = (node as HTMLElement).dataset;
      return { metric: metric ?? '', value, low, high };
    }),
  );
  return Object.fromEntries(
    raw.map(({ metric, value, low, high }) => [metric, { value: number(value), low: number(low), high: number(high) }]),
  );
}

/** A table's body rows, by the row's `data-<key>`: the raw values of its cells (`data-value`), in order. */
async function tableRows(page: Page, selector: string, key: string): Promise<Record<string, (number | null)[]>> {
  const raw = await page.$$eval(
    `${selector} tbody tr`,
    (trs, attribute) =>
      trs.map((tr) => [
        (tr as HTMLElement).dataset[attribute] ?? '',
        [...tr.querySelectorAll('td')].map((td) => td.dataset.value),
      ]),
    key,
  );
  return Object.fromEntries(raw.map(([name, values]) => [name, (values as (string | undefined)[]).map(number)]));
}

// ---------------------------------------------------------------------------------------------------------
// What the page must show for a set of figures (the whole company's or a segment's)

type Figures = ReturnType<typeof expectedFigures>;

/** Picks a segment in the page's selector (undefined: all customers) and waits until it is drawn. */
async function chooseSegment(page: Page, segment: Segment | undefined): Promise<void> {
  await page.selectOption('#segment-by', segment?.by ?? '');
  if (segment !== undefined) await page.selectOption('#segment-value', segment.value);
  const fragment = segment === undefined ? '' : `${segment.by}=${encodeURIComponent(segment.value)}`;
  await page.waitForFunction(
    (wanted) => document.body.dataset.ready === 'true' && document.body.dataset.segment === wanted,
    fragment,
    { timeout: 30_000 },
  );
}

async function expectCards(page: Page, figures: Figures): Promise<void> {
  const shown = await shownMetrics(page);
  const { latest } = figures;
  expect(shown.mrr?.value).toBe(latest.mrr);
  expect(shown.arr?.value).toBe(latest.arr);
  expect(shown.customers?.value).toBe(latest.customers);
  expect(shown.nps).toEqual({
    value: figures.nps.score,
    low: figures.nps.interval.low,
    high: figures.nps.interval.high,
  });
  expect(shown['nps-change']?.value).toBe(figures.npsChange.difference);
  expect(shown.csat).toEqual({
    value: figures.csat.score,
    low: figures.csat.interval.low,
    high: figures.csat.interval.high,
  });
  expect(shown['logo-churn']?.value).toBe(figures.churn.churnRate);
  expect(shown.nrr?.value).toBe(latest.netRevenueRetention);
  expect(shown.grr?.value).toBe(latest.grossRevenueRetention);
  expect(shown['first-response']?.value).toBe(figures.support.firstResponse.median);
  expect(shown.stickiness?.value).toBe(figures.stickiness);
  expect(shown['health-auc']?.value).toBe(figures.calibration.auc);
  expect(shown['delinquent-churn']?.value).toBe(figures.year.delinquentChurnedMrr);
  expect(shown['delinquent-share']?.value).toBe(figures.year.delinquentChurnedMrr / figures.year.churnedMrr);
  // The billing group: 2024's FX impact, trial conversion with its interval, invoiced usage and invoice MRR.
  expect(shown['fx-impact']?.value).toBe(figures.year.fxImpactMrr);
  expect(shown['trial-conversion']).toEqual({
    value: figures.trials.rate,
    low: figures.trials.interval.low,
    high: figures.trials.interval.high,
  });
  expect(shown['usage-revenue']?.value).toBe(figures.invoiceYear.usageRevenue);
  expect(shown['invoice-mrr']?.value).toBe(figures.invoiceYear.mrr);
  // Every shown figure is a finite number: no NaN, no blank.
  for (const [metric, { value }] of Object.entries(shown))
    expect([metric, Number.isFinite(value)]).toEqual([metric, true]);
}

/** The MRR table's cells of a row: a segment's row adds the MRR and the customers entering and leaving it. */
function mrrCells(row: Figures['series'][number]): number[] {
  const cells = [
    row.mrr,
    row.newMrr,
    row.expansionMrr,
    row.reactivationMrr,
    row.contractionMrr,
    row.churnedMrr,
    row.fxImpactMrr,
  ];
  if (!('enteringMrr' in row)) return [...cells, row.customers];
  const { enteringMrr, leavingMrr, enteringCustomers, leavingCustomers } = row as SegmentRow;
  return [...cells, enteringMrr, leavingMrr, row.customers, enteringCustomers, leavingCustomers];
}
type SegmentRow = ReturnType<typeof segmentSeries>[number];

async function expectMrrTable(page: Page, series: Figures['series']): Promise<void> {
  const shown = await tableRows(page, '#mrr-table', 'month');
  expect(Object.keys(shown)).toEqual(series.map((row) => row.month));
  for (const row of series) expect(shown[row.month]).toEqual(mrrCells(row));
}

async function expectNps(page: Page, { nps, npsDistribution }: Figures): Promise<void> {
  const shown = await tableRows(page, '#nps-table', 'score');
  expect(shown).toEqual(Object.fromEntries(Object.entries(npsDistribution).map(([score, n]) => [score, [n]])));
  const groups = await page.$$eval('#nps-legend li', (items) =>
    items.map((item) => [(item as HTMLElement).dataset.group, Number((item as HTMLElement).dataset.value)]),
  );
  expect(groups).toEqual([
    ['detractors', nps.detractorShare],
    ['passives', nps.passiveShare],
    ['promoters', nps.promoterShare],
  ]);
}

/** The trend's table and chart: months, scores, interval ends, changes and significance marks. */
async function expectTrend(page: Page, trend: Figures['trend'], prefix = '#trend'): Promise<void> {
  const shown = await tableRows(page, `${prefix}-table`, 'period');
  expect(shown).toEqual(
    Object.fromEntries(
      trend.map((row) => [
        row.period,
        [
          row.responses,
          row.score,
          row.interval?.low ?? null,
          row.interval?.high ?? null,
          row.change?.difference ?? null,
          row.change?.pValue ?? null,
        ],
      ]),
    ),
  );
  const marks = await page.$$eval(`${prefix}-table tbody tr`, (trs) =>
    trs.map((tr) => [(tr as HTMLElement).dataset.significant, tr.querySelector('td.up, td.down')?.className ?? '']),
  );
  const mark = (change: (typeof trend)[number]['change']) =>
    change?.significant ? (change.difference >= 0 ? 'up' : 'down') : '';
  expect(marks).toEqual(trend.map((row) => [row.change ? String(row.change.significant) : '', mark(row.change)]));
  expect(await trendDrawn(page, `${prefix}-chart`)).toEqual({
    low: trend.map((row) => row.interval?.low ?? null),
    high: trend.map((row) => row.interval?.high ?? null),
    score: trend.map((row) => row.score),
    style: trend.map((row) => (mark(row.change) === '' ? 'circle' : 'triangle')),
  });
}

/** The dashboard's trend modules, loaded in the page. */
interface TrendModules {
  npsTrend: (answers: unknown) => Figures['trend'];
  trendPanel: (canvas: Element, summary: Element, table: Element, trend: Figures['trend']) => void;
}

/** What the test reads of a chart drawn by the page's Chart.js. */
interface ChartModule {
  Chart: {
    getChart(
      canvas: Element | null,
    ): { data: { datasets: { data: (number | null)[]; pointStyle?: string[] }[] } } | undefined;
  };
}

/** The data of the trend chart drawn on a canvas: band ends, scores and each month's point style. */
async function trendDrawn(page: Page, selector: string) {
  return page.evaluate(async (canvasSelector) => {
    // The page's own Chart.js module, through its import map (a Function, so that no test transform
    // rewrites the dynamic import of this code, which runs in the page).
    const load = new Function('name', 'return import(name)') as (name: string) => Promise<ChartModule>;
    const { Chart } = await load('chart.js');
    const [low, high, score] = Chart.getChart(document.querySelector(canvasSelector))!.data.datasets;
    return { low: low!.data, high: high!.data, score: score!.data, style: score!.pointStyle };
  }, selector);
}

/** Picks the attribute the survival card compares by, and waits until the card is drawn by it. */
async function chooseSurvivalBy(page: Page, by: keyof SampleAttributes): Promise<void> {
  await page.selectOption('#survival-by', by);
  await page.waitForFunction(
    (wanted) => document.querySelector<HTMLElement>('#survival-table')?.dataset.by === wanted,
    by,
  );
}

/**
 * The survival card: each group's curve, band and censoring ticks on the chart, its row of the table
 * (customers, churns observed and expected, median lifetime, share after 12 months) and the log-rank test on
 * the summary's data attributes.
 */
async function expectSurvival(page: Page, survival: ReturnType<typeof expectedSurvival>): Promise<void> {
  const drawn = await page.evaluate(async () => {
    const load = new Function('name', 'return import(name)') as (name: string) => Promise<SurvivalChartModule>;
    const { Chart } = await load('chart.js');
    return Chart.getChart(document.querySelector('#survival-chart'))!.data.datasets.map(
      ({ label, data, pointRadius }) => ({ label, data, pointRadius }),
    );
  });
  // The curve's steps are products of ratios, exact in both engines; its band goes through Math.exp and
  // Math.pow, whose last bit Chromium's V8 and Node's may round differently: 12 digits are required there.
  const steps = (points: SurvivalPoint[], value: (point: SurvivalPoint) => unknown) => [
    { x: 0, y: 1 },
    ...points.map((point) => ({ x: point.time, y: value(point) })),
  ];
  const near = (value: number) => expect.closeTo(value, 12);
  expect(drawn).toEqual(
    survival.groups.flatMap(({ name, curve }) => [
      { label: `${name} low`, data: steps(curve.points, (p) => near(p.low)), pointRadius: 0 },
      { label: `${name} 95% band`, data: steps(curve.points, (p) => near(p.high)), pointRadius: 0 },
      {
        label: name,
        data: steps(curve.points, (p) => p.survival),
        pointRadius: [0, ...curve.points.map((point) => (point.censored > 0 ? 3 : 0))],
      },
    ]),
  );
  const byName = new Map(survival.test?.groups.map((group) => [group.name, group]));
  expect(await tableRows(page, '#survival-table', 'group')).toEqual(
    Object.fromEntries(
      survival.groups.map(({ name, curve, atYear }) => [
        name,
        [
          curve.observations,
          byName.get(name)?.observed ?? curve.events,
          byName.get(name)?.expected ?? null,
          curve.median.reached ? curve.median.time : null,
          atYear,
        ],
      ]),
    ),
  );
  const test = await page.$eval('#survival-summary', (node) => ({ ...(node as HTMLElement).dataset }));
  expect({
    statistic: number(test.statistic),
    degreesOfFreedom: number(test.degreesOfFreedom),
    pValue: number(test.pValue),
  }).toEqual({
    statistic: survival.test?.statistic ?? null,
    degreesOfFreedom: survival.test?.degreesOfFreedom ?? null,
    // The chi-square tail goes through Math.exp and Math.log too.
    pValue: survival.test ? near(survival.test.pValue) : null,
  });
}

/** What the test reads of the survival chart drawn by the page's Chart.js. */
interface SurvivalChartModule {
  Chart: {
    getChart(
      canvas: Element | null,
    ):
      | { data: { datasets: { label: string; data: { x: number; y: number }[]; pointRadius: number | number[] }[] } }
      | undefined;
  };
}

async function expectCohorts(page: Page, cohorts: Figures['cohorts']): Promise<void> {
  const shown = await tableRows(page, '#cohort-table', 'cohort');
  const width = Math.max(...cohorts.cohorts.map((row) => row.retention.length));
  const padded = (values: number[]) => [...values, ...Array(width - values.length).fill(null)];
  expect(shown).toEqual({
    ...Object.fromEntries(cohorts.cohorts.map((row) => [row.cohort, [row.size, ...padded(row.retention)]])),
    average: [null, ...padded(cohorts.average)],
  });
}

/** One cell of the net MRR retention heatmap and its average row; one point and one curve of the LTV chart. */
async function expectRevenueCohorts(page: Page, { revenueCohorts: result }: Figures): Promise<void> {
  const heat = await tableRows(page, '#revenue-cohort-table', 'cohort');
  expect(Object.keys(heat)).toEqual([...result.cohorts.map((row) => row.cohort), 'average']);
  // The sixth cohort six months after its first payment (its first cells: customers and starting MRR).
  const cohort = result.cohorts[5]!;
  expect(heat[cohort.cohort]!.slice(0, 2)).toEqual([cohort.customers, cohort.startingMrr]);
  expect(heat[cohort.cohort]![2 + 6]).toBe(cohort.netRetention[6]);
  expect(heat.average!.slice(2)).toEqual(result.average.netRetention);
  // The average realized value per customer a year after the first payment, and the oldest cohort's curve.
  const ltv = await tableRows(page, '#ltv-table', 'cohort');
  expect(ltv.average![12]).toBe(result.average.realizedValuePerCustomer[12]);
  const oldest = result.cohorts[0]!;
  expect(ltv[oldest.cohort]).toEqual(oldest.realizedValuePerCustomer);
}

async function expectHealth(page: Page, { health, calibration }: Figures): Promise<void> {
  const shown = await tableRows(page, '#health-table', 'status');
  const shares = await page.$$eval('#health-bar [data-status]', (parts) =>
    parts.map((part) => [(part as HTMLElement).dataset.status, Number((part as HTMLElement).dataset.value)]),
  );
  const statuses = ['red', 'yellow', 'green'] as const;
  expect(shares).toEqual(statuses.map((status) => [status, health[status].share]));
  for (const status of statuses) {
    expect(shown[status]).toEqual([health[status].count, calibration[status].churned, calibration[status].churnRate]);
  }
}

// ---------------------------------------------------------------------------------------------------------

describe('dashboard billing figures (Node)', () => {
  const sum = (values: number[]) =>
    values.reduce((total, value) => total.plus(String(value)), new Decimal(0)).toNumber();

  it("derives trials from 'trialing' records, converted at the first paying record from the trial's start", () => {
    const trials = trialsOf([
      { customerId: 'a', start: '2024-01-01', end: '2024-01-15', status: 'trialing' },
      { customerId: 'a', start: '2024-03-01', status: 'active' },
      { customerId: 'a', start: '2024-01-15', end: '2024-03-01', status: 'past_due' },
      { customerId: 'b', start: '2023-06-01', end: '2023-07-01', status: 'canceled' },
      { customerId: 'b', start: '2024-02-01', end: '2024-02-15', status: 'trialing' },
      { customerId: 'c', start: '2024-05-01', status: 'trialing' },
    ]);
    expect(trials).toEqual([
      { customerId: 'a', start: '2024-01-01', end: '2024-01-15', convertedAt: '2024-01-15' },
      { customerId: 'b', start: '2024-02-01', end: '2024-02-15' },
      { customerId: 'c', start: '2024-05-01' },
    ]);
  });

  it("2024's row holds the exact sums of its months, and December's MRR", () => {
    const figures = expected();
    const months = figures.series.filter((row) => row.month >= '2024-01');
    expect(months).toHaveLength(12);
    expect(figures.year.fxImpactMrr).toBe(sum(months.map((row) => row.fxImpactMrr)));
    expect(figures.year.churnedMrr).toBe(sum(months.map((row) => row.churnedMrr)));
    expect(figures.year.delinquentChurnedMrr).toBe(sum(months.map((row) => row.delinquentChurnedMrr)));
    // The failed payments reach the records: some of 2024's churn is delinquent, not all of it.
    expect(figures.year.delinquentChurnedMrr).toBeGreaterThan(0);
    expect(figures.year.voluntaryChurnedMrr).toBeGreaterThan(0);
    expect(figures.year.mrr).toBe(figures.latest.mrr);
    // The dated rates move MRR: 2024's EUR rates differ from month to month.
    expect(months.filter((row) => row.fxImpactMrr !== 0).length).toBeGreaterThan(6);
    expect(figures.trials.started).toBeGreaterThan(0);
    expect(figures.trials.converted).toBeGreaterThan(0);
    expect(figures.invoiceYear.usageRevenue).toBeGreaterThan(0);
  });

  it("a region's or a channel's MRR rows are those of its records alone: nobody enters or leaves it", () => {
    const window = { from: '2023-01', to: '2024-12' };
    for (const segment of [
      { by: 'region', value: 'Europe' },
      { by: 'channel', value: 'partner' },
    ] as const) {
      const rows = segmentSeries(segment, window);
      const own = sampleSubscriptions().filter(
        (record) => (record.attributes as SampleAttributes)[segment.by] === segment.value,
      );
      const filtered = recurringRevenueSeries({ subscriptions: own as never }, revenueOptions(window));
      expect(rows.map(({ enteringMrr, leavingMrr, enteringCustomers, leavingCustomers, ...row }) => row)).toEqual(
        filtered,
      );
      expect(rows.every((row) => row.enteringMrr === 0 && row.leavingMrr === 0)).toBe(true);
    }
  });

  it("a plan's customers who move to another plan leave it, and are not churned from it", () => {
    const window = { from: '2023-01', to: '2024-12' };
    const rows = segmentSeries({ by: 'plan', value: 'growth' }, window);
    const own = sampleSubscriptions().filter((record) => (record.attributes as SampleAttributes).plan === 'growth');
    const filtered = recurringRevenueSeries({ subscriptions: own as never }, revenueOptions(window));
    expect(rows.some((row) => row.enteringMrr > 0)).toBe(true);
    expect(rows.some((row) => row.leavingMrr > 0)).toBe(true);
    // The same MRR each month as its records alone, moved from churned and new to leaving and entering.
    expect(rows.map((row) => row.mrr)).toEqual(filtered.map((row) => row.mrr));
    expect(rows.map((row) => row.churnedMrr)).not.toEqual(filtered.map((row) => row.churnedMrr));
  });
});

describe('dashboard server', () => {
  let server: DashboardServer;
  beforeAll(async () => {
    server = await serveDashboard({ port: 0 });
  });
  afterAll(() => server?.close());

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ status: number; type: string | undefined }>((done, fail) => {
      const call = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (response) => {
        response.resume();
        done({ status: response.statusCode ?? 0, type: response.headers['content-type'] });
      });
      call.on('error', fail);
      call.end();
    });

  it('listens on 127.0.0.1 and serves the page, the data and the allowlisted modules', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/examples/dashboard/`);
    expect(await get('/examples/dashboard/')).toEqual({ status: 200, type: 'text/html; charset=utf-8' });
    expect((await get('/examples/data/tickets.csv')).status).toBe(200);
    expect((await get('/examples/data/invoices.csv')).status).toBe(200);
    expect((await get('/examples/data/exchange-rates.csv')).status).toBe(200);
    expect((await get('/examples/dashboard/trials.js')).status).toBe(200);
    expect(await get('/node_modules/zod/mini/index.js')).toEqual({
      status: 200,
      type: 'text/javascript; charset=utf-8',
    });
    expect((await get('/node_modules/decimal.js/decimal.mjs')).status).toBe(200);
    expect((await get('/')).status).toBe(302);
  });

  it('serves nothing outside the allowlist and no traversal', async () => {
    for (const path of [
      '/package.json',
      '/src/index.ts',
      '/.git/config',
      '/examples/dashboard/serve.mjs',
      '/examples/dashboard/trials.d.ts',
      '/examples/dashboard/../../package.json',
      '/examples/data/..%2f..%2fpackage.json',
      '/examples/data/%2e%2e/%2e%2e/package.json',
      '/examples/data/..%5c..%5cpackage.json',
      '/node_modules/zod/package.json',
      '/node_modules/zod/mini/../../../package.json',
      '/node_modules/vitest/dist/index.js',
      '/examples/data/tickets.csv%00.csv',
      '/examples/data/%E0%A4%A.csv',
    ]) {
      expect([path, (await get(path)).status]).toEqual([path, 404]);
    }
    expect((await get('/examples/dashboard/', { host: 'attacker.example' })).status).toBe(421);
    expect((await get('/examples/dashboard/', {}, 'POST')).status).toBe(405);
  });
});

describe.skipIf(CHROMIUM === undefined)('browser dashboard', () => {
  let browser: Browser | undefined;
  let server: DashboardServer | undefined;
  let page: Page;
  let library: { folder: string; private: boolean } | undefined;
  const requests: string[] = [];
  const problems: string[] = [];
  let loadMs = 0;

  beforeAll(async () => {
    if (CHROMIUM === undefined) throw new Error('unreachable: the suite is skipped without a browser');
    library = await libraryBuild();
    server = await serveDashboard({ port: 0, dist: library.folder });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    page = await context.newPage();
    page.on('request', (call) => requests.push(call.url()));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    const started = Date.now();
    await page.goto(server.url);
    await page.waitForFunction(() => document.body.dataset.ready !== 'false', null, { timeout: 60_000 });
    loadMs = Date.now() - started;
    const state = await page.evaluate(() => ({ ...document.body.dataset }));
    if (state.ready !== 'true') throw new Error(`the dashboard failed: ${state.error}\n${problems.join('\n')}`);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (library?.private) rmSync(library.folder, { recursive: true, force: true });
  });

  it('renders without errors, from 127.0.0.1 only', async () => {
    expect(problems).toEqual([]);
    const origin = new URL(server!.url).origin;
    expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    // The page loads the library's ESM build through the import map.
    expect(requests).toContain(`${origin}/dist/index.js`);
    const timing = await page.evaluate(() => ({
      loadMs: document.body.dataset.loadMs,
      computeMs: document.body.dataset.computeMs,
      renderMs: document.body.dataset.renderMs,
      bytes: performance
        .getEntriesByType('resource')
        .concat(performance.getEntriesByType('navigation'))
        .reduce((total, entry) => total + (entry as PerformanceResourceTiming).decodedBodySize, 0),
      files: performance.getEntriesByType('resource').length + 1,
    }));
    console.log(
      `dashboard (${library!.private ? 'private ESM build of src/' : 'dist/'}): ${timing.files} files, ` +
        `${(timing.bytes / 1e6).toFixed(2)} MB; ready ${loadMs} ms after navigation (load and parse ` +
        `${timing.loadMs} ms, compute ${timing.computeMs} ms, draw ${timing.renderMs} ms)`,
    );
  });

  it('shows the KPI figures the library computes from the same files', async () => {
    const figures = expected();
    await expectCards(page, figures);
    // The whole company is 100 % of its MRR.
    expect((await shownMetrics(page))['segment-share']?.value).toBe(1);
    // And the text a reader sees is the formatted figure.
    expect(await page.textContent('[data-metric="customers"]')).toBe(figures.latest.customers.toLocaleString('en-US'));
    expect(await page.textContent('[data-metric="nps"]')).toBe(figures.nps.score.toFixed(1));
  });

  it('charts the MRR series and its movements month by month', async () => {
    await expectMrrTable(page, expected().series);
  });

  it('charts the NPS distribution with its groups', async () => {
    await expectNps(page, expected());
  });

  it('charts the NPS trend month by month, with its intervals and its significant changes', async () => {
    const { trend } = expected();
    expect(trend.map((row) => row.period)).toEqual(TREND_MONTHS);
    expect(trend.every((row) => row.responses > 0 && row.interval !== null)).toBe(true);
    await expectTrend(page, trend);
    // No month of the sample moves by more than chance: the summary says so.
    expect(trend.some((row) => row.change?.significant)).toBe(false);
    expect(await page.textContent('#trend-summary')).toBe(
      "No month's change from the month before is significant at 95%.",
    );
  });

  it('marks a significant rise and a significant fall on the trend', async () => {
    // Answers that swing: 40 in each month, the middle month's mostly promoters.
    const answers = (month: string, promoters: number, detractors: number) =>
      Array.from({ length: 40 }, (_, k) => ({
        survey: 'nps',
        answeredAt: `${month}-15`,
        score: String(k < promoters ? 10 : k < promoters + detractors ? 3 : 8),
      }));
    const rows = [...answers('2024-01', 8, 20), ...answers('2024-02', 30, 4), ...answers('2024-03', 10, 18)];
    const expectedSwing = expectedTrend(rows as Row[]);
    expect(expectedSwing.map((row) => row.change?.significant ?? null)).toEqual([null, true, true, null, null, null]);
    const shown = await page.evaluate(async (answerRows) => {
      const load = new Function('name', 'return import(name)') as (name: string) => Promise<TrendModules>;
      const [{ npsTrend }, { trendPanel }] = await Promise.all([load('./trend.js'), load('./trendChart.js')]);
      const box = document.createElement('div');
      box.style.cssText = 'position:relative;width:600px;height:260px';
      box.innerHTML = '<canvas id="swing-chart"></canvas><p id="swing-summary"></p><table id="swing-table"></table>';
      document.body.append(box);
      const trend = npsTrend(answerRows);
      trendPanel(
        ...(['chart', 'summary', 'table'].map((part) => box.querySelector(`#swing-${part}`)) as [
          Element,
          Element,
          Element,
        ]),
        trend,
      );
      return { trend, summary: box.querySelector('#swing-summary')!.textContent };
    }, rows);
    expect(shown.trend).toEqual(expectedSwing);
    expect(shown.summary).toMatch(/^Significant changes from the month before: Feb 24 \+.* Mar 24 −.*\.$/);
    await expectTrend(page, shown.trend, '#swing');
    await page.evaluate(() => document.querySelector('#swing-chart')!.parentElement!.remove());
  });

  it('draws the survival curves of each plan, region and channel with the log-rank test across them', async () => {
    const values = await page.$$eval('#survival-by option', (options) =>
      options.map((option) => (option as HTMLOptionElement).value),
    );
    expect(values).toEqual(['plan', 'region', 'channel']);
    for (const by of ['plan', 'region', 'channel'] as const) {
      const survival = expectedSurvival(by);
      // Every group churned and every pair of groups shares its risk sets: k − 1 degrees of freedom, and the
      // churns expected under the test add up to those observed.
      expect(survival.groups.length).toBeGreaterThanOrEqual(3);
      expect(survival.test!.degreesOfFreedom).toBe(survival.groups.length - 1);
      expect(survival.test!.groups.map((group) => group.observed)).toEqual(
        survival.groups.map(({ curve }) => curve.events),
      );
      const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
      expect(sum(survival.test!.groups.map((group) => group.expected))).toBeCloseTo(
        sum(survival.test!.groups.map((group) => group.observed)),
        9,
      );
      await chooseSurvivalBy(page, by);
      await expectSurvival(page, survival);
      expect(await page.textContent('#survival-summary')).toMatch(
        new RegExp(`^Log-rank test across the ${survival.groups.length} ${by}s: χ² \\d+\\.\\d\\d on `),
      );
    }
    await chooseSurvivalBy(page, 'plan');
  });

  it("follows the segment chosen: the plans of one region's customers, and no test within a single plan", async () => {
    const europe = { by: 'region', value: 'Europe' } as const;
    try {
      await chooseSegment(page, europe);
      await expectSurvival(page, expectedSurvival('plan', europe));
      await chooseSurvivalBy(page, 'channel');
      await expectSurvival(page, expectedSurvival('channel', europe));
      // By the attribute of the segment itself: one group, its curve, and nothing to test it against.
      await chooseSurvivalBy(page, 'region');
      const alone = expectedSurvival('region', europe);
      expect(alone.groups.map((group) => group.name)).toEqual(['Europe']);
      expect(alone.test).toBeNull();
      await expectSurvival(page, alone);
      expect(await page.textContent('#survival-summary')).toBe(
        'Every customer of Region: Europe has one region: there is nothing to compare; compare by another attribute.',
      );
    } finally {
      // The later tests read the page as it was: all customers, compared by plan.
      await chooseSurvivalBy(page, 'plan');
      await chooseSegment(page, undefined);
    }
    await expectSurvival(page, expectedSurvival('plan'));
    expect(problems).toEqual([]);
  });

  it('shows the cohort retention heatmap of 2024', async () => {
    await expectCohorts(page, expected().cohorts);
    expect(Object.keys(await tableRows(page, '#cohort-table', 'cohort'))).toHaveLength(13);
  });

  it('shows the health distribution and the churn of each status', async () => {
    await expectHealth(page, expected());
  });

  it('shows the net MRR retention of the revenue cohorts and their LTV curve', async () => {
    const { revenueCohorts: result } = expected();
    // Every month of the two years has its cohort: the table runs from January 2023 to December 2024.
    expect(result.cohorts.map((row) => row.cohort)).toHaveLength(24);
    await expectRevenueCohorts(page, expected());
  });

  it('recomputes every card and chart for the segment chosen, and its share of MRR', async () => {
    const values = async (select: string) =>
      page.$$eval(`${select} option`, (options) => options.map((option) => (option as HTMLOptionElement).value));
    expect(await values('#segment-by')).toEqual(['', 'plan', 'region', 'channel']);
    await chooseSegment(page, { by: 'region', value: 'Europe' });
    expect(await values('#segment-value')).toEqual(['APAC', 'Europe', 'North America']);
    const total = expected();
    const europe = expectedFigures({ by: 'region', value: 'Europe' });
    // A real segment: some of the company, not all of it.
    expect(europe.latest.mrr).toBeGreaterThan(0);
    expect(europe.latest.mrr).toBeLessThan(total.latest.mrr);
    await expectCards(page, europe);
    await expectMrrTable(page, europe.series);
    await expectNps(page, europe);
    await expectTrend(page, europe.trend);
    await expectCohorts(page, europe.cohorts);
    await expectHealth(page, europe);
    await expectRevenueCohorts(page, europe);
    expect((await shownMetrics(page))['segment-share']?.value).toBe(europe.latest.mrr / total.latest.mrr);
    expect(new URL(page.url()).hash).toBe('#region=Europe');

    // A plan: its revenue is that of its records, its customers those whose current plan it is.
    await chooseSegment(page, { by: 'plan', value: 'growth' });
    const growth = expectedFigures({ by: 'plan', value: 'growth' });
    await expectCards(page, growth);
    await expectMrrTable(page, growth.series);
    await expectTrend(page, growth.trend);
    // A month when customers moved onto the plan and off it: MRR entering and leaving, not new and churned.
    const moved = segmentSeries({ by: 'plan', value: 'growth' }, { from: '2023-01', to: '2024-12' }).find(
      (row) => row.enteringMrr > 0 && row.leavingMrr > 0,
    )!;
    const shownMonth = (await tableRows(page, '#mrr-table', 'month'))[moved.month]!;
    expect(shownMonth.slice(7, 9)).toEqual([moved.enteringMrr, moved.leavingMrr]);
    expect(shownMonth.slice(10)).toEqual([moved.enteringCustomers, moved.leavingCustomers]);

    // Back to the whole company.
    await chooseSegment(page, undefined);
    await expectCards(page, total);
    expect(await page.isHidden('#segment-value')).toBe(true);
  });

  it('draws every segment of every plan, region and channel without an error', async () => {
    const members = [...customerSegments().values()];
    for (const by of ['plan', 'region', 'channel'] as const) {
      for (const value of [...new Set(members.map((segments) => segments[by]))].sort()) {
        await chooseSegment(page, { by, value });
        expect([by, value, (await shownMetrics(page)).mrr?.value]).toEqual([by, value, expect.any(Number)]);
      }
    }
    await chooseSegment(page, undefined);
    expect(problems).toEqual([]);
  });

  it('draws the five charts', async () => {
    const painted = await page.$$eval('canvas', (canvases) =>
      canvases.map((canvas) => {
        const { data } = (canvas as HTMLCanvasElement)
          .getContext('2d')!
          .getImageData(0, 0, (canvas as HTMLCanvasElement).width, (canvas as HTMLCanvasElement).height);
        let count = 0;
        for (let k = 3; k < data.length; k += 4) if (data[k]! > 0) count++;
        return count;
      }),
    );
    expect(painted).toHaveLength(5);
    for (const pixels of painted) expect(pixels).toBeGreaterThan(5_000);
  });

  it('saves a 1280-wide screenshot for the docs', async () => {
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1280);
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
