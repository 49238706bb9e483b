// The browser dashboard: fetches the sample company's raw records, computes every figure with
// customer-success-metrics (the library's ESM build, through the page's import map) and draws them, for the
// whole company or for the segment chosen in the selector (a plan, a region or an acquisition channel).
//
// Each KPI element carries its raw value in data attributes (data-metric, data-value, data-low, data-high),
// and so do the tables under the charts: the end-to-end test reads them and compares them with the library
// run in Node on the same files. <body data-ready> becomes "true" once everything is drawn, or "error"; it is
// "false" again while another segment is computed, and <body data-segment> names the segment drawn
// ("region=Europe", empty for all customers).
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { isMetricError } from 'customer-success-metrics';
import { billingCards, kpiCards } from './cards.js';
import { mrrChart, mrrTable, npsChart, npsDetails } from './charts.js';
import { bytesLoaded, loadData } from './data.js';
import { compute } from './figures.js';
import { integer, oneDecimal } from './format.js';
import { cohortTable, healthPanel } from './panels.js';
import { ltvChart, revenueHeatmap } from './revenueCohorts.js';
import { customerSegments, fragmentSegment, segmentData, segmentFragment, segmentValues } from './segments.js';
import { segmentSelector, segmentShare } from './selector.js';
import { survivalCard } from './survivalChart.js';
import { trendPanel } from './trendChart.js';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  Filler,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  Legend,
);

const started = performance.now();
const byId = (id) => document.getElementById(id);

function render(figures) {
  byId('kpis').replaceChildren(...kpiCards(figures));
  byId('billing-kpis').replaceChildren(...billingCards(figures));
  mrrChart(byId('mrr-chart'), figures.series);
  mrrTable(byId('mrr-table'), figures.series);
  npsChart(byId('nps-chart'), figures.npsDistribution);
  npsDetails(byId('nps-legend'), byId('nps-table'), figures.nps, figures.npsDistribution);
  trendPanel(byId('trend-chart'), byId('trend-summary'), byId('trend-table'), figures.trend);
  cohortTable(byId('cohort-table'), figures.cohorts);
  revenueHeatmap(byId('revenue-cohort-table'), figures.revenueCohorts);
  ltvChart(byId('ltv-chart'), byId('ltv-table'), figures.revenueCohorts);
  healthPanel(byId('health-bar'), byId('health-table'), byId('health-auc'), figures.health, figures.calibration);
}

const nextFrame = () => new Promise((done) => requestAnimationFrame(() => done()));

/** The message of an error, with where the library found the bad value. */
const describe = (error) =>
  isMetricError(error)
    ? `${error.message} (at ${error.issues[0]?.path.join('.') ?? 'input'})`
    : error instanceof Error
      ? error.message
      : String(error);

function fail(error) {
  const status = byId('status');
  const message = describe(error);
  status.textContent = `The dashboard could not be computed: ${message}`;
  status.classList.add('error');
  document.body.dataset.error = message;
  document.body.dataset.ready = 'error';
}

async function main() {
  const status = byId('status');
  const body = document.body;
  // Charts animate unless the reader asked for less motion.
  Chart.defaults.animation = matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 400 };
  Chart.defaults.font.family = getComputedStyle(body).fontFamily;
  Chart.defaults.color = '#5b6676';

  const data = await loadData();
  const loaded = performance.now();
  const members = customerSegments(data.subscriptions);
  const values = segmentValues(data.subscriptions);
  const total = compute(data);
  const computed = performance.now();
  const survival = survivalCard(
    {
      by: byId('survival-by'),
      chart: byId('survival-chart'),
      summary: byId('survival-summary'),
      table: byId('survival-table'),
    },
    members,
    fail,
  );

  // The latest choice wins: a segment picked while another is drawn leaves `ready` false until it is drawn.
  let drawing = 0;
  /** Draws a segment's figures; true when no other segment was picked meanwhile. */
  const draw = async (segment) => {
    const turn = ++drawing;
    body.dataset.ready = 'false';
    const part = segmentData(data, segment, members);
    const figures = segment === undefined ? total : compute(part, { ...segment, subscriptions: data.subscriptions });
    render(figures);
    survival(part.lifetimes, segment);
    segmentShare(byId('segment-share'), segment, figures.latest.mrr, total.latest.mrr);
    await nextFrame();
    await nextFrame();
    if (turn !== drawing) return false;
    const fragment = segmentFragment(segment);
    history.replaceState(null, '', `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`);
    body.dataset.segment = fragment;
    return true;
  };
  const show = async (segment) => {
    const start = performance.now();
    if (await draw(segment))
      Object.assign(body.dataset, { segmentMs: (performance.now() - start).toFixed(1), ready: 'true' });
  };

  const initial = fragmentSegment(location.hash, values);
  segmentSelector(
    { by: byId('segment-by'), value: byId('segment-value'), rule: byId('segment-rule') },
    values,
    initial,
    (segment) => show(segment).catch(fail),
  );
  const drawStart = performance.now();
  const drawn = await draw(initial);
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
    `${integer.format(computed - loaded)} ms, drawn in ${integer.format(rendered - drawStart)} ms`;
  status.textContent = `${integer.format(records)} records (${oneDecimal.format(bytesLoaded() / 1e6)} MB) read.`;
  status.title = timings;
  console.info(`customer-success-metrics dashboard: ${timings}`);
  Object.assign(body.dataset, {
    records: String(records),
    loadMs: (loaded - started).toFixed(1),
    computeMs: (computed - loaded).toFixed(1),
    renderMs: (rendered - drawStart).toFixed(1),
    ...(drawn ? { ready: 'true' } : {}),
  });
}

main().catch((error) => {
  fail(error);
  throw error;
});
