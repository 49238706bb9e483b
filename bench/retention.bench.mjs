// Retention and cohorts: customerChurn and cohortRetention over 1 000 000 customer lifetimes spanning 36
// months, with dates as ISO strings and as epoch milliseconds, against (a) a hand-written unchecked loop over
// the same data, one function per shape of dates (Date.parse for ISO strings, Date's UTC getters for months, no checks at all, not even for
// repeated ids; for epoch cohorts also a faster loop with a month-of-day table) and (b) the naive way: a zod
// parse of the whole array, a Set of ids, then the same counting (measured on a sample, scaled up linearly).
// Ids are strings like Stripe's (`cus_…`), ten or eleven characters.
import { Decimal } from 'decimal.js';
import * as z from 'zod';
import { compare, goal, library, once, onSample, random, scaled, slower } from './harness.mjs';

const DAY = 86_400_000;
const FIRST = Date.UTC(2022, 0, 1);
const AS_OF = Date.UTC(2025, 0, 1);
const PERIOD = { from: Date.UTC(2024, 5, 1), to: Date.UTC(2024, 6, 1) };

/** Lifetimes starting uniformly over 36 months; 60 % have ended (after about a year on average) by AS_OF. */
function makeCustomers(size, next) {
  const customers = new Array(size);
  for (let i = 0; i < size; i++) {
    const start = FIRST + Math.floor((next() * (AS_OF - FIRST)) / 1000) * 1000;
    const id = `cus_${(i * 7919 + 104_729).toString(36)}`;
    const end = start + Math.floor((-Math.log(1 - next()) * 365 * DAY) / 1000) * 1000;
    customers[i] = end < AS_OF && next() < 0.85 ? { id, start, end } : { id, start };
  }
  return customers;
}

function asStrings(customers) {
  return customers.map((customer) => {
    const out = { id: customer.id, start: new Date(customer.start).toISOString() };
    if (customer.end !== undefined) out.end = new Date(customer.end).toISOString();
    return out;
  });
}

/**
 * The hand-written churn loop: read two dates, compare, count. Written twice, for epoch milliseconds and for
 * ISO strings (`Date.parse`), so that neither pays for a call through a function parameter.
 */
function handChurnEpoch(customers, from, to) {
  let atStart = 0;
  let lostOfStart = 0;
  let newCustomers = 0;
  let lostOfNew = 0;
  for (let i = 0; i < customers.length; i++) {
    const customer = customers[i];
    const start = customer.start;
    const end = customer.end == null ? Number.POSITIVE_INFINITY : customer.end;
    if (start < from) {
      if (end > from) {
        atStart++;
        if (end <= to) lostOfStart++;
      }
    } else if (start < to && end > start) {
      newCustomers++;
      if (end <= to) lostOfNew++;
    }
  }
  return { atStart, lost: lostOfStart + lostOfNew, newCustomers, churnRate: (lostOfStart + lostOfNew) / atStart };
}

function handChurnIso(customers, from, to) {
  let atStart = 0;
  let lostOfStart = 0;
  let newCustomers = 0;
  let lostOfNew = 0;
  for (let i = 0; i < customers.length; i++) {
    const customer = customers[i];
    const start = Date.parse(customer.start);
    const end = customer.end == null ? Number.POSITIVE_INFINITY : Date.parse(customer.end);
    if (start < from) {
      if (end > from) {
        atStart++;
        if (end <= to) lostOfStart++;
      }
    } else if (start < to && end > start) {
      newCustomers++;
      if (end <= to) lostOfNew++;
    }
  }
  return { atStart, lost: lostOfStart + lostOfNew, newCustomers, churnRate: (lostOfStart + lostOfNew) / atStart };
}

const monthOf = (time) => {
  const date = new Date(time);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
};

/** Active counts per cohort from the sizes and the histogram of periods stayed. */
function cohortRows(sizes, stayed, first, last, width) {
  const cohorts = [];
  for (let slot = 0; slot < width; slot++) {
    if (sizes[slot] === 0) continue;
    const reached = last - (first + slot);
    const active = new Array(reached);
    let still = 0;
    for (let k = reached - 1; k >= 0; k--) {
      still += stayed[slot * width + k + 1];
      active[k] = still;
    }
    cohorts.push({ size: sizes[slot], active, retention: active.map((n) => n / sizes[slot]) });
  }
  return cohorts;
}

/**
 * The hand-written cohort loop: month of the start and of the last instant before the end (Date's UTC
 * getters), a table of counts. Again once for epoch milliseconds and once for ISO strings.
 */
function handCohortsEpoch(customers, asOf) {
  const first = monthOf(FIRST);
  const last = monthOf(asOf);
  const width = last - first + 1;
  const sizes = new Float64Array(width);
  const stayed = new Float64Array(width * width);
  for (let i = 0; i < customers.length; i++) {
    const customer = customers[i];
    const start = customer.start;
    if (start > asOf) continue;
    const cohort = monthOf(start);
    const reached = last - cohort;
    const periods = customer.end == null ? reached : Math.min(reached, monthOf(customer.end - 1) - cohort);
    sizes[cohort - first]++;
    stayed[(cohort - first) * width + periods]++;
  }
  return cohortRows(sizes, stayed, first, last, width);
}

/**
 * A faster hand-written cohort loop for epoch milliseconds: the month of each day from FIRST to asOf looked up
 * in a table built once, no Date objects per record.
 */
function handCohortsTable(customers, asOf) {
  const first = monthOf(FIRST);
  const last = monthOf(asOf);
  const width = last - first + 1;
  const firstDay = FIRST / DAY;
  const lastDay = Math.floor(asOf / DAY);
  const monthOfDay = new Int32Array(lastDay - firstDay + 1);
  for (let day = firstDay; day <= lastDay; day++) monthOfDay[day - firstDay] = monthOf(day * DAY) - first;
  const sizes = new Float64Array(width);
  const stayed = new Float64Array(width * width);
  for (let i = 0; i < customers.length; i++) {
    const customer = customers[i];
    const start = customer.start;
    if (start > asOf) continue;
    const cohort = monthOfDay[Math.floor(start / DAY) - firstDay];
    const reached = width - 1 - cohort;
    let periods = reached;
    if (customer.end != null) {
      const day = Math.floor((customer.end - 1) / DAY);
      if (day <= lastDay) periods = Math.min(reached, monthOfDay[day - firstDay] - cohort);
    }
    sizes[cohort]++;
    stayed[cohort * width + periods]++;
  }
  return cohortRows(sizes, stayed, first, last, width);
}

function handCohortsIso(customers, asOf) {
  const first = monthOf(FIRST);
  const last = monthOf(asOf);
  const width = last - first + 1;
  const sizes = new Float64Array(width);
  const stayed = new Float64Array(width * width);
  for (let i = 0; i < customers.length; i++) {
    const customer = customers[i];
    const start = Date.parse(customer.start);
    if (start > asOf) continue;
    const cohort = monthOf(start);
    const reached = last - cohort;
    const periods = customer.end == null ? reached : Math.min(reached, monthOf(Date.parse(customer.end) - 1) - cohort);
    sizes[cohort - first]++;
    stayed[(cohort - first) * width + periods]++;
  }
  return cohortRows(sizes, stayed, first, last, width);
}

const naiveSchema = z.array(
  z.strictObject({
    id: z.union([z.string().min(1), z.number().int()]),
    start: z.coerce.date(),
    end: z.coerce.date().nullish(),
  }),
);

/** The naive way: parse everything with zod, check ids with a Set, count, divide with decimal.js. */
function naiveChurn(customers, from, to) {
  const parsed = naiveSchema.parse(customers);
  const ids = new Set();
  for (const customer of parsed) {
    if (ids.has(customer.id)) throw new Error(`repeated id ${customer.id}`);
    ids.add(customer.id);
  }
  let atStart = 0;
  let lost = 0;
  for (const customer of parsed) {
    const start = customer.start.getTime();
    const end = customer.end ? customer.end.getTime() : Number.POSITIVE_INFINITY;
    if (start < from && end > from) {
      atStart++;
      if (end <= to) lost++;
    } else if (start >= from && start < to && end > start && end <= to) lost++;
  }
  return new Decimal(lost).div(atStart).toNumber();
}

function naiveCohorts(customers, asOf) {
  const parsed = naiveSchema.parse(customers);
  const ids = new Set();
  for (const customer of parsed) {
    if (ids.has(customer.id)) throw new Error(`repeated id ${customer.id}`);
    ids.add(customer.id);
  }
  const last = monthOf(asOf);
  const cohorts = new Map();
  for (const customer of parsed) {
    const start = customer.start.getTime();
    if (start > asOf) continue;
    const cohort = monthOf(start);
    const reached = last - cohort;
    const periods = customer.end ? Math.min(reached, monthOf(customer.end.getTime() - 1) - cohort) : reached;
    let row = cohorts.get(cohort);
    if (row === undefined) {
      row = { size: 0, stayed: new Array(reached + 1).fill(0) };
      cohorts.set(cohort, row);
    }
    row.size++;
    row.stayed[periods]++;
  }
  return [...cohorts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => {
      const active = [];
      let still = 0;
      for (let k = row.stayed.length - 2; k >= 0; k--) {
        still += row.stayed[k + 1];
        active[k] = new Decimal(still).div(row.size).toNumber();
      }
      return active;
    });
}

function sameChurn(ours, hand, what) {
  const ok =
    ours.customersAtStart === hand.atStart &&
    ours.customersLost === hand.lost &&
    ours.newCustomers === hand.newCustomers &&
    ours.churnRate === hand.churnRate;
  if (!ok) throw new Error(`${what}: customerChurn approaches disagree`);
}

function sameCohorts(ours, hand, what) {
  const ok =
    ours.cohorts.length === hand.length &&
    ours.cohorts.every(
      (row, i) =>
        row.size === hand[i].size &&
        row.active.length === hand[i].active.length &&
        row.active.every((n, k) => n === hand[i].active[k] && row.retention[k] === hand[i].retention[k]),
    );
  if (!ok) throw new Error(`${what}: cohortRetention approaches disagree`);
}

/** The naive approaches agree with the hand-written ones on the first thousand lifetimes. */
function sameNaive(customers) {
  const sample = customers.slice(0, 1000);
  const naive = naiveCohorts(sample, AS_OF);
  const hand = handCohortsEpoch(sample, AS_OF);
  if (
    naive.length !== hand.length ||
    !naive.every((row, i) => row.every((rate, k) => rate === hand[i].retention[k])) ||
    naiveChurn(sample, PERIOD.from, PERIOD.to) !== handChurnEpoch(sample, PERIOD.from, PERIOD.to).churnRate
  ) {
    throw new Error('naive approaches disagree');
  }
}

export async function run() {
  const { customerChurn, cohortRetention } = await library();
  const size = scaled(1_000_000);
  const naiveSize = Math.min(size, scaled(100_000));
  const factor = size / naiveSize;
  const numeric = once(() => makeCustomers(size, random(21)));
  const iso = once(() => asStrings(numeric()));
  const numericSample = once(() => numeric().slice(0, naiveSize));
  const isoSample = once(() => iso().slice(0, naiveSize));
  console.log(
    `${size.toLocaleString('en')} customer lifetimes (string ids) starting over 36 months, about 58 % ended; ` +
      `the naive baseline runs on ${naiveSize.toLocaleString('en')} and is scaled up linearly`,
  );

  const report = (ratios) => {
    if (ratios === undefined) return;
    goal(ratios, 'hand-written loop', 2);
    slower(ratios, 'naive (zod parse)');
  };
  report(
    compare('customerChurn, epoch milliseconds', {
      check: () => {
        sameChurn(
          customerChurn({ customers: numeric(), period: PERIOD }),
          handChurnEpoch(numeric(), PERIOD.from, PERIOD.to),
          'epoch',
        );
        sameNaive(numeric());
      },
      ours: () => customerChurn({ customers: numeric(), period: PERIOD }),
      baselines: {
        'hand-written loop': () => handChurnEpoch(numeric(), PERIOD.from, PERIOD.to),
        'naive (zod parse)': onSample(() => naiveChurn(numericSample(), PERIOD.from, PERIOD.to), factor),
      },
    }),
  );
  report(
    compare('customerChurn, ISO strings', {
      check: () =>
        sameChurn(
          customerChurn({ customers: iso(), period: PERIOD }),
          handChurnIso(iso(), PERIOD.from, PERIOD.to),
          'ISO',
        ),
      ours: () => customerChurn({ customers: iso(), period: PERIOD }),
      baselines: {
        'hand-written loop': () => handChurnIso(iso(), PERIOD.from, PERIOD.to),
        'naive (zod parse)': onSample(() => naiveChurn(isoSample(), PERIOD.from, PERIOD.to), factor),
      },
    }),
  );
  const cohorts = compare('cohortRetention (monthly), epoch milliseconds', {
    check: () => {
      const ours = cohortRetention({ customers: numeric() }, { asOf: AS_OF });
      sameCohorts(ours, handCohortsEpoch(numeric(), AS_OF), 'epoch');
      sameCohorts(ours, handCohortsTable(numeric(), AS_OF), 'table');
    },
    ours: () => cohortRetention({ customers: numeric() }, { asOf: AS_OF }),
    baselines: {
      'hand-written loop': () => handCohortsEpoch(numeric(), AS_OF),
      'hand-written, day table': () => handCohortsTable(numeric(), AS_OF),
      'naive (zod parse)': onSample(() => naiveCohorts(numericSample(), AS_OF), factor),
    },
  });
  report(cohorts);
  if (cohorts !== undefined)
    console.log(`  (ours ÷ the day-table loop: ${cohorts['hand-written, day table'].toFixed(2)})`);
  report(
    compare('cohortRetention (monthly), ISO strings', {
      check: () =>
        sameCohorts(cohortRetention({ customers: iso() }, { asOf: AS_OF }), handCohortsIso(iso(), AS_OF), 'ISO'),
      ours: () => cohortRetention({ customers: iso() }, { asOf: AS_OF }),
      baselines: {
        'hand-written loop': () => handCohortsIso(iso(), AS_OF),
        'naive (zod parse)': onSample(() => naiveCohorts(isoSample(), AS_OF), factor),
      },
    }),
  );

  // Segments: the same customers, each with one of 20 plans; the baseline is the unsegmented call on them.
  const planned = once(() => withPlans(numeric(), random(22)));
  const segmentedGoal = (ratios) => ratios !== undefined && goal(ratios, 'unsegmented call', 2);
  segmentedGoal(
    compare('customerChurn, 20 segments (segmentBy: attribute)', {
      check: () => {
        const { total } = customerChurn({ customers: planned(), period: PERIOD }, { segmentBy: 'plan' });
        sameChurn(total, handChurnEpoch(numeric(), PERIOD.from, PERIOD.to), 'segmented');
      },
      ours: () => customerChurn({ customers: planned(), period: PERIOD }, { segmentBy: 'plan' }),
      baselines: { 'unsegmented call': () => customerChurn({ customers: planned(), period: PERIOD }) },
    }),
  );
  segmentedGoal(
    compare('cohortRetention (monthly), 20 segments (segmentBy: attribute)', {
      ours: () => cohortRetention({ customers: planned() }, { asOf: AS_OF, segmentBy: 'plan' }),
      baselines: { 'unsegmented call': () => cohortRetention({ customers: planned() }, { asOf: AS_OF }) },
    }),
  );
}

/** The customers, each given one of 20 plans at random in `attributes`. */
function withPlans(customers, next) {
  return customers.map((customer) => ({ ...customer, attributes: { plan: `plan-${Math.floor(next() * 20)}` } }));
}
