// The 36-month series over 100 000 subscriptions in three currencies (USD, the target, EUR and GBP by
// customer), with fixed rates and with monthly dated rates: the dated series against the same series at
// fixed rates (goal: at most 1.5 ×) and against DuckDB computing the same month-end MRR and movements,
// FX impact included, in SQL over the same rows and rate table (the query of docs/warehouse.md's scale
// path, on the bench's table).
import { goal, random } from './harness.mjs';

const FIXED = { EUR: '1.0837', GBP: '1.2713' };

/** Gives each customer a currency (a third each) without changing anything else of the records. */
export function withCurrencies(records) {
  return records.map((record) => {
    const n = Number(record.customerId.slice(4)) % 3;
    return n === 0 ? record : { ...record, currency: n === 1 ? 'EUR' : 'GBP' };
  });
}

/** Monthly dated rates from 2020-01-01 to 2025-12-01, four decimals, drifting around the fixed rates. */
export function monthlyRates(seed) {
  const rnd = random(seed);
  const rates = {};
  for (const [code, base] of Object.entries(FIXED)) {
    const table = [];
    let rate = Number(base);
    for (let year = 2020; year <= 2025; year++) {
      for (let month = 1; month <= 12; month++) {
        rate *= 1 + (rnd() - 0.5) * 0.04;
        table.push({ from: `${year}-${String(month).padStart(2, '0')}-01`, rate: rate.toFixed(4) });
      }
    }
    rates[code] = table;
  }
  return rates;
}

/** The month indexes (year × 12 + month − 1) of `from` and `to`, `YYYY-MM`. */
export function monthRange(from, to) {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return { first: fy * 12 + fm - 1, last: ty * 12 + tm - 1 };
}

/**
 * The records that count, each with its monthly amount (named `amount`) and the months `a … b` at whose
 * end it is active, in SQL: the first step of both series queries.
 */
export function spansSql(amount, columns = '') {
  return `
  SELECT customer_id, ${columns}
    amount * quantity * CASE interval WHEN 'month' THEN 1 WHEN 'year' THEN 1 / 12 WHEN 'quarter' THEN 1 / 3
      WHEN 'week' THEN 52 / 12 ELSE 365 / 12 END / interval_count AS ${amount},
    CASE WHEN start_ms IS NULL THEN -100000 ELSE year(epoch_ms(start_ms)) * 12 + month(epoch_ms(start_ms)) - 1 END AS a,
    CASE WHEN end_ms IS NULL THEN 100000 ELSE year(epoch_ms(end_ms)) * 12 + month(epoch_ms(end_ms)) - 2 END AS b
  FROM subs
  WHERE status IN ('active', 'past_due') OR (status = 'canceled' AND end_ms IS NOT NULL)
`;
}

/**
 * The last step of both series queries: from each customer's MRR by month (`cm`) and the movements by month
 * (`agg`), one row per month from `first` with MRR, ARR, customers, churn rates, ARPA and trailing NRR/GRR.
 */
export function rowsSql(first, lookback) {
  return `totals AS (SELECT m, sum(mrr) AS mrr, count(*) AS customers FROM cm GROUP BY m),
ret AS (
  SELECT c.m, sum(c.mrr) AS retained, sum(least(c.mrr, b.mrr)) AS capped
  FROM cm c JOIN cm b ON c.customer_id = b.customer_id AND b.m = c.m - ${lookback} GROUP BY c.m
)
SELECT months.m, t.mrr, t.customers, t.mrr * 12 AS arr, tp.mrr AS starting_mrr, agg.*,
  agg.churned_customers / tp.customers AS customer_churn_rate,
  (agg.churned_mrr + agg.contraction_mrr) / tp.mrr AS revenue_churn_rate,
  t.mrr / t.customers AS arpa,
  ret.retained / tb.mrr AS nrr, ret.capped / tb.mrr AS grr
FROM months
  LEFT JOIN totals t ON t.m = months.m
  LEFT JOIN totals tp ON tp.m = months.m - 1
  LEFT JOIN totals tb ON tb.m = months.m - ${lookback}
  LEFT JOIN agg ON agg.m = months.m
  LEFT JOIN ret ON ret.m = months.m
WHERE months.m >= ${first}
ORDER BY months.m`;
}

/**
 * Month-end MRR, movements and FX impact in SQL (DuckDB dialect for the month arithmetic): `subs` as in the
 * plain series, with a `currency` column; `rate_history (currency, from_date, rate)` the dated rates.
 */
export function fxSeriesSql(from, to, lookback) {
  const { first, last } = monthRange(from, to);
  return `
WITH s AS (${spansSql('own', 'currency, ')}),
paid AS (SELECT * FROM s WHERE a <= b AND own > 0),
first_paid AS (SELECT customer_id, min(a) AS fp FROM paid GROUP BY customer_id),
months AS (
  SELECT range AS m,
    CAST(make_date(CAST(range // 12 AS INTEGER), CAST(range % 12 + 1 AS INTEGER), 1) + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS month_end
  FROM range(${first - lookback}, ${last + 1})
),
periods AS (
  SELECT currency, from_date, rate, lead(from_date) OVER (PARTITION BY currency ORDER BY from_date) AS next_from
  FROM rate_history
),
month_rates AS (
  SELECT p.currency, months.m, p.rate FROM months
  JOIN periods p ON p.from_date <= months.month_end AND (p.next_from IS NULL OR months.month_end < p.next_from)
  UNION ALL SELECT 'USD', m, 1 FROM months
),
own AS (
  SELECT paid.customer_id, paid.currency, months.m, sum(paid.own) AS own
  FROM paid JOIN months ON months.m BETWEEN paid.a AND paid.b GROUP BY ALL
),
cm AS (
  SELECT own.customer_id, own.m, sum(own.own * r.rate) AS mrr
  FROM own JOIN month_rates r ON r.currency = own.currency AND r.m = own.m GROUP BY ALL
),
revalued AS (
  SELECT own.customer_id, own.m + 1 AS m, sum(own.own * r.rate) AS w
  FROM own JOIN month_rates r ON r.currency = own.currency AND r.m = own.m + 1 GROUP BY ALL
),
moves AS (
  SELECT coalesce(c.customer_id, p.customer_id) AS customer_id, coalesce(c.m, p.m + 1) AS m,
    coalesce(c.mrr, 0) AS cur, coalesce(p.mrr, 0) AS prev
  FROM cm c FULL OUTER JOIN cm p ON c.customer_id = p.customer_id AND c.m = p.m + 1
),
agg AS (
  SELECT moves.m,
    sum(CASE WHEN prev = 0 AND fp >= moves.m - 1 THEN cur ELSE 0 END) AS new_mrr,
    sum(CASE WHEN prev = 0 AND fp < moves.m - 1 THEN cur ELSE 0 END) AS reactivation_mrr,
    sum(CASE WHEN prev > 0 AND cur > 0 AND cur > w THEN cur - w ELSE 0 END) AS expansion_mrr,
    sum(CASE WHEN prev > 0 AND cur > 0 AND cur < w THEN w - cur ELSE 0 END) AS contraction_mrr,
    sum(CASE WHEN prev > 0 AND cur > 0 THEN w - prev ELSE 0 END) AS fx_impact_mrr,
    sum(CASE WHEN cur = 0 THEN prev ELSE 0 END) AS churned_mrr,
    count(*) FILTER (WHERE cur = 0) AS churned_customers
  FROM moves JOIN first_paid USING (customer_id)
    LEFT JOIN revalued ON revalued.customer_id = moves.customer_id AND revalued.m = moves.m
  GROUP BY moves.m
),
${rowsSql(first, lookback)}`;
}

/** Loads the dated rates beside the records (`subs`, with their `currency`). */
export async function loadRates(connection, rates) {
  await connection.run('CREATE TABLE rate_history (currency VARCHAR, from_date DATE, rate DOUBLE)');
  const values = Object.entries(rates).flatMap(([code, table]) =>
    table.map(({ from, rate }) => `('${code}', DATE '${from}', ${rate})`),
  );
  await connection.run(`INSERT INTO rate_history VALUES ${values.join(', ')}`);
}

/**
 * The group: the series with monthly dated rates against the same at fixed rates and against DuckDB.
 * `compareAsync` measures; returns its ratios.
 */
export async function fxSeriesGroup(lib, { subscriptions, window, duckdbConnection, compareAsync }) {
  const records = withCurrencies(subscriptions);
  const rates = monthlyRates(17);
  const fixed = { ...window, currency: 'USD', exchangeRates: FIXED };
  const dated = { ...window, currency: 'USD', exchangeRates: rates };
  const ours = () => lib.recurringRevenueSeries({ subscriptions: records }, dated);
  const rows = ours();
  const last = rows[rows.length - 1];
  const fxTotal = rows.reduce((sum, row) => sum + row.fxImpactMrr, 0);
  console.log(`\nFX series, last month: ours mrr ${last.mrr}, fx impact over 36 months ${fxTotal.toFixed(2)}`);
  const baselines = {
    'same series, fixed rates': async () => lib.recurringRevenueSeries({ subscriptions: records }, fixed),
  };
  const connection = await duckdbConnection(records);
  if (connection === undefined) console.log('  (@duckdb/node-api is not installed: DuckDB baseline skipped)');
  else {
    await loadRates(connection, rates);
    const sql = fxSeriesSql(window.from, window.to, window.lookback);
    const check = (await connection.runAndReadAll(sql)).getRowObjects();
    const duckLast = check[check.length - 1];
    const duckFx = check.reduce((sum, row) => sum + Number(row.fx_impact_mrr ?? 0), 0);
    console.log(`  DuckDB, last month: mrr ${duckLast.mrr}, fx impact over 36 months ${duckFx.toFixed(2)}`);
    baselines['DuckDB (in memory)'] = () => connection.runAndReadAll(sql);
  }
  const ratios = await compareAsync(
    `recurringRevenueSeries, ${records.length.toLocaleString('en')} subscriptions in 3 currencies, monthly dated rates, 36 months`,
    { ours: async () => ours(), baselines },
  );
  goal(ratios, 'same series, fixed rates', 1.5);
  if (ratios['DuckDB (in memory)'] !== undefined) goal(ratios, 'DuckDB (in memory)', 1);
  connection?.closeSync();
  return ratios;
}
