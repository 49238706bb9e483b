// The customers of a Pareto/NBD fit, read by the family's shared reader (records or columns under
// `customers`), and the one rule the fit adds: at least one customer with a repeat purchase.
import * as z from 'zod/mini';
import { noData, parse } from '../../internal/parse.js';
import { readCustomers } from './customers.js';
import type { Histories } from './historyGroups.js';

const shape = /* @__PURE__ */ (() => z.strictObject({ customers: z.unknown() }))();

/**
 * The customers of `input` as validated columns. Throws `INVALID_INPUT` naming the customer and field of
 * the first bad value, and `NO_DATA` without customers or without any repeat purchase.
 */
export function readHistories(metric: string, input: unknown): Histories {
  const { customers } = parse(metric, shape, input);
  const { frequency, recency, age, count } = readCustomers(metric, customers);
  let repeats = 0;
  for (let i = 0; i < count; i++) if ((frequency[i] as number) > 0) repeats++;
  if (repeats === 0) {
    noData(metric, ['customers'], 'has no customer with a repeat purchase: the purchase rate cannot be estimated');
  }
  return { frequency, recency, age };
}
