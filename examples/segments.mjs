// The sample company's segments besides its plans: each customer's region and acquisition channel, fixed for
// its whole life. They come from a seeded stream of their own, drawn after the customers and before their
// lives, so that every other draw (and every figure of the sample) stays as it was without them.
import { stream } from './seeded.mjs';

/** Regions of the customers paying in US dollars; euro customers are all in Europe. */
const USD_REGIONS = { 'North America': 78, APAC: 16, Europe: 6 };

/** How customers find the company, by the plan they sign up on: small plans buy alone, large ones through sales. */
const CHANNELS = {
  starter: { 'self-serve': 76, partner: 14, sales: 10 },
  growth: { 'self-serve': 42, partner: 24, sales: 34 },
  scale: { 'self-serve': 12, partner: 25, sales: 63 },
};

/**
 * Gives each customer its `region` and `channel`, in customer order. Reads `currency` and `plan` (the plan it
 * signs up on): call it before the customers' lives change their plans.
 */
export function assignSegments(customers) {
  const draws = stream(20241201);
  const draw = (weights) => {
    const entries = Object.entries(weights);
    let roll = draws.next() * entries.reduce((total, [, weight]) => total + weight, 0);
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries.at(-1)[0];
  };
  for (const customer of customers) {
    // Both draws for every customer, so that one customer's currency never shifts another's channel.
    const region = draw(USD_REGIONS);
    customer.region = customer.currency === 'EUR' ? 'Europe' : region;
    customer.channel = draw(CHANNELS[customer.plan]);
  }
}

/** A customer's segments as columns of a row about it; blank for a row without a customer. */
export const segmentColumns = (customer) => ({ region: customer?.region ?? '', channel: customer?.channel ?? '' });
