// Revenue cohorts: net MRR retention by cohort month and month since first payment (a heatmap with the
// average row), and the LTV curve: realized value per customer by month since first payment.
import { Chart } from 'chart.js';
import { COLORS, cell, cents, element, integer, money, monthName } from './format.js';
import { heatmapTable, noRows, sizeCell } from './panels.js';

/** The cohorts drawn on the LTV chart: one every six months from the first, and the average. */
const LTV_EVERY = 6;
const LTV_COLORS = ['#9fb4e6', '#6f8fdc', '#3f67c9', '#23439a'];

/** The column headers 0…width − 1: months since the first payment. */
const monthColumns = (width) => Array.from({ length: width }, (_, k) => element('th', {}, String(k)));

/** The heatmap of net MRR retention: one row per cohort, one column per month since its first payment. */
export function revenueHeatmap(table, result) {
  if (result === null) return noRows(table, 'No customer of this segment paid.');
  const { cohorts, average } = result;
  const sum = (key) => cohorts.reduce((total, row) => total + row[key], 0);
  heatmapTable(table, {
    headers: ['Cohort', 'Customers', 'Starting MRR'],
    rows: cohorts.map((row) => ({
      key: row.cohort,
      label: monthName(row.cohort),
      cells: [sizeCell(row.customers), sizeCell(row.startingMrr, money)],
      values: row.netRetention,
    })),
    average: {
      cells: [sizeCell(sum('customers'), integer, false), sizeCell(sum('startingMrr'), money, false)],
      values: average.netRetention,
    },
  });
}

/** The cohorts on the LTV chart, oldest first, then the average. */
function ltvLines({ cohorts, average }) {
  const picked = cohorts.filter((_, k) => k % LTV_EVERY === 0).slice(0, LTV_COLORS.length);
  return [
    ...picked.map((row, k) => ({
      key: row.cohort,
      label: `${monthName(row.cohort)} cohort`,
      values: row.realizedValuePerCustomer,
      color: LTV_COLORS[k],
      width: 1.5,
    })),
    { key: 'average', label: 'Average', values: average.realizedValuePerCustomer, color: COLORS.mrr, width: 3 },
  ];
}

/** The LTV curves on `canvas` (in place of the chart drawn there before) and their figures in `table`. */
export function ltvChart(canvas, table, result) {
  Chart.getChart(canvas)?.destroy();
  if (result === null) return noRows(table, 'No customer of this segment paid.');
  const lines = ltvLines(result);
  const width = result.average.realizedValuePerCustomer.length;
  new Chart(canvas, {
    type: 'line',
    data: {
      labels: Array.from({ length: width }, (_, k) => String(k)),
      datasets: lines.map((line) => ({
        label: line.label,
        data: line.values,
        borderColor: line.color,
        backgroundColor: line.color,
        borderWidth: line.width,
        pointRadius: 0,
        tension: 0.2,
      })),
    },
    options: {
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false }, title: { display: true, text: 'months since the first payment' } },
        y: {
          beginAtZero: true,
          title: { display: true, text: 'revenue per customer' },
          ticks: { callback: (value) => money.format(value) },
        },
      },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12, boxHeight: 12 } },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${cents.format(item.parsed.y)}` } },
      },
    },
  });
  const months = Array.from({ length: width }, (_, k) => k);
  table.replaceChildren(
    element('thead', {}, element('tr', {}, element('th', {}, 'Cohort'), ...monthColumns(width))),
    element(
      'tbody',
      {},
      ...lines.map((line) =>
        element(
          'tr',
          { 'data-cohort': line.key },
          element('th', {}, line.label),
          ...months.map((k) =>
            line.values[k] === undefined ? element('td', {}) : cell('td', line.values[k], money.format(line.values[k])),
          ),
        ),
      ),
    ),
  );
}
