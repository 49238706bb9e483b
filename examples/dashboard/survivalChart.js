// The survival panel: the Kaplan–Meier curve of each group of customers (a plan, region or channel, chosen in
// the panel's own list) as a step line inside its confidence band, censored customers marked by a tick, a
// one-line summary of the log-rank test across the groups and the table of each group's figures (raw values
// in data attributes; the test's statistic, degrees of freedom and p-value on the summary's data attributes).
import { Chart } from 'chart.js';
import { COLORS, cell, element, integer, oneDecimal, percent, show, wholePercent } from './format.js';
import { DIMENSIONS, segmentName } from './segments.js';
import { SURVIVAL_CONFIDENCE, SURVIVAL_HORIZON, survivalBySegment } from './survival.js';
import { pValueText } from './trendChart.js';

const LEVEL = `${Math.round(SURVIVAL_CONFIDENCE * 100)}%`;
const PALETTE = [COLORS.heat, COLORS.new, COLORS.contraction, COLORS.fx, COLORS.churned, COLORS.entering];
const colorOf = (k) => PALETTE[k % PALETTE.length];
/** The colour of a band: the curve's colour, mostly transparent (eight-digit hex). */
const bandOf = (color) => `${color}24`;
const labelOf = (by) => DIMENSIONS.find(({ key }) => key === by).label;
const months = { format: (value) => `${oneDecimal.format(value)} mo` };

/** A curve as the chart draws it: from (0, 1), before anyone churned, through each step of its points. */
const curveData = (points, value) => [{ x: 0, y: 1 }, ...points.map((point) => ({ x: point.time, y: value(point) }))];

/** Draws the groups' curves on `canvas`, in place of the chart drawn there before. */
export function survivalChart(canvas, survival) {
  Chart.getChart(canvas)?.destroy();
  const datasets = survival.groups.flatMap((group, k) => {
    const color = colorOf(k);
    const line = { stepped: true, pointHitRadius: 0 };
    return [
      {
        ...line,
        label: `${group.name} low`,
        data: curveData(group.points, (p) => p.low),
        borderWidth: 0,
        pointRadius: 0,
        fill: false,
      },
      {
        ...line,
        label: `${group.name} ${LEVEL} band`,
        data: curveData(group.points, (p) => p.high),
        borderWidth: 0,
        pointRadius: 0,
        backgroundColor: bandOf(color),
        fill: '-1',
      },
      {
        ...line,
        label: group.name,
        data: curveData(group.points, (p) => p.survival),
        borderColor: color,
        backgroundColor: color,
        borderWidth: 2,
        // A tick where customers were censored (still customers at the date of the data), as lifelines marks them.
        pointStyle: 'line',
        pointRotation: 90,
        pointRadius: [0, ...group.points.map((point) => (point.censored > 0 ? 3 : 0))],
        pointHitRadius: 4,
      },
    ];
  });
  return new Chart(canvas, {
    type: 'line',
    data: { datasets },
    options: {
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false },
      scales: {
        x: {
          type: 'linear',
          min: 0,
          grid: { display: false },
          ticks: { stepSize: 3 },
          title: { display: true, text: 'months since the customer started' },
        },
        y: {
          min: 0,
          max: 1,
          title: { display: true, text: 'still a customer' },
          ticks: { callback: (value) => wholePercent.format(value) },
        },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { boxWidth: 12, boxHeight: 12, filter: (item) => item.datasetIndex % 3 === 2 },
        },
        tooltip: {
          filter: (item) => item.datasetIndex % 3 === 2 && item.dataIndex > 0,
          callbacks: {
            label: (item) => {
              const group = survival.groups[Math.floor(item.datasetIndex / 3)];
              const point = group.points[item.dataIndex - 1];
              const band = `${percent.format(point.low)} to ${percent.format(point.high)}`;
              return (
                `${group.name}: ${percent.format(point.survival)} still customers after ${months.format(point.time)} ` +
                `(${LEVEL}: ${band}), ${integer.format(point.atRisk)} at risk`
              );
            },
          },
        },
      },
    },
  });
}

/** The log-rank test in one sentence, its figures in the node's data attributes (empty without a test). */
export function survivalSummary(node, survival, segment) {
  const { test, groups } = survival;
  Object.assign(node.dataset, {
    statistic: test?.statistic ?? '',
    degreesOfFreedom: test?.degreesOfFreedom ?? '',
    pValue: test?.pValue ?? '',
  });
  const label = labelOf(survival.by).toLowerCase();
  if (groups.length === 0) return node.replaceChildren('No customer of this segment to follow.');
  if (test === null) {
    return node.replaceChildren(
      `Every customer of ${segmentName(segment)} has one ${label}: there is nothing to compare; compare by another attribute.`,
    );
  }
  const verdict =
    test.degreesOfFreedom === 0
      ? 'no churn that the groups share a risk set for, so nothing tells them apart.'
      : test.pValue < 1 - SURVIVAL_CONFIDENCE
        ? `the curves differ by more than chance at ${LEVEL}.`
        : `no difference beyond chance at ${LEVEL}.`;
  node.replaceChildren(
    `Log-rank test across the ${groups.length} ${label}s: χ² `,
    element('strong', {}, test.statistic.toFixed(2)),
    ` on ${test.degreesOfFreedom} degree${test.degreesOfFreedom === 1 ? '' : 's'} of freedom, p `,
    element('strong', {}, `${test.pValue < 0.001 ? '' : '= '}${pValueText(test.pValue)}`),
    `: ${verdict}`,
  );
}

/** Each group's customers, churns observed and expected under the test, median lifetime and 12-month survival. */
export function survivalTable(table, survival) {
  table.dataset.by = survival.by;
  const expected = new Map((survival.test?.groups ?? []).map((group) => [group.name, group]));
  const headers = [
    labelOf(survival.by),
    'Customers',
    'Churned',
    'Expected',
    'Median lifetime',
    `After ${SURVIVAL_HORIZON} months`,
  ];
  table.replaceChildren(
    element('thead', {}, element('tr', {}, ...headers.map((header) => element('th', {}, header)))),
    element(
      'tbody',
      {},
      ...survival.groups.map((group, k) => {
        const tested = expected.get(group.name);
        return element(
          'tr',
          { 'data-group': group.name },
          element(
            'th',
            { scope: 'row' },
            element('span', { class: 'swatch', style: `background:${colorOf(k)}` }),
            group.name,
          ),
          cell('td', group.customers, integer.format(group.customers)),
          cell('td', tested?.observed ?? group.churned, integer.format(tested?.observed ?? group.churned)),
          cell('td', tested?.expected ?? null, show(oneDecimal, tested?.expected)),
          cell('td', group.median, group.median === null ? 'not reached' : months.format(group.median)),
          cell('td', group.atHorizon, percent.format(group.atHorizon)),
        );
      }),
    ),
  );
}

/** The whole panel for one set of survival figures: chart, summary and table. */
export function survivalPanel({ chart, summary, table }, survival, segment) {
  survivalChart(chart, survival);
  survivalSummary(summary, survival, segment);
  survivalTable(table, survival);
}

/**
 * Mounts the panel: fills its list of attributes (`by`, a select element) and returns `show(lifetimes,
 * segment)`, which draws the survival of those customers (the chosen segment's) by the attribute chosen,
 * and draws it again whenever the reader picks another attribute. `members` are the customers' segments
 * (`customerSegments`); `fail` receives an error thrown while drawing after a pick.
 */
export function survivalCard(parts, members, fail) {
  const { by } = parts;
  by.replaceChildren(
    ...DIMENSIONS.map(({ key, label }) => element('option', { value: key }, `By ${label.toLowerCase()}`)),
  );
  let lifetimes = [];
  let segment;
  const draw = () => survivalPanel(parts, survivalBySegment(lifetimes, members, by.value), segment);
  by.addEventListener('change', () => {
    try {
      draw();
    } catch (error) {
      fail(error);
    }
  });
  return (nextLifetimes, nextSegment) => {
    lifetimes = nextLifetimes;
    segment = nextSegment;
    draw();
  };
}
