// The log-likelihood of a model with no interior maximum keeps rising as a parameter drifts towards 0 or
// ∞, and its gradient with respect to the log parameter fades there: a small gradient alone does not prove
// a maximum. A fit reports convergence only with its shape parameters inside these bounds.

/** Whether a fitted shape parameter is inside [1e-8, 1e8]. */
export function interior(parameter: number): boolean {
  return parameter >= 1e-8 && parameter <= 1e8;
}
