"""Stand-in for lifetimes (not installable here) in the BG/BB and Gamma-Gamma benchmarks.

It fits the same likelihoods the way lifetimes 0.11 does (BetaGeoBetaBinomFitter._loglikelihood and
GammaGammaFitter._negative_log_likelihood, vectorised over customers with numpy, the mean negative
log-likelihood over the log parameters, started at 0.1, scipy.optimize.minimize with tol=1e-7), except that
the gradient is scipy's finite differences (BFGS with jac=None) rather than autograd's, and it predicts as
lifetimes does (conditional_expected_average_profit; customer_lifetime_value's monthly loop over
conditional_expected_number_of_purchases_up_to_time). Usage:

  python3 purchases_bgbb.py <task> <data file> <n> [runs = 3]

Tasks: bgbb-fit (columns x, t, n, weight), gg-fit (x, zbar), gg-expected (x, zbar, p, q, v),
clv (x, t, n, zbar, alpha, beta, gamma, delta, p, q, v, months, discount, opportunities a month).
Prints JSON: the median wall and CPU times of the runs in ms, and the result.
"""
import json
import os
import sys

import numpy as np
from scipy.optimize import minimize
from scipy.special import betaln, gammaln

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import timed  # noqa: E402


def bgbb_loglikelihood(params, x, tx, n):
    alpha, beta, gamma, delta = params
    betaln_ab = betaln(alpha, beta)
    betaln_gd = betaln(gamma, delta)
    a = betaln(alpha + x, beta + n - x) - betaln_ab + betaln(gamma, delta + n) - betaln_gd
    b = 1e-15 * np.ones_like(n, dtype=float)
    recency_n = n - tx - 1
    for j in np.arange(recency_n.max() + 1):
        ix = recency_n >= j
        b = b + ix * np.exp(betaln(alpha + x, beta + tx - x + j) + betaln(gamma + 1, delta + tx + j))
    b = np.log(b) - betaln_gd - betaln_ab
    return np.logaddexp(a, b)


def bgbb_fit(x, tx, n, weights):
    def objective(log_params):
        return -(bgbb_loglikelihood(np.exp(log_params), x, tx, n) * weights).sum() / weights.sum()

    out = minimize(objective, 0.1 * np.ones(4), tol=1e-7, method='BFGS')
    params = np.exp(out.x)
    return {'params': params.tolist(), 'll': float((bgbb_loglikelihood(params, x, tx, n) * weights).sum())}


def gg_negative(log_params, x, m):
    p, q, v = np.exp(log_params)
    values = (gammaln(p * x + q) - gammaln(p * x) - gammaln(q) + q * np.log(v) + (p * x - 1) * np.log(m)
              + (p * x) * np.log(x) - (p * x + q) * np.log(x * m + v))
    return -values.sum() / len(x)


def gg_fit(x, m):
    keep = x > 0
    x, m = x[keep], m[keep]
    out = minimize(gg_negative, 0.1 * np.ones(3), args=(x, m), tol=1e-7, method='BFGS')
    return {'params': np.exp(out.x).tolist(), 'll': float(-gg_negative(out.x, x, m) * len(x))}


def gg_expected(x, m, p, q, v):
    individual_weight = p * x / (p * x + q - 1)
    population_mean = v * p / (q - 1)
    return (1 - individual_weight) * population_mean + individual_weight * m


def bgbb_conditional(params, m_periods, x, tx, n):
    alpha, beta, gamma, delta = params
    p1 = 1 / np.exp(bgbb_loglikelihood(params, x, tx, n))
    p2 = np.exp(betaln(alpha + x + 1, beta + n - x) - betaln(alpha, beta))
    p3 = delta / (gamma - 1) * np.exp(gammaln(gamma + delta) - gammaln(1 + delta))
    p4 = np.exp(gammaln(1 + delta + n) - gammaln(gamma + delta + n))
    p5 = np.exp(gammaln(1 + delta + n + m_periods) - gammaln(gamma + delta + n + m_periods))
    return p1 * p2 * p3 * (p4 - p5)


def clv(x, tx, n, m, params, gg, months, discount, per_month):
    spend = gg_expected(x, m, *gg)
    value = np.zeros(len(x))
    for month in range(1, months + 1):
        now = np.floor(month * per_month)
        before = np.floor((month - 1) * per_month)
        expected = bgbb_conditional(params, now, x, tx, n) - bgbb_conditional(params, before, x, tx, n)
        value += spend * expected / (1 + discount) ** month
    return {'total': float(value.sum()), 'first': value[:5].tolist()}


def main():
    task, path, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    data = np.fromfile(path, dtype='<f8')
    if task == 'bgbb-fit':
        x, tx, n, w = data.reshape(4, size)
        run = lambda: bgbb_fit(x.astype(int), tx.astype(int), n.astype(int), w)
    elif task == 'gg-fit':
        x, m = data.reshape(2, size)
        run = lambda: gg_fit(x, m)
    elif task == 'gg-expected':
        x, m = data[: 2 * size].reshape(2, size)
        p, q, v = data[2 * size:]
        run = lambda: {'first': gg_expected(x, m, p, q, v)[:5].tolist()}
    elif task == 'clv':
        x, tx, n, m = data[: 4 * size].reshape(4, size)
        rest = data[4 * size:]
        run = lambda: clv(x, tx, n, m, rest[0:4], rest[4:7], int(rest[7]), rest[8], rest[9])
    else:
        raise SystemExit(f'unknown task {task}')
    (ms, cpu), result = timed(run, runs)
    result["ms"] = ms
    result["cpu"] = cpu
    result["runs"] = runs
    print(json.dumps(result))


if __name__ == '__main__':
    main()
