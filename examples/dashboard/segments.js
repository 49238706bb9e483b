// The dashboard's segments: all customers, or the customers of one plan, region or acquisition channel. A
// segment's MRR figures are its rows of the library's segmented series over every record; its other figures
// are the library's figures on the segment's records.

/** The attributes a segment is chosen by, as the sample's columns name them. */
export const DIMENSIONS = [
  { key: 'plan', label: 'Plan' },
  { key: 'region', label: 'Region' },
  { key: 'channel', label: 'Channel' },
];

/** Who belongs to a segment, in one line for the page. */
export const SEGMENT_RULE =
  "A customer's region and channel never change; MRR and invoices follow each record's plan (a plan change " +
  "is MRR leaving the old plan and entering the new one), every other figure the customer's current plan.";

/**
 * Each customer's segments, by customer id: its region and channel, and its current plan (that of its latest
 * subscription record, trials included). `records` are subscription records carrying `attributes`.
 */
export function customerSegments(records) {
  const latest = new Map();
  for (const record of records) {
    const known = latest.get(record.customerId);
    if (known === undefined || record.start >= known.start) latest.set(record.customerId, record);
  }
  return new Map([...latest].map(([id, record]) => [id, record.attributes]));
}

/** The values of each dimension among the records, in code-unit order (the library's order of segments). */
export function segmentValues(records) {
  return Object.fromEntries(
    DIMENSIONS.map(({ key }) => [key, [...new Set(records.map((record) => record.attributes[key]))].sort()]),
  );
}

/**
 * The dashboard's data restricted to a segment `{ by, value }` (all of it when `segment` is undefined):
 * subscription records (for the revenue cohorts) and invoice lines by their own attributes, every
 * customer-level data set (trials, lifetimes, survey answers, tickets, product events, accounts) by its
 * customer's segments (`members`, from `customerSegments`). The segment's MRR series is not computed from
 * these records but from every record (`revenueSeries`).
 */
export function segmentData(data, segment, members = customerSegments(data.subscriptions)) {
  if (segment === undefined) return data;
  const { by, value } = segment;
  const belongs = (customerId) => members.get(customerId)?.[by] === value;
  const owned = (records, owners) => records.filter((_, k) => belongs(owners[k]));
  return {
    ...data,
    subscriptions: data.subscriptions.filter((record) => record.attributes[by] === value),
    invoices: data.invoices.filter((line) => line.attributes[by] === value),
    trials: data.trials.filter((trial) => belongs(trial.customerId)),
    lifetimes: data.lifetimes.filter((customer) => belongs(customer.id)),
    survey: data.survey.filter((row) => belongs(row.respondent)),
    tickets: owned(data.tickets, data.owners.tickets),
    events: owned(data.events, data.owners.events),
    accounts: owned(data.accounts, data.owners.accounts),
    churned: owned(data.churned, data.owners.accounts),
    owners: Object.fromEntries(Object.entries(data.owners).map(([name, owners]) => [name, owners.filter(belongs)])),
  };
}

/** A segment's name for the page: "All customers", "Region: Europe". */
export function segmentName(segment) {
  if (segment === undefined) return 'All customers';
  return `${DIMENSIONS.find(({ key }) => key === segment.by).label}: ${segment.value}`;
}

/** A segment as the page's address fragment (`region=Europe`), and back; an unknown one is all customers. */
export const segmentFragment = (segment) =>
  segment === undefined ? '' : `${segment.by}=${encodeURIComponent(segment.value)}`;

export function fragmentSegment(fragment, values) {
  const [by, raw] = fragment.replace(/^#/, '').split('=');
  if (raw === undefined || !Object.hasOwn(values, by)) return undefined;
  let value;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  return values[by].includes(value) ? { by, value } : undefined;
}
