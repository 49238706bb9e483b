import * as z from 'zod/mini';
import { invalid, noData, parse, parseOptions } from '../internal/parse.js';
import { bgNbdLogLikelihood, LIMIT, prepareBgNbd } from './_lib/bgNbdLikelihood.js';
import { type PurchaseHistory, type PurchaseHistoryColumns, readCustomers } from './_lib/customers.js';
import { maximize } from './_lib/maximize.js';

const METRIC = 'fitBetaGeometricNbd';

/** Input of {@link fitBetaGeometricNbd}. */
export interface FitBetaGeometricNbdInput {
  /** The customers: records (extra fields are ignored) or columns (Float64Arrays are read in place). */
  readonly customers: readonly PurchaseHistory[] | PurchaseHistoryColumns;
}

/** Options of {@link fitBetaGeometricNbd}. */
export interface FitBetaGeometricNbdOptions {
  /** Where the search starts. Default: r = a = b = 1 and α = Σ T ÷ (N + Σ x), the scale of the time unit. */
  readonly start?: {
    /** Starting r. */
    readonly r: number;
    /** Starting α, in the customers' time unit. */
    readonly alpha: number;
    /** Starting a. */
    readonly a: number;
    /** Starting b. */
    readonly b: number;
  };
  /** Iterations of the optimiser before it gives up (default 500; CDNOW takes about 30). */
  readonly maxIterations?: number;
}

/** Result of {@link fitBetaGeometricNbd}: a fitted model, the `model` of the prediction functions. */
export interface BetaGeometricNbdModel {
  /** The model's name, which the prediction functions read. */
  readonly model: 'bg-nbd';
  /** Shape of the Gamma distribution of purchase rates λ. */
  readonly r: number;
  /** Scale of the Gamma distribution of purchase rates, in the customers' time unit (E[λ] = r/α). */
  readonly alpha: number;
  /** First shape of the Beta distribution of the probability p of lapsing after a purchase. */
  readonly a: number;
  /** Second shape of that Beta distribution (E[p] = a/(a + b)). */
  readonly b: number;
  /** The maximised log-likelihood Σ ln L(x, t_x, T), in nats. */
  readonly logLikelihood: number;
  /** Whether the search ended at a stationary point (the gradient negligible). */
  readonly converged: boolean;
  /** Iterations the optimiser took. */
  readonly iterations: number;
  /** Customers fitted. */
  readonly customers: number;
}

const positive = /* @__PURE__ */ (() => z.number().check(z.gt(0)))();
const optionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    start: z.optional(z.strictObject({ r: positive, alpha: positive, a: positive, b: positive })),
    maxIterations: z.optional(z.int().check(z.gte(1), z.lte(100_000))),
  }))();
/** r, a, b and α ÷ mean T beyond [1e-6, 1e6]: the search went to a limit of the model. */
const BOUND = 1e-6;

const inputSchema = /* @__PURE__ */ (() => z.strictObject({ customers: z.unknown() }))();

/**
 * Fits the beta-geometric/negative binomial distribution (BG/NBD) model of repeat purchases, by maximum
 * likelihood.
 *
 * @remarks
 * The BG/NBD model (Fader, Hardie & Lee 2005): while alive, a customer buys as a Poisson process of rate λ;
 * after each purchase they lapse with probability p; λ varies across customers as Gamma(r, α) and p as
 * Beta(a, b). For a customer with x repeat purchases, the last at t_x, observed until T (eq. 6):
 *
 * ln L = ln Γ(r + x) − ln Γ(r) + r ln α + ln B(a, b + x) − ln B(a, b) − (r + x) ln(α + T)
 *        + ln(1 + δ_{x>0} · a/(b + x − 1) · ((α + T)/(α + t_x))^{r+x}).
 *
 * The last term is computed as a log-sum-exp, so customers with hundreds of purchases over thousands of
 * days never overflow; the ln Γ, ln B and ψ terms are computed once per distinct x, the rest once per
 * distinct history (x, t_x, T), weighted by its customers. The fit maximises
 * Σ ln L over ln r, ln(α/mean T), ln a, ln b (every point a valid model, in any time unit) by Newton's
 * method with the analytic gradient and Hessian (shifted towards the gradient where the surface is not
 * concave; BFGS after 30 iterations, and BFGS from the start too when Newton's steps end at a limit of the
 * model, the higher maximum kept), and stops when every ∂ ln L/∂ ln θ is below 1e-10 × |ln L|: the parameters are then found to about 1e-6
 * relative, the log-likelihood to about 1e-12. When the likelihood keeps rising towards a limit of the model
 * (r, a or b, or α ÷ the mean age, beyond [1e-6, 1e6], as when a and b shrink together on a small base where
 * customers either stop at once or never), the result says `converged: false`: the parameters are where the
 * search stopped.
 *
 * Source: P. S. Fader, B. G. S. Hardie and K. L. Lee, "'Counting Your Customers' the Easy Way: An
 * Alternative to the Pareto/NBD Model", Marketing Science 24(2), 2005, 275–284; the same likelihood as
 * lifetimes' BetaGeoFitter and BTYD's bgnbd.cbs.LL.
 *
 * Unit: α is in the customers' time unit (recency and age); r, a and b are dimensionless.
 *
 * @param input - `{ customers }`: records `{ frequency, recency, age }` or columns of them.
 * @param options - `start` (r, alpha, a, b) and `maxIterations`.
 * @throws {@link MetricError} `INVALID_INPUT` naming the customer and the field (`['customers', 3,
 * 'recency']`, or `['customers', 'recency', 3]` for columns) when frequency is not a whole number ≥ 0, recency
 * is negative or above age, recency is 0 with repeat purchases or above 0 without, or age is not above 0; or
 * when an option is invalid.
 * @throws {@link MetricError} `INVALID_INPUT` at `['customers']` when the ages are so far apart (1e-300 and
 * 1e300) that the likelihood cannot be computed in double precision.
 * @throws {@link MetricError} `NO_DATA` when there is no customer, or no customer has a repeat purchase
 * (the likelihood then has no maximum).
 * @example
 * ```ts
 * const fit = fitBetaGeometricNbd({
 *   customers: {
 *     frequency: [0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 3, 4, 6, 9],
 *     recency: [0, 0, 0, 0, 0, 0, 2, 30, 10, 35, 8, 12, 38, 20, 39],
 *     age: new Array(15).fill(40),
 *   },
 * });
 * fit.model; // => 'bg-nbd'
 * fit.converged; // => true
 * fit.r; // ≈ 0.463
 * fit.alpha; // ≈ 5.62
 * fit.logLikelihood; // ≈ -106.912
 * ```
 * @category Purchases
 */
export function fitBetaGeometricNbd(
  input: FitBetaGeometricNbdInput,
  options?: FitBetaGeometricNbdOptions,
): BetaGeometricNbdModel {
  const { customers } = parse(METRIC, inputSchema, input);
  const { start, maxIterations = 500 } = parseOptions(METRIC, optionsSchema, options);
  const columns = readCustomers(METRIC, customers);
  let repeat = 0;
  let time = 0;
  for (let i = 0; i < columns.count; i++) {
    repeat += columns.frequency[i] as number;
    time += columns.age[i] as number;
  }
  if (repeat === 0) noData(METRIC, ['customers'], 'has no repeat purchase: the model cannot be fitted');
  const scale = time / columns.count;
  const data = prepareBgNbd(columns, scale);
  const first = start ?? { r: 1, alpha: time / (columns.count + repeat), a: 1, b: 1 };
  const inside = (value: number) => Math.min(LIMIT - 1, Math.max(1 - LIMIT, value));
  const from = [first.r, first.alpha / scale, first.a, first.b].map((value) => inside(Math.log(value)));
  let best = maximize((point, gradient, hessian) => bgNbdLogLikelihood(data, point, gradient, hessian), from, {
    maxIterations,
    hessian: true,
  });
  // A vanishing gradient at a parameter pushed towards 0 or infinity is a limit of the model (a and b
  // shrinking together: every customer lapses at once or never; or growing together: all lapse with the
  // same p), not an interior maximum.
  const interior = (point: Float64Array) => point.every((value) => Math.abs(value) < -Math.log(BOUND));
  if (Number.isFinite(best.value) && !(best.converged && interior(best.point))) {
    // Newton's first long steps can reach such a limit where the likelihood also has a higher interior
    // maximum (about 1 base in 400 drawn from the model); BFGS's shorter steps from the same start find it.
    const other = maximize((point, gradient) => bgNbdLogLikelihood(data, point, gradient), from, { maxIterations });
    if (other.value > best.value) best = other;
  }
  if (!Number.isFinite(best.value)) {
    invalid(METRIC, ['customers'], 'has ages too far apart for the model to be computed in double precision');
  }
  const [r, alpha, a, b] = Array.from(best.point, Math.exp) as [number, number, number, number];
  return {
    model: 'bg-nbd',
    r,
    alpha: alpha * scale,
    a,
    b,
    logLikelihood: best.value,
    converged: best.converged && interior(best.point),
    iterations: best.iterations,
    customers: columns.count,
  };
}
