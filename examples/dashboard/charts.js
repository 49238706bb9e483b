// The MRR chart with its movements and the NPS distribution (Chart.js), and the tables of their figures.
import { Chart } from 'chart.js';
import { COLORS, cell, cents, element, integer, money, monthName, percent, show } from './format.js';

const MOVEMENTS = [
  { key: 'newMrr', label: 'New', color: COLORS.new, sign: 1 },
  { key: 'expansionMrr', label: 'Expansion', color: COLORS.expansion, sign: 1 },
  { key: 'reactivationMrr', label: 'Reactivation', color: COLORS.reactivation, sign: 1 },
  { key: 'contractionMrr', label: 'Contraction', color: COLORS.contraction, sign: -1 },
  { key: 'churnedMrr', label: 'Churned', color: COLORS.churned, sign: -1 },
  { key: 'fxImpactMrr', label: 'FX impact', color: COLORS.fx, sign: 1 },
];

/** A segment's moves between segments: MRR of customers coming from another one, or going to another one. */
const SEGMENT_MOVEMENTS = [
  { key: 'enteringMrr', label: 'Entering', color: COLORS.entering, sign: 1 },
  { key: 'leavingMrr', label: 'Leaving', color: COLORS.leaving, sign: -1 },
];

/** The movements of `series`: a segment's rows (of `segmentedRevenueSeries`) add entering and leaving. */
const movementsOf = (series) =>
  series.length > 0 && 'enteringMrr' in series[0] ? [...MOVEMENTS, ...SEGMENT_MOVEMENTS] : MOVEMENTS;

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
function axisLimits(series, movements) {
  let up = 0;
  let down = 0;
  let top = 0;
  for (const row of series) {
    // Chart.js stacks the positive bars upwards and the negative ones downwards, whatever the movement.
    const bars = movements.map(({ key, sign }) => sign * row[key]);
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
  const limits = { min: -roundUp(down), max: roundUp(up) };
  const mrrMax = roundUp(top);
  return { movements: limits, mrr: { min: (mrrMax * limits.min) / limits.max, max: mrrMax } };
}

/** Draws the MRR chart on `canvas`, in place of the one drawn there before. */
export function mrrChart(canvas, series) {
  Chart.getChart(canvas)?.destroy();
  const movements = movementsOf(series);
  const limits = axisLimits(series, movements);
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
        ...movements.map((movement) => ({
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

export function mrrTable(table, series) {
  const columns = [
    { key: 'mrr', label: 'MRR' },
    ...movementsOf(series).map(({ key, label }) => ({ key, label })),
    { key: 'customers', label: 'Customers', format: integer },
    ...(movementsOf(series) === MOVEMENTS
      ? []
      : [
          { key: 'enteringCustomers', label: 'Entering customers', format: integer },
          { key: 'leavingCustomers', label: 'Leaving customers', format: integer },
        ]),
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

/** Draws the NPS answers on `canvas`, in place of the chart drawn there before. */
export function npsChart(canvas, distribution) {
  Chart.getChart(canvas)?.destroy();
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

/** The NPS groups' shares (none without answers) and the answers of each score. */
export function npsDetails(legend, table, nps, distribution) {
  const groups = [
    { name: 'detractors', label: 'Detractors (0–6)', color: COLORS.detractor, share: 'detractorShare' },
    { name: 'passives', label: 'Passives (7–8)', color: COLORS.passive, share: 'passiveShare' },
    { name: 'promoters', label: 'Promoters (9–10)', color: COLORS.promoter, share: 'promoterShare' },
  ];
  legend.replaceChildren(
    ...(nps === null
      ? [element('li', {}, 'No answers from this segment')]
      : groups.map((group) =>
          element(
            'li',
            { 'data-group': group.name, 'data-value': nps[group.share], 'data-count': nps[group.name] },
            element('span', { class: 'swatch', style: `background:${group.color}` }),
            `${group.label} ${percent.format(nps[group.share])}`,
          ),
        )),
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
