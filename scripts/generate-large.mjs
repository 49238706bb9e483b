// Writes large input files for the command line, shaped like the files in examples/data, to measure its memory
// and time on a million rows (or more). Deterministic: the same arguments give the same file.
//
//   node scripts/generate-large.mjs subscriptions 1000000 /tmp/subscriptions-1m.csv
//   node scripts/generate-large.mjs customers 1000000 /tmp/customers-1m.csv
//   node scripts/generate-large.mjs tickets 1000000 /tmp/tickets-1m.csv
//   node scripts/generate-large.mjs survey 10000000 /tmp/survey-10m.csv
//   node scripts/generate-large.mjs accounts 1000000 /tmp/accounts-1m.csv
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { random } from '../bench/harness.mjs';

const DAY = 86_400_000;
const START = Date.UTC(2021, 0, 1);

const day = (time) => new Date(time).toISOString().slice(0, 10);
const instant = (time) => `${new Date(time).toISOString().slice(0, 19)}Z`;
const pad = (n, width) => String(n).padStart(width, '0');

const PLANS = [
  ['starter', '29.00', '7.36'],
  ['team', '99.00', '24.50'],
  ['business', '249.00', '61.25'],
];

/** Subscription records: a few records (plan changes, a trial first) per customer. */
function* subscriptions(rows, next) {
  yield 'id,customerId,plan,amount,currency,interval,intervalCount,quantity,discountPercent,discountAmount,start,end,status\n';
  let written = 0;
  let customer = 0;
  while (written < rows) {
    customer++;
    const id = `c${pad(customer, 7)}`;
    const currency = next() < 0.2 ? 'EUR' : 'USD';
    let time = START + Math.floor(next() * 1000) * DAY;
    const records = 1 + Math.floor(next() * 6);
    for (let r = 0; r < records && written < rows; r++) {
      const [plan, monthly, weekly] = PLANS[Math.floor(next() * PLANS.length)];
      const pick = next();
      const interval = pick < 0.7 ? 'month' : pick < 0.85 ? 'year' : pick < 0.95 ? 'quarter' : 'week';
      const amount =
        interval === 'week'
          ? weekly
          : interval === 'year'
            ? `${Number(monthly) * 10}.00`
            : interval === 'quarter'
              ? `${Number(monthly) * 3}.00`
              : monthly;
      const quantity = 1 + Math.floor(next() * 20);
      const discount = next();
      const discountPercent = discount < 0.15 ? '0.2' : '';
      const discountAmount = discount > 0.95 ? '5.00' : '';
      const length = (30 + Math.floor(next() * 400)) * DAY;
      const last = r === records - 1;
      const open = last && next() < 0.5;
      const end = open ? '' : day(time + length);
      const status =
        r === 0 && records > 1 ? 'trialing' : last && !open ? 'canceled' : next() < 0.05 ? 'past_due' : 'active';
      written++;
      yield `s${pad(written, 8)},${id},${plan},${amount},${currency},${interval},1,${quantity},${discountPercent},${discountAmount},${day(time)},${end},${status}\n`;
      time += length;
    }
  }
}

/** Customer lifetimes over three years, about half of them ended. */
function* customers(rows, next) {
  yield 'id,name,segment,currency,signedUpAt,start,end,firstValueAt\n';
  const segments = ['SMB', 'Mid-Market', 'Enterprise'];
  for (let i = 1; i <= rows; i++) {
    const signedUp = START + Math.floor(next() * 1095 * 24) * 3_600_000;
    const start = signedUp + 14 * DAY;
    const end = next() < 0.5 ? day(start + Math.floor(next() * 900) * DAY) : '';
    const firstValue = next() < 0.8 ? instant(signedUp + Math.floor(next() * 20 * 24 * 60) * 60_000) : '';
    yield `c${pad(i, 7)},Customer ${i},${segments[i % 3]},${next() < 0.2 ? 'EUR' : 'USD'},${instant(signedUp)},${day(start)},${end},${firstValue}\n`;
  }
}

/** Support tickets: most answered and resolved, some pending. */
function* tickets(rows, next) {
  yield 'id,customerId,createdAt,firstResponseAt,resolvedAt,contacts\n';
  for (let i = 1; i <= rows; i++) {
    const created = START + Math.floor(next() * 1095 * 24 * 60) * 60_000;
    const responded = next() < 0.95 ? created + Math.floor(next() * 48 * 60) * 60_000 : undefined;
    const resolved =
      responded !== undefined && next() < 0.9 ? responded + Math.floor(next() * 10 * 24 * 60) * 60_000 : undefined;
    const contacts = resolved === undefined ? '' : String(1 + Math.floor(next() * next() * 4));
    yield `t${pad(i, 8)},c${pad(1 + Math.floor(next() * 100_000), 7)},${instant(created)},${responded === undefined ? '' : instant(responded)},${resolved === undefined ? '' : instant(resolved)},${contacts}\n`;
  }
}

/** NPS survey answers (0–10), like examples/data/survey-responses.csv with one survey. */
function* survey(rows, next) {
  yield 'survey,respondent,answeredAt,score\n';
  for (let i = 1; i <= rows; i++) {
    const u = next();
    const score =
      u < 0.35 ? 9 + Math.floor(next() * 2) : u < 0.65 ? 7 + Math.floor(next() * 2) : Math.floor(next() * 7);
    yield `nps,c${pad(1 + Math.floor(next() * 1_000_000), 7)},${day(START + Math.floor(next() * 1095) * DAY)},${score}\n`;
  }
}

/**
 * Accounts with the measures of examples/data/scorecard.json, like examples/data/accounts.csv: healthier
 * accounts churn less, and about a third have no NPS answer.
 */
function* accounts(rows, next) {
  yield 'customerId,segment,weeklyActiveShare,seatUtilization,daysSinceLastLogin,openTickets,nps,executiveSponsor,churned\n';
  const segments = ['SMB', 'Mid-Market', 'Enterprise'];
  for (let i = 1; i <= rows; i++) {
    const health = next();
    const active = Math.min(1, health * 0.9 + next() * 0.2).toFixed(2);
    const seats = Math.min(1, health * 0.8 + next() * 0.3).toFixed(2);
    const login = 1 + Math.floor((1 - health) * next() * 40);
    const tickets = Math.floor(next() * next() * 7);
    const nps = next() < 0.35 ? '' : String(Math.min(10, Math.floor(health * 8 + next() * 4)));
    const sponsor = next() < 0.3 + health * 0.5;
    const churned = next() < 0.2 * (1 - health) ** 2;
    yield `c${pad(i, 7)},${segments[i % 3]},${active},${seats},${login},${tickets},${nps},${sponsor},${churned}\n`;
  }
}

const KINDS = { subscriptions, customers, tickets, survey, accounts };

const [kind, rowsText, path] = process.argv.slice(2);
const rows = Number(rowsText);
if (!(kind in KINDS) || !Number.isSafeInteger(rows) || rows < 0 || path === undefined) {
  console.error(`usage: node scripts/generate-large.mjs ${Object.keys(KINDS).join('|')} <rows> <file>`);
  process.exit(2);
}
const out = createWriteStream(path);
let buffer = '';
for (const line of KINDS[kind](rows, random(rows))) {
  buffer += line;
  if (buffer.length > 1 << 16) {
    if (!out.write(buffer)) await once(out, 'drain');
    buffer = '';
  }
}
out.end(buffer);
await once(out, 'finish');
