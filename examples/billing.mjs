// The sample company's billing, drawn after its customers' lives (generate-data.mjs) from seeded streams of
// its own, so that those lives keep their dates and prices: the invoice lines of every billing period (with
// VAT on euro customers, prorated plan changes, metered usage billed in arrears and setup fees), failed
// payments (past-due spans that mostly recover and sometimes end in delinquent churn), and a EUR rate that
// moves every month.
import { addMonths, DAY, day, stream, TO } from './seeded.mjs';
import { segmentColumns } from './segments.mjs';

const MONTHS = { month: 1, quarter: 3, year: 12 };

/**
 * The start of the billing period after the one starting at `time`. Months are stepped one at a time, as the
 * customers' lives are, so that renewals fall on the days their plan changes and cancellations do.
 */
function renewal(time, interval) {
  if (interval === 'week') return time + 7 * DAY;
  let next = time;
  for (let i = 0; i < MONTHS[interval]; i++) next = addMonths(next, 1);
  return next;
}

/** The price of one billing period of a record, in cents: amount × quantity less its discount. */
function periodCents(record) {
  const list = Math.round(Number(record.amount) * 100) * record.quantity;
  if (record.discountPercent !== '') return Math.round(list * (1 - Number(record.discountPercent)));
  if (record.discountAmount !== '') return Math.max(0, list - Math.round(Number(record.discountAmount) * 100));
  return list;
}

const money = (cents) => (cents / 100).toFixed(2);
/** Standard VAT rates of the euro customers' countries (Germany, France, the Netherlands, Spain, Italy). */
const VAT = [0.19, 0.2, 0.21, 0.21, 0.22];

/**
 * Invoice lines: one recurring line per billing period of each paid record; a plan change between two
 * renewals bills the new price from the change to the renewal (prorated, as Stripe bills an upgrade), and a
 * period cut short by a plan change or a cancellation is billed for the part used, both with the interval of
 * their full period. Some customers pay for metered usage, billed each month in arrears; some pay a setup
 * fee when they convert. Each recurring record gets `bills`, the days its lines were invoiced.
 */
function invoiceLines(customers, records) {
  const draws = stream(20241101);
  const lines = [];
  const add = (customer, plan, cents, kind, periodStart, periodEnd, invoicedAt, fullPeriodInterval = '') => {
    const tax = customer.vat === undefined ? undefined : Math.round(cents * customer.vat);
    lines.push({
      customerId: customer.id,
      amount: money(cents + (tax ?? 0)),
      tax: tax === undefined ? '' : money(tax),
      currency: customer.currency,
      kind,
      periodStart: day(periodStart),
      periodEnd: day(periodEnd),
      fullPeriodInterval,
      invoicedAt: day(invoicedAt),
      plan,
      ...segmentColumns(customer),
    });
  };
  for (const customer of customers) if (customer.currency === 'EUR') customer.vat = draws.pick(VAT);
  for (const customer of customers) {
    const paid = records.get(customer.id) ?? [];
    if (paid.length === 0) continue;
    const first = paid[0];
    let previous;
    for (const record of paid) {
      const end = record.to ?? Number.POSITIVE_INFINITY;
      const cents = periodCents(record);
      record.bills = [];
      let time = record.from;
      const contiguous = previous !== undefined && previous.to === record.from;
      if (contiguous && previous.interval === record.interval && previous.renewal > record.from) {
        const until = Math.min(previous.renewal, end);
        const share = (until - record.from) / (previous.renewal - previous.periodStart);
        const prorated = Math.round(cents * share);
        add(customer, record.plan, prorated, 'recurring', record.from, until, record.from, record.interval);
        record.bills.push(record.from);
        record.periodStart = previous.periodStart;
        record.renewal = previous.renewal;
        time = previous.renewal;
      }
      while (time < end && time < TO) {
        const next = renewal(time, record.interval);
        if (next <= end) add(customer, record.plan, cents, 'recurring', time, next, time);
        else
          add(
            customer,
            record.plan,
            Math.round((cents * (end - time)) / (next - time)),
            'recurring',
            time,
            end,
            time,
            record.interval,
          );
        record.bills.push(time);
        record.periodStart = time;
        record.renewal = next;
        time = next;
      }
      previous = record;
    }

    // A setup fee for most Enterprise customers and some Mid-Market ones, invoiced when they convert.
    const fee = { Enterprise: [0.8, 150000], 'Mid-Market': [0.25, 50000] }[customer.segment];
    if (fee !== undefined && draws.chance(fee[0])) {
      const cents = customer.currency === 'EUR' ? Math.round(fee[1] * 0.92) : fee[1];
      add(customer, first.plan, cents, 'one-off', first.from, addMonths(first.from, 1), first.from);
    }

    // Metered usage (API calls beyond the plan), billed at the end of each month of paid service.
    const median = { starter: 1200, growth: 4500, scale: 16000 }[first.plan];
    if (!draws.chance(first.plan === 'starter' ? 0.05 : 0.35)) continue;
    const scale = median * (0.6 + 0.2 * customer.seats);
    let month = 0;
    for (let i = 0; i < paid.length; i++) {
      // One span of service: records that follow one another without a gap.
      let last = i;
      while (last + 1 < paid.length && paid[last].to === paid[last + 1].from) last++;
      const spanEnd = paid[last].to ?? Number.POSITIVE_INFINITY;
      let current = i;
      for (let time = paid[i].from; time < spanEnd; ) {
        // The plan of the month's start: usage is billed with the plan it was used on.
        while (current < last && paid[current].to <= time) current++;
        const next = Math.min(addMonths(time, 1), spanEnd);
        if (next > TO) break;
        const full = addMonths(time, 1) - time;
        const cents = Math.round(scale * 1.02 ** month++ * Math.exp(0.35 * draws.normal()) * ((next - time) / full));
        if (cents > 0) add(customer, paid[current].plan, cents, 'usage', time, next, next);
        time = next;
      }
      i = last;
    }
  }
  lines.sort((a, b) => a.invoicedAt.localeCompare(b.invoicedAt) || a.customerId.localeCompare(b.customerId));
  return lines;
}

/** A record's span [from, to) as a record of its own, with other fields; a status change keeps its id. */
const piece = (record, from, to, fields) => ({
  ...record,
  from,
  to,
  start: day(from),
  end: to === undefined ? '' : day(to),
  ...fields,
});

/**
 * Failed payments. A renewal whose payment fails makes the subscription past due from that day: most
 * recover within three weeks (the record is split into its paid, past-due and paid again spans); some
 * cancellations were failed payments never recovered (the past-due span from the last invoice to the end,
 * `endReason: 'delinquent'`); the subscriptions past due at the end of the data fell due at one of their
 * last renewals. Other cancellations are `voluntary`. MRR stays as it was under the default policies: a
 * past-due subscription counts until it ends.
 */
function failedPayments(customers, subscriptions) {
  const draws = stream(20241115);
  const risk = new Map(customers.map((customer) => [customer.id, customer.risk]));
  const out = [];
  for (const record of subscriptions) {
    if (record.bills === undefined) {
      out.push(record);
      continue;
    }
    const end = record.to ?? TO;
    const lastBill = record.bills.at(-1);
    const lost =
      record.churned === true &&
      end - lastBill >= 14 * DAY &&
      end - lastBill <= 45 * DAY &&
      draws.chance(0.15 + 0.25 * risk.get(record.customerId));
    let dueSince;
    if (record.status === 'past_due') {
      // A monthly subscription may have missed a renewal or two since.
      const back = record.interval !== 'month' || draws.chance(0.7) ? 0 : draws.chance(0.65) ? 1 : 2;
      dueSince = record.bills[Math.max(0, record.bills.length - 1 - back)];
    } else if (lost) dueSince = lastBill;
    let from = record.from;
    for (const bill of record.bills) {
      if (bill <= from || (dueSince !== undefined && bill >= dueSince)) continue;
      // A payment a week fails less often than a payment a month, and is caught up within the week.
      const weekly = record.interval === 'week';
      if (!draws.chance((0.02 + 0.04 * risk.get(record.customerId)) * (weekly ? 0.25 : 1))) continue;
      const recovered = bill + draws.between(1, weekly ? 6 : 21) * DAY;
      if (recovered >= Math.min(end, dueSince ?? end)) continue;
      out.push(piece(record, from, bill, { status: 'canceled' }));
      out.push(piece(record, bill, recovered, { status: 'past_due', pastDueSince: day(bill) }));
      from = recovered;
    }
    if (dueSince === undefined) {
      out.push(piece(record, from, record.to, record.churned ? { endReason: 'voluntary' } : {}));
      continue;
    }
    if (dueSince > from) out.push(piece(record, from, dueSince, { status: 'canceled' }));
    const delinquent = record.churned ? { endReason: 'delinquent' } : {};
    out.push(piece(record, dueSince, record.to, { status: 'past_due', pastDueSince: day(dueSince), ...delinquent }));
  }
  return out;
}

/** The EUR → USD rate of each month of the data: a seeded drift around 1.08, four decimals. */
function exchangeRates(from) {
  const draws = stream(20230101);
  const rows = [];
  let rate = 1.07;
  for (let time = from; time < TO; time = addMonths(time, 1)) {
    rows.push({ currency: 'EUR', from: day(time), rate: rate.toFixed(4) });
    rate += 0.25 * (1.085 - rate) + 0.012 * draws.normal();
  }
  return rows;
}

/** The columns of subscriptions.csv: the records' fields, with their statuses and failed payments. */
export const SUBSCRIPTION_COLUMNS = [
  'id',
  'customerId',
  'plan',
  'amount',
  'currency',
  'interval',
  'intervalCount',
  'quantity',
  'discountPercent',
  'discountAmount',
  'start',
  'end',
  'status',
  'pastDueSince',
  'endReason',
  'region',
  'channel',
];

/** The columns of invoices.csv: an invoice line, with the plan it was billed on and its customer's segments. */
export const INVOICE_COLUMNS = [
  'customerId',
  'amount',
  'tax',
  'currency',
  'kind',
  'periodStart',
  'periodEnd',
  'fullPeriodInterval',
  'invoicedAt',
  'plan',
  'region',
  'channel',
];

/** The billing of the sample company: its subscriptions with their failed payments, invoice lines and rates. */
export function billing(customers, subscriptions) {
  const paid = new Map();
  for (const record of subscriptions) {
    if (record.status === 'trialing') continue;
    if (!paid.has(record.customerId)) paid.set(record.customerId, []);
    paid.get(record.customerId).push(record);
  }
  const invoices = invoiceLines(customers, paid);
  return {
    subscriptions: failedPayments(customers, subscriptions),
    invoices,
    rates: exchangeRates(Date.UTC(2023, 0, 1)),
  };
}
