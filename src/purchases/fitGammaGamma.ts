import * as z from 'zod/mini';
import { invalid, parseOptions } from '../internal/parse.js';
import { gammaGammaLogLikelihood, meanSpend, readSpendData, scaleSpends } from './_lib/gammaGamma.js';
import { interior } from './_lib/interior.js';
import { maximize } from './_lib/maximize.js';

const METRIC = 'fitGammaGamma';

/** One customer's spend: repeat purchases and their mean value. */
export interface GammaGammaCustomer {
  /** x: repeat purchases (a whole number ≥ 0); customers with none are left out of the fit. */
  readonly frequency: number;
  /**
   * z̄: the mean value of the repeat purchases (money ≥ 0, a number or a decimal string; above 0 when
   * frequency is). `summarizePurchases` records can be passed as they are: their other fields are ignored.
   * Required; optional in the type only because a summary without amounts has none (it is then refused).
   */
  readonly monetaryValue?: number | string | undefined;
}

/** Input of {@link fitGammaGamma}: the customers, as records or parallel columns. */
export interface FitGammaGammaInput {
  /** One record per customer, or columns of equal length (arrays or typed arrays). */
  readonly customers:
    | ArrayLike<GammaGammaCustomer>
    | {
        /** Repeat purchases of each customer. */
        readonly frequency: ArrayLike<number>;
        /** Each customer's mean repeat spend. */
        readonly monetaryValue: ArrayLike<number | string>;
      };
}

/** The parameters of a Gamma-Gamma model. */
export interface GammaGammaParameters {
  /** p: the shape of each purchase's Gamma(p, ν) distribution of value. */
  readonly p: number;
  /** q: the shape of the Gamma(q, v) distribution of ν across customers. */
  readonly q: number;
  /** v: the scale of the distribution of ν, in money. */
  readonly v: number;
}

/** Options of {@link fitGammaGamma}. */
export interface FitGammaGammaOptions {
  /** Where the search starts. Default: p = q = v = 1. */
  readonly start?: GammaGammaParameters | undefined;
  /** Quasi-Newton iterations before the search gives up (`converged: false`). Default 500. */
  readonly maxIterations?: number | undefined;
}

/** Result of {@link fitGammaGamma}: a fitted model that {@link expectedMonetaryValue} accepts. */
export interface FitGammaGammaResult extends GammaGammaParameters {
  /** The model's name, which expectedMonetaryValue and predictCustomerValue read. */
  readonly model: 'gamma-gamma';
  /** The maximised log-likelihood of the repeat buyers' mean spends, in nats. */
  readonly logLikelihood: number;
  /**
   * Whether the search reached an interior maximum (gradient ≈ 0, p and q from 1e-8 to 1e8); false when the
   * iterations ran out or p or q drifted towards 0 or ∞ (the likelihood has no maximum: spends that do not
   * vary across customers, for one).
   */
  readonly converged: boolean;
  /** Quasi-Newton iterations taken. */
  readonly iterations: number;
  /** Customers fitted: those with at least one repeat purchase. */
  readonly customers: number;
  /** Customers without a repeat purchase, left out of the fit. */
  readonly withoutRepeatPurchases: number;
  /**
   * Pearson's correlation of frequency and monetaryValue over the customers fitted (null when either is
   * constant). The model assumes the two independent: check that it is near 0.
   */
  readonly frequencyValueCorrelation: number | null;
}

const positiveParameter = /* @__PURE__ */ (() => z.number().check(z.gt(0)))();
const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    start: z.optional(z.strictObject({ p: positiveParameter, q: positiveParameter, v: positiveParameter })),
    maxIterations: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
  }))();

/**
 * Fits the Gamma-Gamma model of the value of customers' purchases, by maximum likelihood.
 *
 * @remarks
 * The Gamma-Gamma model (Fader & Hardie 2013, after Colombo & Jiang 1999): each purchase of a customer has
 * a value drawn from Gamma(p, ν), so the mean z̄ of x purchases is Gamma(px, νx); ν varies across
 * customers as Gamma(q, v). A customer's mean repeat spend then has the density
 * f(z̄ | p, q, v, x) = Γ(px + q)/(Γ(px) Γ(q)) · v^q z̄^(px−1) x^(px) / (v + x z̄)^(px+q), and the fit
 * maximises Σ ln f over ln p, ln q, ln v with BFGS and the analytic gradient. Only customers with at least
 * one repeat purchase inform the model (z̄ is the mean of the repeat purchases, the first being left out as
 * in the paper); the others are counted in `withoutRepeatPurchases`.
 *
 * The model assumes that spend per purchase is independent of how often a customer buys: its conditional
 * expectation shrinks each customer's z̄ towards the population's mean by the number of purchases alone.
 * When frequent buyers also spend more (or less) per purchase, the expected values, and the customer values
 * built on them, are biased. `frequencyValueCorrelation` is the check lifetimes' users run
 * (`corr()` of the two columns): near 0 (CDNOW: 0.11) the model is usable.
 *
 * Double precision: the search stops when every derivative of the log-likelihood with respect to the log
 * parameters is below 1e-10 × |LL|; parameters to about 1e-6 relative.
 *
 * Unit: p and q are dimensionless; v is money (the currency of `monetaryValue`).
 *
 * Source: P. S. Fader and B. G. S. Hardie, "The Gamma-Gamma Model of Monetary Value" (2013 note,
 * brucehardie.com/notes/025), equations 1–5; lifetimes' `GammaGammaFitter` fits the same likelihood.
 *
 * @param input - `{ customers: [{ frequency, monetaryValue }] }` or the columns `{ frequency,
 * monetaryValue }`.
 * @param options - `{ start?, maxIterations? }`.
 * @throws {@link MetricError} `INVALID_INPUT` when a frequency is not a whole number ≥ 0, a monetaryValue
 * is negative, not a finite number or decimal string, or 0 for a customer with repeat purchases, columns
 * differ in length, a key is unknown, or an option is invalid; the issue names the field and the index.
 * @throws {@link MetricError} `NO_DATA` when there is no customer, or no customer with a repeat purchase.
 * @example
 * ```ts
 * const fit = fitGammaGamma({
 *   customers: [
 *     { frequency: 2, monetaryValue: 22.35 },
 *     { frequency: 1, monetaryValue: 11.77 },
 *     { frequency: 0, monetaryValue: 0 },
 *     { frequency: 5, monetaryValue: '47.20' },
 *     { frequency: 3, monetaryValue: 31.9 },
 *     { frequency: 1, monetaryValue: 18.5 },
 *   ],
 * });
 * fit.model; // => 'gamma-gamma'
 * fit.customers; // => 5
 * fit.withoutRepeatPurchases; // => 1
 * ```
 * @category Purchases
 */
export function fitGammaGamma(input: FitGammaGammaInput, options?: FitGammaGammaOptions): FitGammaGammaResult {
  const { start, maxIterations } = parseOptions(METRIC, optionsSchema, options);
  const read = readSpendData(METRIC, input);
  // Fitted on spends of mean 1, then v and the log-likelihood (a density of one spend a buyer) scaled back.
  const c = meanSpend(read);
  const data = scaleSpends(read, c);
  const first =
    start === undefined ? [0, 0, 0] : [Math.log(start.p), Math.log(start.q), Math.log(start.v) - Math.log(c)];
  const best = maximize((point, gradient) => gammaGammaLogLikelihood(data, point, gradient), first, {
    maxIterations: maxIterations ?? 500,
  });
  if (!Number.isFinite(best.value)) {
    invalid(METRIC, ['start'], 'gives a log-likelihood beyond the double range: start nearer the data', 'options');
  }
  const [p, q, scaledV] = Array.from(best.point, Math.exp) as [number, number, number];
  const v = scaledV * c;
  return {
    model: 'gamma-gamma',
    p,
    q,
    v,
    logLikelihood: best.value - data.frequency.length * Math.log(c),
    converged: best.converged && interior(p) && interior(q),
    iterations: best.iterations,
    customers: data.frequency.length,
    withoutRepeatPurchases: data.withoutRepeat,
    frequencyValueCorrelation: data.correlation,
  };
}
