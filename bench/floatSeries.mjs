// The hand-written baseline of the MRR series, shared by the subscription and invoice benchmarks: each
// customer's MRR by month in doubles, then the movements and trailing retention, unchecked.

/** The months of a series from `from` to `to` (`YYYY-MM`) with `lookback` months before: absolute indexes. */
export function monthWindow(from, to, lookback) {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  const first = fy * 12 + fm - 1;
  const last = ty * 12 + tm - 1;
  const low = first - lookback;
  return { low, last, size: last - low + 1 };
}

/** Adds `amount` a month to `customerId` over the absolute months `a … b`, clipped to `low … last`. */
export function addFloatSpan(customers, customerId, a, b, amount, low, last, size) {
  let c = customers.get(customerId);
  if (c === undefined) {
    c = { firstPaid: a, values: new Float64Array(size) };
    customers.set(customerId, c);
  } else if (a < c.firstPaid) c.firstPaid = a;
  for (let m = Math.max(a, low); m <= Math.min(b, last); m++) c.values[m - low] += amount;
}

/** The rows of the months `lookback … size − 1` (offsets from `low`) from the customers' monthly values. */
export function floatRows(customers, low, size, lookback) {
  const rows = [];
  for (let m = lookback; m < size; m++) {
    const row = { mrr: 0, starting: 0, new: 0, expansion: 0, contraction: 0, churned: 0, reactivation: 0 };
    let count = 0;
    let retained = 0;
    let capped = 0;
    let base = 0;
    for (const c of customers.values()) {
      const cur = c.values[m];
      const prev = c.values[m - 1];
      const then = c.values[m - lookback];
      row.mrr += cur;
      row.starting += prev;
      base += then;
      if (cur > 0) count++;
      if (prev === 0 && cur > 0) {
        if (c.firstPaid - low < m - 1) row.reactivation += cur;
        else row.new += cur;
      } else if (prev > 0 && cur === 0) row.churned += prev;
      else if (cur > prev) row.expansion += cur - prev;
      else row.contraction += prev - cur;
      if (then > 0) {
        retained += cur;
        capped += Math.min(cur, then);
      }
    }
    row.customers = count;
    row.nrr = base > 0 ? retained / base : null;
    row.grr = base > 0 ? capped / base : null;
    rows.push(row);
  }
  return rows;
}
