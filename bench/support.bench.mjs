// Support and engagement: supportResponseTimes over 1 000 000 tickets and stickiness over 10 000 000
// events, each against (a) a hand-written unchecked loop over the same data, one function per shape of data
// (Date.parse for ISO strings, Float64Array sorts for the percentiles, a Set of users per day for
// stickiness) and (b) the naive way: a
// zod parse of the whole array, then decimal.js per element (measured on a sample, scaled up linearly).
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { compare, goal, library, once, onSample, random, scaled, slower } from './harness.mjs';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

/** Linear interpolation between closest ranks on a sorted array. */
function percentileOfSorted(sorted, p) {
  const h = (sorted.length - 1) * p;
  const l = Math.floor(h);
  return l + 1 < sorted.length ? sorted[l] + (h - l) * (sorted[l + 1] - sorted[l]) : sorted[l];
}

function summary(durations, count, unitMs) {
  if (count === 0) return { count, mean: null, median: null, p90: null };
  const sorted = durations.subarray(0, count).sort();
  let total = 0;
  for (let i = 0; i < count; i++) total += sorted[i];
  return {
    count,
    mean: total / count / unitMs,
    median: percentileOfSorted(sorted, 0.5) / unitMs,
    p90: percentileOfSorted(sorted, 0.9) / unitMs,
  };
}

/** The hand-written loop over epoch milliseconds: read the three dates, subtract, sort, interpolate. */
function handTicketsEpoch(tickets) {
  const n = tickets.length;
  const responses = new Float64Array(n);
  const resolutions = new Float64Array(n);
  let responded = 0;
  let resolved = 0;
  for (let i = 0; i < n; i++) {
    const ticket = tickets[i];
    const created = ticket.createdAt;
    if (ticket.firstResponseAt != null) responses[responded++] = ticket.firstResponseAt - created;
    if (ticket.resolvedAt != null) resolutions[resolved++] = ticket.resolvedAt - created;
  }
  return {
    firstResponse: summary(responses, responded, HOUR),
    resolution: summary(resolutions, resolved, HOUR),
    unresolved: n - resolved,
  };
}

/** The same over ISO strings, with `Date.parse`. */
function handTicketsIso(tickets) {
  const n = tickets.length;
  const responses = new Float64Array(n);
  const resolutions = new Float64Array(n);
  let responded = 0;
  let resolved = 0;
  for (let i = 0; i < n; i++) {
    const ticket = tickets[i];
    const created = Date.parse(ticket.createdAt);
    if (ticket.firstResponseAt != null) responses[responded++] = Date.parse(ticket.firstResponseAt) - created;
    if (ticket.resolvedAt != null) resolutions[resolved++] = Date.parse(ticket.resolvedAt) - created;
  }
  return {
    firstResponse: summary(responses, responded, HOUR),
    resolution: summary(resolutions, resolved, HOUR),
    unresolved: n - resolved,
  };
}

const naiveTicketSchema = z.array(
  z.object({
    createdAt: z.coerce.date(),
    firstResponseAt: z.coerce.date().optional(),
    resolvedAt: z.coerce.date().optional(),
  }),
);

function naiveSummary(durations) {
  if (durations.length === 0) return { count: 0, mean: null, median: null, p90: null };
  const sorted = durations.sort((a, b) => a.comparedTo(b));
  const total = sorted.reduce((sum, d) => sum.plus(d), new Decimal(0));
  const at = (p) => {
    const h = (sorted.length - 1) * p;
    const l = Math.floor(h);
    if (l + 1 >= sorted.length) return sorted[l];
    return sorted[l].plus(sorted[l + 1].minus(sorted[l]).times(h - l));
  };
  return {
    count: sorted.length,
    mean: total.div(sorted.length).div(HOUR).toNumber(),
    median: at(0.5).div(HOUR).toNumber(),
    p90: at(0.9).div(HOUR).toNumber(),
  };
}

function naiveTickets(tickets) {
  const parsed = naiveTicketSchema.parse(tickets);
  const responses = [];
  const resolutions = [];
  for (const ticket of parsed) {
    const created = new Decimal(ticket.createdAt.getTime());
    if (ticket.firstResponseAt) responses.push(new Decimal(ticket.firstResponseAt.getTime()).minus(created));
    if (ticket.resolvedAt) resolutions.push(new Decimal(ticket.resolvedAt.getTime()).minus(created));
  }
  return { firstResponse: naiveSummary(responses), resolution: naiveSummary(resolutions) };
}

function makeTickets(size, next) {
  const tickets = new Array(size);
  for (let i = 0; i < size; i++) {
    const createdAt = START + Math.floor(next() * 90 * DAY);
    const ticket = { createdAt };
    if (next() < 0.85) ticket.firstResponseAt = createdAt + Math.floor(-Math.log(1 - next()) * 4 * HOUR);
    if (next() < 0.7) ticket.resolvedAt = createdAt + Math.floor(-Math.log(1 - next()) * 2 * DAY);
    tickets[i] = ticket;
  }
  return tickets;
}

function asStrings(tickets) {
  return tickets.map((ticket) => {
    const out = { createdAt: new Date(ticket.createdAt).toISOString() };
    if (ticket.firstResponseAt !== undefined) out.firstResponseAt = new Date(ticket.firstResponseAt).toISOString();
    if (ticket.resolvedAt !== undefined) out.resolvedAt = new Date(ticket.resolvedAt).toISOString();
    return out;
  });
}

/** The hand-written stickiness loop: a Set of the users of each day, and one of the window (number ids). */
function handStickinessNumbers(events, asOfDay, windowDays) {
  const first = asOfDay - windowDays + 1;
  const perDay = new Map();
  const everyone = new Set();
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const day = Math.floor(event.at / DAY);
    if (day < first || day > asOfDay) continue;
    let users = perDay.get(day);
    if (users === undefined) {
      users = new Set();
      perDay.set(day, users);
    }
    users.add(event.userId);
    everyone.add(event.userId);
  }
  let userDays = 0;
  for (const users of perDay.values()) userDays += users.size;
  return userDays / windowDays / everyone.size;
}

/** The same for string ids. */
function handStickinessStrings(events, asOfDay, windowDays) {
  const first = asOfDay - windowDays + 1;
  const perDay = new Map();
  const everyone = new Set();
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const day = Math.floor(event.at / DAY);
    if (day < first || day > asOfDay) continue;
    let users = perDay.get(day);
    if (users === undefined) {
      users = new Set();
      perDay.set(day, users);
    }
    users.add(event.userId);
    everyone.add(event.userId);
  }
  let userDays = 0;
  for (const users of perDay.values()) userDays += users.size;
  return userDays / windowDays / everyone.size;
}

/** The same for string ids and ISO strings, with `Date.parse`. */
function handStickinessIso(events, asOfDay, windowDays) {
  const first = asOfDay - windowDays + 1;
  const perDay = new Map();
  const everyone = new Set();
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    const day = Math.floor(Date.parse(event.at) / DAY);
    if (day < first || day > asOfDay) continue;
    let users = perDay.get(day);
    if (users === undefined) {
      users = new Set();
      perDay.set(day, users);
    }
    users.add(event.userId);
    everyone.add(event.userId);
  }
  let userDays = 0;
  for (const users of perDay.values()) userDays += users.size;
  return userDays / windowDays / everyone.size;
}

const naiveEventSchema = z.array(z.object({ userId: z.union([z.string().min(1), z.number()]), at: z.coerce.date() }));

function naiveStickiness(events, asOfDay, windowDays) {
  const parsed = naiveEventSchema.parse(events);
  const stamped = parsed.map((event) => ({ userId: event.userId, at: event.at.getTime() }));
  const first = asOfDay - windowDays + 1;
  const perDay = new Map();
  const everyone = new Set();
  for (const event of stamped) {
    const day = new Decimal(event.at).div(DAY).floor().toNumber();
    if (day < first || day > asOfDay) continue;
    if (!perDay.has(day)) perDay.set(day, new Set());
    perDay.get(day).add(event.userId);
    everyone.add(event.userId);
  }
  let userDays = new Decimal(0);
  for (const users of perDay.values()) userDays = userDays.plus(users.size);
  return userDays.div(windowDays).div(everyone.size).toNumber();
}

/** Events of `users` users over 45 days, busier users more often (a skewed, realistic mix). */
function makeEvents(size, users, next, idOf) {
  const events = new Array(size);
  for (let i = 0; i < size; i++) {
    const user = Math.floor(users * next() ** 2);
    events[i] = { userId: idOf(user), at: START + Math.floor(next() * 45 * DAY) };
  }
  return events;
}

function same(a, b, what) {
  const close = (x, y) => (x === null ? y === null : Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y)));
  const ok =
    close(a.firstResponse.mean, b.firstResponse.mean) &&
    close(a.firstResponse.median, b.firstResponse.median) &&
    close(a.firstResponse.p90, b.firstResponse.p90) &&
    close(a.resolution.mean, b.resolution.mean) &&
    close(a.resolution.median, b.resolution.median) &&
    close(a.resolution.p90, b.resolution.p90);
  if (!ok) throw new Error(`${what}: approaches disagree`);
}

export async function run() {
  const { supportResponseTimes, stickiness } = await library();
  const report = (ratios) => {
    if (ratios === undefined) return;
    goal(ratios, 'hand-written loop', 3);
    slower(ratios, 'naive (zod + decimal.js)');
  };

  // supportResponseTimes, 1 000 000 tickets.
  const ticketCount = scaled(1_000_000);
  const numericTickets = once(() => makeTickets(ticketCount, random(11)));
  const isoTickets = once(() => asStrings(numericTickets()));
  const naiveTicketCount = Math.min(ticketCount, scaled(100_000));
  const ticketFactor = ticketCount / naiveTicketCount;
  console.log(
    `${ticketCount.toLocaleString('en')} tickets (85 % answered, 70 % resolved); the naive baseline runs on ` +
      `${naiveTicketCount.toLocaleString('en')} and is scaled up linearly`,
  );
  const numericSample = once(() => numericTickets().slice(0, naiveTicketCount));
  const isoSample = once(() => isoTickets().slice(0, naiveTicketCount));
  report(
    compare('supportResponseTimes, epoch milliseconds', {
      check: () => {
        same(supportResponseTimes({ tickets: numericTickets() }), handTicketsEpoch(numericTickets()), 'epoch');
        const sample = numericTickets().slice(0, 1000);
        same(naiveTickets(sample), handTicketsEpoch(sample), 'naive');
      },
      ours: () => supportResponseTimes({ tickets: numericTickets() }),
      baselines: {
        'hand-written loop': () => handTicketsEpoch(numericTickets()),
        'naive (zod + decimal.js)': onSample(() => naiveTickets(numericSample()), ticketFactor),
      },
    }),
  );
  report(
    compare('supportResponseTimes, ISO strings', {
      check: () => same(supportResponseTimes({ tickets: isoTickets() }), handTicketsIso(isoTickets()), 'ISO'),
      ours: () => supportResponseTimes({ tickets: isoTickets() }),
      baselines: {
        'hand-written loop': () => handTicketsIso(isoTickets()),
        'naive (zod + decimal.js)': onSample(() => naiveTickets(isoSample()), ticketFactor),
      },
    }),
  );

  // The same tickets, each with one of 20 channels; the baseline is the unsegmented call on them.
  const channelled = once(() => {
    const next = random(12);
    return numericTickets().map((ticket) => ({ ...ticket, attributes: { channel: `ch-${Math.floor(next() * 20)}` } }));
  });
  const segmented = compare('supportResponseTimes, 20 segments (segmentBy: attribute)', {
    ours: () => supportResponseTimes({ tickets: channelled() }, { segmentBy: 'channel' }),
    baselines: { 'unsegmented call': () => supportResponseTimes({ tickets: channelled() }) },
  });
  if (segmented !== undefined) goal(segmented, 'unsegmented call', 2);

  // stickiness, 10 000 000 events.
  const eventCount = scaled(10_000_000);
  const userCount = Math.max(100, Math.round(eventCount / 50));
  const asOf = START + 44 * DAY;
  const asOfDay = Math.floor(asOf / DAY);
  const naiveEventCount = Math.min(eventCount, scaled(500_000));
  const isoEventCount = Math.min(eventCount, scaled(2_000_000));
  console.log(
    `\n${eventCount.toLocaleString('en')} events of ${userCount.toLocaleString('en')} users over 45 days, ` +
      `a 30-day window; the naive baseline runs on ${naiveEventCount.toLocaleString('en')} and is scaled up linearly`,
  );
  const stringIds = once(() => Array.from({ length: userCount }, (_, i) => `user-${i}`));
  const numericEvents = once(() => makeEvents(eventCount, userCount, random(12), (user) => user));
  const stringEvents = once(() => makeEvents(eventCount, userCount, random(12), (user) => stringIds()[user]));
  const isoEvents = once(() =>
    makeEvents(isoEventCount, userCount, random(13), (user) => stringIds()[user]).map((event) => ({
      userId: event.userId,
      at: new Date(event.at).toISOString(),
    })),
  );
  const ours = (events) => stickiness({ events }, { asOf, windowDays: 30 });
  const groups = [
    {
      title: 'stickiness, number ids, epoch milliseconds',
      events: numericEvents,
      hand: () => handStickinessNumbers(numericEvents(), asOfDay, 30),
      size: eventCount,
    },
    {
      title: 'stickiness, string ids, epoch milliseconds',
      events: stringEvents,
      hand: () => handStickinessStrings(stringEvents(), asOfDay, 30),
      size: eventCount,
    },
    {
      title: `stickiness, string ids, ISO strings (${isoEventCount.toLocaleString('en')} events)`,
      events: isoEvents,
      hand: () => handStickinessIso(isoEvents(), asOfDay, 30),
      size: isoEventCount,
    },
  ];
  for (const group of groups) {
    const sampleSize = Math.min(group.size, naiveEventCount);
    const sample = once(() => group.events().slice(0, sampleSize));
    report(
      compare(group.title, {
        check: () => {
          const [mine, hand] = [ours(group.events()), group.hand()];
          if (Math.abs(mine - hand) > 1e-12) throw new Error(`stickiness approaches disagree: ${mine} ${hand}`);
        },
        ours: () => ours(group.events()),
        baselines: {
          'hand-written loop': group.hand,
          'naive (zod + decimal.js)': onSample(() => naiveStickiness(sample(), asOfDay, 30), group.size / sampleSize),
        },
        rounds: 3,
        repeat: 1,
      }),
    );
  }
}
