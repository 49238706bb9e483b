// The sample company's one-off purchases beside its subscriptions: add-on orders (training sessions, seat
// packs, report templates, consulting hours) that paying customers buy now and then, with no contract. Drawn
// from a seeded stream of their own, after everything else, so that every other file stays as it was.
//
// How they buy follows the "buy till you die" story the purchase models tell: each customer has its own
// buying rate (gamma-distributed across customers: most buy rarely, a few often) and, after each order, a
// chance of losing interest for good (higher for riskier customers); orders stop at the customer's
// cancellation or at the end of the data. Amounts vary around a level of the customer's own (larger for
// larger segments), independent of how often it buys, as the Gamma-Gamma spend model assumes.
import { DAY, HOUR, instant, stream } from './seeded.mjs';

/** The add-ons and their list prices in US dollars. */
const PRODUCTS = { training: 450, 'seat pack': 120, 'report templates': 39, consulting: 180 };

/** Mean orders a month of an active customer, by segment, before the customer's own factor. */
const RATES = { SMB: 0.5, 'Mid-Market': 0.7, Enterprise: 1 };

/** Spend level by segment: the median order in US dollars. */
const LEVELS = { SMB: 90, 'Mid-Market': 180, Enterprise: 420 };

export const PURCHASE_COLUMNS = ['id', 'customerId', 'at', 'product', 'amount'];

/**
 * The orders of the paying customers (`start` set; `end` when they left), up to `to`, in time order. Reads
 * `id`, `segment`, `risk`, `start` and `end` of each customer.
 */
export function purchases(customers, to) {
  const { next, chance, pick, normal } = stream(20241208);
  // Exponential across customers: the gamma of shape 1 (most buy rarely, a few often).
  const buyingFactor = () => -Math.log(1 - next());
  const orders = [];
  for (const customer of customers) {
    if (customer.start === undefined) continue;
    const until = Math.min(customer.end ?? to, to);
    const perMonth = RATES[customer.segment] * buyingFactor();
    if (perMonth <= 0.01) continue;
    const dropout = 0.04 + 0.2 * customer.risk;
    const level = LEVELS[customer.segment] * Math.exp(0.35 * normal());
    let time = customer.start + (-Math.log(1 - next()) / perMonth) * 30 * DAY;
    while (time < until) {
      const product = pick(Object.keys(PRODUCTS));
      const units = Math.max(1, Math.round((level * Math.exp(0.25 * normal())) / PRODUCTS[product]));
      const amount = (units * PRODUCTS[product] * (chance(0.15) ? 0.9 : 1)).toFixed(2);
      // During office hours (UTC) of the day drawn, never before the customer started or after it left.
      const at = Math.max(time - (time % DAY) + (9 + 8 * next()) * HOUR, customer.start);
      if (at >= until) break;
      orders.push({ customerId: customer.id, at: instant(at), product, amount });
      // A second order the same day, now and then (a forgotten item): one purchase to the models.
      if (chance(0.05)) {
        orders.push({ customerId: customer.id, at: instant(at + HOUR), product: 'report templates', amount: '39.00' });
      }
      if (chance(dropout)) break;
      time += (-Math.log(1 - next()) / perMonth) * 30 * DAY;
    }
  }
  orders.sort((a, b) => a.at.localeCompare(b.at) || a.customerId.localeCompare(b.customerId));
  return orders.map((order, k) => ({ id: `o${String(k + 1).padStart(5, '0')}`, ...order }));
}
