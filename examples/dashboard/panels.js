// The cohort retention heatmap and the health panel.
import { COLORS, cell, element, integer, monthName, percent, range, show, wholePercent } from './format.js';

/**
 * A heatmap cell showing a retention (a fraction, its raw value in `data-value`), darker as it nears 1; at 1
 * and above it is at its darkest. An absent value is an empty cell.
 */
export function heatCell(retention) {
  if (retention === undefined || retention === null) return element('td', { class: 'cell empty' });
  const strength = Math.round(10 + 90 * Math.min(1, retention) ** 3);
  return cell('td', retention, wholePercent.format(retention), {
    class: 'cell',
    style: `background:color-mix(in srgb, ${COLORS.heat} ${strength}%, white);color:${strength > 50 ? '#fff' : 'inherit'}`,
    title: percent.format(retention),
  });
}

/** A table's one message row, where a segment has nothing to show. */
export const noRows = (table, message) =>
  table.replaceChildren(element('tbody', {}, element('tr', {}, element('td', { class: 'none' }, message))));

/**
 * A cohort heatmap: a header row (`headers`, then the periods 0 … width − 1), one row per cohort
 * `{ key, label, cells, values }` (`cells`: the cells before the heat cells, such as its size) and the
 * average row `{ cells, values }`; each row's `data-cohort` is its key, `average` for the last.
 */
export function heatmapTable(table, { headers, rows, average }) {
  const width = Math.max(average.values.length, ...rows.map((row) => row.values.length));
  const months = Array.from({ length: width }, (_, k) => k);
  const line = ({ key, label, cells, values }, attributes = {}) =>
    element(
      'tr',
      { 'data-cohort': key, ...attributes },
      element('th', {}, label),
      ...cells,
      ...months.map((k) => heatCell(values[k])),
    );
  table.replaceChildren(
    element(
      'thead',
      {},
      element(
        'tr',
        {},
        ...headers.map((header) => element('th', {}, header)),
        ...months.map((k) => element('th', {}, String(k))),
      ),
    ),
    element(
      'tbody',
      {},
      ...rows.map((row) => line(row)),
      line({ key: 'average', label: 'Average', ...average }, { class: 'average' }),
    ),
  );
}

/** A count in a heatmap's size column, its raw value in `data-value` unless it is a total. */
export const sizeCell = (value, format = integer, raw = true) =>
  raw
    ? cell('td', value, format.format(value), { class: 'size' })
    : element('td', { class: 'size' }, format.format(value));

/** The customer retention heatmap of 2024's monthly cohorts, with their average. */
export function cohortTable(table, cohortRetention) {
  if (cohortRetention === null) return noRows(table, 'No customer of this segment started in 2024.');
  const { cohorts, average } = cohortRetention;
  heatmapTable(table, {
    headers: ['Cohort', 'Size'],
    rows: cohorts.map((row) => ({
      key: row.cohort,
      label: monthName(row.cohort),
      cells: [sizeCell(row.size)],
      values: row.retention,
    })),
    average: {
      cells: [
        sizeCell(
          cohorts.reduce((total, row) => total + row.size, 0),
          integer,
          false,
        ),
      ],
      values: average,
    },
  });
}

/** The accounts' health distribution, the churn of each status and the score's AUC. */
export function healthPanel(bar, table, auc, health, calibration) {
  if (health === null || calibration === null) {
    bar.replaceChildren();
    auc.replaceChildren();
    return noRows(table, 'No account of this segment was scored on 30 September 2024.');
  }
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
