// Writes the bundled sample company into examples/data/. Deterministic: the same seed gives the same files.
//   node examples/generate-data.mjs
//
// A subscription business over 24 months (January 2023 to December 2024): customers in three segments who
// sign up after a trial, on monthly, quarterly, yearly and weekly plans, some in euros, some with discounts,
// each in a region and come through a channel (segments.mjs); they upgrade, downgrade, fall behind on payments (and mostly catch up), cancel and sometimes come back.
// Each customer has a latent risk that drives both its churn and its health measures, so the health
// scorecard has something real to predict. Their invoices (with usage and setup fees) and a monthly exchange
// rate come from billing.mjs; survey answers, support tickets, product events and sessions complete the
// picture, with the one-off add-on orders of purchases.mjs (transactions.csv) for the purchase models.
import { mkdirSync, writeFileSync } from 'node:fs';
import { billing, INVOICE_COLUMNS, SUBSCRIPTION_COLUMNS } from './billing.mjs';
import { PURCHASE_COLUMNS, purchases } from './purchases.mjs';
import { addMonths, csv, DAY, day, HOUR, instant, stream, TO } from './seeded.mjs';
import { assignSegments, segmentColumns } from './segments.mjs';

const { next, chance, between, pick, normal } = stream(20240601);
/** Draws from a discrete distribution given as weights per value. */
function draw(weights) {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  let roll = next() * total;
  for (const [value, weight] of Object.entries(weights)) {
    roll -= weight;
    if (roll < 0) return Number(value);
  }
  return Number(Object.keys(weights).at(-1));
}
/** A log-normal duration in hours with the given median. */
const hours = (median, spread) => median * Math.exp(spread * normal());

const PLANS = {
  starter: { month: 29, quarter: 81, year: 290, week: 8 },
  growth: { month: 99, quarter: 279, year: 990 },
  scale: { month: 299, quarter: 849, year: 2990 },
};
const ORDER = ['starter', 'growth', 'scale'];
const SEGMENTS = {
  SMB: { weight: 6, plans: { starter: 6, growth: 3, scale: 1 }, churn: 0.03 },
  'Mid-Market': { weight: 3, plans: { starter: 1, growth: 5, scale: 3 }, churn: 0.015 },
  Enterprise: { weight: 1, plans: { growth: 1, scale: 5 }, churn: 0.007 },
};

const customers = [];
const subscriptions = [];
let subscriptionCount = 0;

function addSubscription(customer, plan, start, end, extra = {}) {
  const interval = extra.interval ?? customer.interval;
  const amount = PLANS[plan][interval] ?? PLANS[plan].month;
  subscriptions.push({
    id: `s${String(++subscriptionCount).padStart(5, '0')}`,
    customerId: customer.id,
    plan,
    amount: customer.currency === 'EUR' ? (amount * 0.92).toFixed(2) : amount.toFixed(2),
    currency: customer.currency,
    interval: PLANS[plan][interval] === undefined ? 'month' : interval,
    intervalCount: 1,
    quantity: plan === 'growth' ? customer.seats : 1,
    discountPercent: customer.discountPercent ?? '',
    discountAmount: customer.discountAmount ?? '',
    start: day(start),
    end: end === undefined ? '' : day(end),
    status: extra.status ?? (end === undefined ? customer.status : 'canceled'),
    ...segmentColumns(customer),
    // Not columns: the span as instants, for the invoices and failed payments drawn later.
    from: start,
    to: end,
  });
}

// Sign-ups grow over the two years: about 10 a month at first, 30 at the end.
let customerCount = 0;
for (let month = 0; month < 24; month++) {
  const signups = Math.round(10 + month * 0.9 + next() * 6);
  for (let i = 0; i < signups; i++) {
    const segment = draw(Object.fromEntries(Object.values(SEGMENTS).map((s, k) => [k, s.weight])));
    const segmentName = Object.keys(SEGMENTS)[segment];
    const profile = SEGMENTS[segmentName];
    const signup = Date.UTC(2023, month, between(1, 28), between(8, 18));
    const risk = next(); // 0 = loyal, 1 = at risk
    const customer = {
      id: `c${String(++customerCount).padStart(4, '0')}`,
      name: `${pick(['Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Hooli', 'Vandelay', 'Soylent', 'Tyrell'])} ${pick(['Labs', 'Group', 'Systems', 'Works', 'Partners', 'Digital', 'Foods', 'Logistics'])} ${customerCount}`,
      segment: segmentName,
      currency: chance(0.15) ? 'EUR' : 'USD',
      interval: draw({ 0: 70, 1: 8, 2: 20, 3: 2 }) === 0 ? 'month' : pick(['quarter', 'year', 'year', 'week']),
      seats: between(1, 5),
      plan: ORDER[draw(Object.fromEntries(ORDER.map((plan, k) => [k, profile.plans[plan] ?? 0])))],
      risk,
      churnRate: profile.churn * (0.3 + 2.2 * risk),
      status: 'active',
      signup,
    };
    if (customer.interval === 'week' && customer.plan !== 'starter') customer.interval = 'month';
    if (chance(0.12)) customer.discountPercent = pick(['0.1', '0.2']);
    else if (chance(0.05)) customer.discountAmount = '10.00';
    customers.push(customer);
  }
}
assignSegments(customers);

// Each customer's life, month by month: a 14-day trial, then paid plans until the end of 2024.
for (const customer of customers) {
  const trialEnd = customer.signup + 14 * DAY;
  addSubscription(customer, customer.plan, customer.signup, Math.min(trialEnd, TO), { status: 'trialing' });
  if (trialEnd >= TO) {
    subscriptions.at(-1).end = '';
    continue;
  }
  if (chance(0.12 + 0.2 * customer.risk)) {
    customer.end = trialEnd; // did not convert
    continue;
  }
  customer.start = trialEnd;
  let planStart = trialEnd;
  let time = addMonths(trialEnd, 1);
  while (time < TO) {
    if (chance(customer.churnRate)) {
      addSubscription(customer, customer.plan, planStart, time);
      subscriptions.at(-1).churned = true;
      customer.end = time;
      // One in five comes back after a few months, on a monthly plan.
      const back = addMonths(time, between(2, 6));
      if (chance(0.2) && back < TO - 30 * DAY) {
        customer.returned = back;
        customer.interval = 'month';
        planStart = back;
        time = addMonths(back, 1);
        customer.end = undefined;
        continue;
      }
      planStart = undefined;
      break;
    }
    const index = ORDER.indexOf(customer.plan);
    const upgrade = index < 2 && chance(0.03 * (1.2 - customer.risk));
    const downgrade = !upgrade && index > 0 && chance(0.012 * (0.5 + customer.risk));
    if (upgrade || downgrade) {
      addSubscription(customer, customer.plan, planStart, time);
      customer.plan = ORDER[index + (upgrade ? 1 : -1)];
      planStart = time;
    } else if (customer.plan === 'growth' && chance(0.02)) {
      addSubscription(customer, customer.plan, planStart, time);
      customer.seats = Math.max(1, customer.seats + (chance(0.7) ? 1 : -1));
      planStart = time;
    }
    time = addMonths(time, 1);
  }
  if (planStart !== undefined) {
    if (chance(0.04 + 0.05 * customer.risk)) customer.status = 'past_due';
    addSubscription(customer, customer.plan, planStart, undefined);
  }
}

const paid = customers.filter((customer) => customer.start !== undefined);
const active = paid.filter((customer) => customer.end === undefined);
const activeAt = (customer, time) => customer.start <= time && (customer.end === undefined || time < customer.end);

// Time to first value: the first report built, a few days to weeks after sign-up; risky customers take
// longer, and some recent ones have not got there yet.
for (const customer of customers) {
  const delay = hours(24 * (3 + 10 * customer.risk), 0.6);
  const reached = customer.signup + delay * HOUR;
  if (reached < TO) customer.firstValueAt = reached;
}

const folder = new URL('./data/', import.meta.url);
mkdirSync(folder, { recursive: true });
const write = (name, text) => {
  writeFileSync(new URL(name, folder), text);
  console.log(`examples/data/${name}: ${text.split('\n').length - 2} rows`);
};

// The paying customers: a lifetime from the end of the trial to the final cancellation (a customer who came
// back keeps one lifetime, gap included). Trials that never converted are in subscriptions.csv only. The
// plan is the customer's current one: that of its latest subscription.
write(
  'customers.csv',
  csv(
    ['id', 'name', 'segment', 'currency', 'signedUpAt', 'start', 'end', 'firstValueAt', 'plan', 'region', 'channel'],
    paid.map((customer) => ({
      ...customer,
      signedUpAt: instant(customer.signup),
      start: day(customer.start),
      end: customer.end === undefined ? '' : day(customer.end),
      firstValueAt: customer.firstValueAt === undefined ? '' : instant(customer.firstValueAt),
    })),
  ),
);

// Invoices, failed payments and monthly exchange rates, drawn apart (billing.mjs): the lives above stay as
// they are, and a subscription's status changes split its record in spans that keep its id.
const billed = billing(customers, subscriptions);
write('subscriptions.csv', csv(SUBSCRIPTION_COLUMNS, billed.subscriptions));
write('invoices.csv', csv(INVOICE_COLUMNS, billed.invoices));
write('exchange-rates.csv', csv(['currency', 'from', 'rate'], billed.rates));

writeFileSync(
  new URL('exchange-rates.json', folder),
  `${JSON.stringify({ currency: 'USD', exchangeRates: { EUR: '1.0870' } }, null, 2)}\n`,
);
console.log('examples/data/exchange-rates.json: USD, with the EUR rate');

// Survey answers: NPS in Q1 and Q2 2024 (the second a little better), CSAT on 1–5, CES 2.0 on 1–7.
const responses = [];
const survey = (name, weights, count, from, to, shift = 0) => {
  const pool = paid.filter((customer) => activeAt(customer, from));
  for (let i = 0; i < count; i++) {
    const customer = pick(pool);
    const time = from + next() * (to - from);
    // Riskier customers answer lower.
    const base = draw(weights);
    const score = Math.max(
      0,
      Math.min(Number(Object.keys(weights).at(-1)), base - Math.round((customer.risk - 0.5) * 2) + shift),
    );
    responses.push({
      survey: name,
      respondent: customer.id,
      answeredAt: day(time),
      score: Math.max(Number(Object.keys(weights)[0]), score),
      ...segmentColumns(customer),
    });
  }
};
const nps = { 0: 2, 1: 1, 2: 2, 3: 3, 4: 3, 5: 6, 6: 8, 7: 14, 8: 20, 9: 22, 10: 19 };
survey('nps', nps, 412, Date.UTC(2024, 0, 1), Date.UTC(2024, 3, 1));
survey('nps', nps, 455, Date.UTC(2024, 3, 1), Date.UTC(2024, 6, 1), 1);
survey('csat', { 1: 4, 2: 6, 3: 14, 4: 38, 5: 38 }, 380, Date.UTC(2024, 3, 1), Date.UTC(2024, 6, 1));
survey('ces', { 1: 3, 2: 4, 3: 7, 4: 12, 5: 22, 6: 30, 7: 22 }, 240, Date.UTC(2024, 3, 1), Date.UTC(2024, 6, 1));
responses.sort((a, b) => a.answeredAt.localeCompare(b.answeredAt) || a.respondent.localeCompare(b.respondent));
// The topics of each NPS answer's comment (as a person or a text model tags them), `;`-separated, from a
// stream of their own so that every other column stays as it was. Detractors mostly write about pricing and
// reliability, promoters about support and features; many answers leave no comment.
const topicStream = stream(20241207);
const TOPIC_WEIGHTS = {
  detractor: { pricing: 5, reliability: 4, support: 2, onboarding: 2, features: 1 },
  passive: { pricing: 2, features: 3, onboarding: 2, support: 2, reliability: 1 },
  promoter: { support: 4, features: 4, onboarding: 2, reliability: 1, pricing: 1 },
};
const drawTopic = (weights) => {
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  let roll = topicStream.next() * total;
  for (const [topic, weight] of Object.entries(weights)) {
    roll -= weight;
    if (roll < 0) return topic;
  }
  return Object.keys(weights).at(-1);
};
for (const response of responses) {
  if (response.survey !== 'nps') continue;
  const group = response.score >= 9 ? 'promoter' : response.score >= 7 ? 'passive' : 'detractor';
  const mentions = topicStream.chance(0.3) ? 0 : topicStream.chance(0.7) ? 1 : 2;
  const topics = new Set();
  for (let k = 0; k < mentions; k++) topics.add(drawTopic(TOPIC_WEIGHTS[group]));
  response.topics = [...topics].join(';');
}
write(
  'survey-responses.csv',
  csv(['survey', 'respondent', 'answeredAt', 'score', 'region', 'channel', 'topics'], responses),
);

// Support tickets over 2024: most answered within hours, resolved within a day or two; the latest still
// open, a few still waiting for a first answer; contacts is how many exchanges it took.
const tickets = [];
for (let i = 0; i < 2400; i++) {
  const createdAt = Date.UTC(2024, 0, 1) + next() * (TO - Date.UTC(2024, 0, 1)) - 12 * HOUR;
  const customer = pick(paid.filter((c) => activeAt(c, createdAt)));
  const response = createdAt + hours(2.5, 0.9) * HOUR;
  const resolution = response + hours(18, 1.0) * HOUR;
  const answered = response < TO - 2 * HOUR && !chance(0.01);
  const resolved = answered && resolution < TO - 6 * HOUR && !chance(0.02);
  tickets.push({
    id: `t${String(i + 1).padStart(5, '0')}`,
    customerId: customer?.id ?? '',
    createdAt: instant(createdAt),
    firstResponseAt: answered ? instant(Math.max(response, createdAt + 60_000)) : '',
    resolvedAt: resolved ? instant(Math.max(resolution, response + 60_000)) : '',
    contacts: resolved ? draw({ 1: 62, 2: 25, 3: 9, 4: 4 }) : '',
    ...segmentColumns(customer),
  });
}
tickets.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
write(
  'tickets.csv',
  csv(['id', 'customerId', 'createdAt', 'firstResponseAt', 'resolvedAt', 'contacts', 'region', 'channel'], tickets),
);

// Product usage over the last 45 days of 2024: each user of an active customer is active on a day with a
// probability that falls with the customer's risk; a share of users also use the reports feature.
const events = [];
const sessions = [];
const EVENTS_FROM = Date.UTC(2024, 10, 17);
let userCount = 0;
for (const customer of active) {
  const users = Math.max(1, Math.round(customer.seats * (customer.segment === 'Enterprise' ? 3 : 1.5)));
  for (let u = 0; u < users; u++) {
    const userId = `u${String(++userCount).padStart(5, '0')}`;
    const daily = 0.15 + 0.6 * (1 - customer.risk) * next();
    const usesReports = chance(0.55 - 0.3 * customer.risk);
    for (let d = EVENTS_FROM; d < TO; d += DAY) {
      if (!chance(daily)) continue;
      const start = d + between(7, 19) * HOUR + between(0, 59) * 60_000;
      const length = Math.max(1, Math.round(hours(0.4, 0.7) * 60)) * 60_000;
      events.push({
        userId,
        customerId: customer.id,
        at: instant(start),
        feature: usesReports && chance(0.4) ? 'reports' : 'dashboard',
      });
      if (chance(0.25)) sessions.push({ userId, start: instant(start), end: instant(start + length) });
    }
  }
}
events.sort((a, b) => a.at.localeCompare(b.at) || a.userId.localeCompare(b.userId));
sessions.sort((a, b) => a.start.localeCompare(b.start) || a.userId.localeCompare(b.userId));
write('events.csv', csv(['userId', 'customerId', 'at', 'feature'], events));
write('sessions.csv', csv(['userId', 'start', 'end'], sessions));

// Health measures of the customers active on 2024-09-30, and whether they churned in the next quarter.
const SNAPSHOT = Date.UTC(2024, 8, 30);
const accounts = paid
  .filter((customer) => activeAt(customer, SNAPSHOT))
  .map((customer) => {
    const noise = () => (next() - 0.5) * 0.5;
    const health = Math.min(1, Math.max(0, 1 - customer.risk + noise()));
    const npsAnswer = responses.findLast((r) => r.survey === 'nps' && r.respondent === customer.id);
    return {
      customerId: customer.id,
      segment: customer.segment,
      weeklyActiveShare: (0.1 + 0.85 * health).toFixed(2),
      seatUtilization: Math.min(1, 0.3 + 0.7 * health + noise() / 2).toFixed(2),
      daysSinceLastLogin: Math.max(0, Math.round(30 * (1 - health) ** 2 + noise() * 4)),
      openTickets: Math.max(0, Math.round(4 * (1 - health) + noise() * 3)),
      nps: npsAnswer === undefined || chance(0.3) ? '' : npsAnswer.score,
      executiveSponsor: chance(0.2 + 0.6 * health) ? 'true' : 'false',
      churned:
        customer.end !== undefined && customer.end > SNAPSHOT && customer.end <= Date.UTC(2024, 11, 31)
          ? 'true'
          : 'false',
      ...segmentColumns(customer),
    };
  });
write(
  'accounts.csv',
  csv(
    [
      'customerId',
      'segment',
      'weeklyActiveShare',
      'seatUtilization',
      'daysSinceLastLogin',
      'openTickets',
      'nps',
      'executiveSponsor',
      'churned',
      'region',
      'channel',
    ],
    accounts,
  ),
);

writeFileSync(
  new URL('scorecard.json', folder),
  `${JSON.stringify(
    {
      measures: {
        weeklyActiveShare: { weight: 30, scale: { kind: 'linear', worst: 0.1, best: 0.8 } },
        seatUtilization: { weight: 15, scale: { kind: 'linear', worst: 0.3, best: 0.9 } },
        daysSinceLastLogin: { weight: 20, scale: { kind: 'linear', worst: 30, best: 1 } },
        openTickets: {
          weight: 10,
          scale: {
            kind: 'steps',
            steps: [
              { from: 0, score: 100 },
              { from: 2, score: 60 },
              { from: 4, score: 20 },
            ],
          },
        },
        nps: { weight: 15, scale: { kind: 'linear', worst: 0, best: 10 } },
        executiveSponsor: { weight: 10, scale: { kind: 'boolean' } },
      },
      bands: { red: 50, yellow: 75 },
      missing: 'skip',
    },
    null,
    2,
  )}\n`,
);
console.log('examples/data/scorecard.json: the health scorecard');

// One-off add-on orders of the paying customers, bought without a contract (purchases.mjs): the
// transactions of the purchase models, drawn last from a stream of their own.
write('transactions.csv', csv(PURCHASE_COLUMNS, purchases(customers, TO)));
