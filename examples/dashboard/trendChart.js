// The survey trend's panel: NPS month by month as a line inside its confidence band, each month whose change
// from the month before is significant marked by a triangle (up or down), a one-line summary and the table
// of the figures (raw values in data attributes, the significance in each row's data-significant).
import { Chart } from 'chart.js';
import { COLORS, cell, element, integer, monthName, oneDecimal, show, signed } from './format.js';
import { TREND_CONFIDENCE } from './trend.js';

const BAND = 'rgba(47, 95, 208, 0.14)';
const LEVEL = `${Math.round(TREND_CONFIDENCE * 100)}%`;

/** A p-value as the page shows it: "0.012", "< 0.001" below that, a dash where the test is undefined. */
export const pValueText = (pValue) => (pValue === null ? '—' : pValue < 0.001 ? '< 0.001' : pValue.toFixed(3));
/** How a month's change reads: "+13.2 (p = 0.012)". */
const changeText = ({ difference, pValue }) =>
  `${signed(oneDecimal, difference)} (p ${pValue !== null && pValue < 0.001 ? '' : '= '}${pValueText(pValue)})`;

/** Whether a month's change is a significant rise, a significant fall, or neither (null). */
export function changeMark(change) {
  if (!change?.significant) return null;
  return change.difference >= 0 ? 'up' : 'down';
}

/** The months whose change is significant, in one sentence for the panel. */
export function trendSummary(trend) {
  if (trend.every((row) => row.score === null)) return 'No NPS answers from this segment in these months.';
  const marked = trend.filter((row) => changeMark(row.change) !== null);
  if (marked.length === 0) return `No month's change from the month before is significant at ${LEVEL}.`;
  const list = marked.map((row) => `${monthName(row.period)} ${changeText(row.change)}`).join(', ');
  return `Significant changes from the month before: ${list}.`;
}

/** Draws the trend on `canvas`, in place of the chart drawn there before. */
export function trendChart(canvas, trend) {
  Chart.getChart(canvas)?.destroy();
  const marks = trend.map((row) => changeMark(row.change));
  const markColor = (mark) => (mark === 'up' ? COLORS.promoter : mark === 'down' ? COLORS.detractor : COLORS.heat);
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: trend.map((row) => monthName(row.period)),
      datasets: [
        {
          label: 'low',
          data: trend.map((row) => row.interval?.low ?? null),
          borderWidth: 0,
          pointRadius: 0,
          fill: false,
        },
        {
          label: `${LEVEL} interval`,
          data: trend.map((row) => row.interval?.high ?? null),
          borderWidth: 0,
          pointRadius: 0,
          backgroundColor: BAND,
          fill: '-1',
        },
        {
          label: 'NPS',
          data: trend.map((row) => row.score),
          borderColor: COLORS.heat,
          backgroundColor: COLORS.heat,
          borderWidth: 2,
          tension: 0.2,
          pointStyle: marks.map((mark) => (mark === null ? 'circle' : 'triangle')),
          pointRotation: marks.map((mark) => (mark === 'down' ? 180 : 0)),
          pointRadius: marks.map((mark) => (mark === null ? 3 : 7)),
          pointBackgroundColor: marks.map(markColor),
          pointBorderColor: marks.map(markColor),
        },
      ],
    },
    options: {
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { grid: { display: false } },
        y: { suggestedMin: 0, suggestedMax: 60, title: { display: true, text: 'NPS' } },
      },
      plugins: {
        legend: {
          position: 'bottom',
          labels: { boxWidth: 12, boxHeight: 12, filter: (item) => item.text !== 'low' },
        },
        tooltip: {
          filter: (item) => item.datasetIndex === 2,
          callbacks: {
            label: (item) => {
              const row = trend[item.dataIndex];
              const band = `${oneDecimal.format(row.interval.low)} to ${oneDecimal.format(row.interval.high)}`;
              return `NPS ${oneDecimal.format(row.score)}, ${LEVEL} interval ${band}, ${integer.format(row.responses)} answers`;
            },
            afterLabel: (item) => {
              const { change } = trend[item.dataIndex];
              if (change === null) return '';
              return `${changeText(change)} on the month before${change.significant ? ': significant' : ''}`;
            },
          },
        },
      },
    },
  });
}

/** The trend's figures: one row per month, its change and whether that change is significant. */
export function trendTable(table, trend) {
  const headers = ['Month', 'Answers', 'NPS', 'Low', 'High', 'Change', 'p-value'];
  table.replaceChildren(
    element('thead', {}, element('tr', {}, ...headers.map((header) => element('th', {}, header)))),
    element(
      'tbody',
      {},
      ...trend.map((row) => {
        const mark = changeMark(row.change);
        const change = row.change?.difference ?? null;
        return element(
          'tr',
          { 'data-period': row.period, 'data-significant': row.change === null ? '' : String(row.change.significant) },
          element('th', {}, monthName(row.period)),
          cell('td', row.responses, integer.format(row.responses)),
          cell('td', row.score, show(oneDecimal, row.score)),
          cell('td', row.interval?.low ?? null, show(oneDecimal, row.interval?.low)),
          cell('td', row.interval?.high ?? null, show(oneDecimal, row.interval?.high)),
          cell(
            'td',
            change,
            change === null ? '—' : `${signed(oneDecimal, change)}${mark === null ? '' : mark === 'up' ? ' ▲' : ' ▼'}`,
            { class: mark ?? undefined },
          ),
          cell('td', row.change?.pValue ?? null, pValueText(row.change?.pValue ?? null)),
        );
      }),
    ),
  );
}

/** The whole panel: chart, summary and table. */
export function trendPanel(canvas, summary, table, trend) {
  trendChart(canvas, trend);
  summary.textContent = trendSummary(trend);
  trendTable(table, trend);
}
