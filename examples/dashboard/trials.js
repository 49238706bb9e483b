// The free trials of a subscription history, shared by the dashboard and its end-to-end test so that both
// count 2024's trials by one rule.

/**
 * The trials of subscription records, as `trialConversion` takes them: each `status: 'trialing'` record is
 * a trial from its `start` to its `end` (absent while it runs), converted at the `start` of the customer's
 * first paying (not `'trialing'`) record that starts at or after the trial's start; never converted without
 * one. Dates are compared as the records' `YYYY-MM-DD` strings.
 * @param {readonly { customerId: string, start: string, end?: string, status?: string }[]} records
 * @returns {{ customerId: string, start: string, end?: string, convertedAt?: string }[]}
 */
export function trialsOf(records) {
  const paidStarts = new Map();
  for (const record of records) {
    if (record.status === 'trialing') continue;
    const starts = paidStarts.get(record.customerId) ?? [];
    starts.push(record.start);
    paidStarts.set(record.customerId, starts);
  }
  return records
    .filter((record) => record.status === 'trialing')
    .map(({ customerId, start, end }) => {
      let convertedAt;
      for (const paid of paidStarts.get(customerId) ?? []) {
        if (paid >= start && (convertedAt === undefined || paid < convertedAt)) convertedAt = paid;
      }
      return {
        customerId,
        start,
        ...(end === undefined ? {} : { end }),
        ...(convertedAt === undefined ? {} : { convertedAt }),
      };
    });
}
