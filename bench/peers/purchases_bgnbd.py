"""The BG/NBD model fitted and scored the way lifetimes (0.11) does, as the benchmark's stand-in for it.

lifetimes cannot be installed here; this script reproduces its BetaGeoFitter with the same numpy
vectorised log-likelihood (lifetimes' _negative_log_likelihood: the mean over customers, a log-sum-exp of
the last term), the same rescaling of time (10 / max T) and the same search: scipy.optimize.minimize over
the logarithms of (r, alpha, a, b) from zeros, method BFGS, tol 1e-7. lifetimes takes the gradient from
autograd; here it is SciPy's finite-difference gradient (autograd is not installed). The predictions are
lifetimes' formulas: conditional expectation with scipy.special.hyp2f1, P(alive) with expit, E[X(t)], and
P(X(t) = n) with its sum over j.

Usage: /usr/bin/python3 purchases_bgnbd.py DATA.f64 TASK...
DATA.f64 holds n, then the columns frequency, recency and age (little-endian doubles).
Prints one JSON object: the median time of each task in milliseconds and the results to compare.
"""
import json
import sys
import time

import numpy as np
from scipy.optimize import minimize
from scipy.special import expit, gammaln, hyp2f1


def negative_log_likelihood(log_params, x, t_x, T):
    r, alpha, a, b = np.exp(log_params)
    A_1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    A_2 = gammaln(a + b) + gammaln(b + x) - gammaln(b) - gammaln(a + b + x)
    A_3 = -(r + x) * np.log(alpha + T)
    A_4 = np.log(a) - np.log(b + np.maximum(x, 1) - 1) - (r + x) * np.log(t_x + alpha)
    max_A_3_A_4 = np.maximum(A_3, A_4)
    d = np.where(x > 0, 1.0, 0.0)
    ll = A_1 + A_2 + np.log(np.exp(A_3 - max_A_3_A_4) + d * np.exp(A_4 - max_A_3_A_4)) + max_A_3_A_4
    return -ll.mean()


def fit(x, t_x, T):
    scale = 10.0 / T.max()
    result = minimize(
        negative_log_likelihood,
        np.zeros(4),
        args=(x, t_x * scale, T * scale),
        method="BFGS",
        tol=1e-7,
        options={"maxiter": 1000},
    )
    r, alpha, a, b = np.exp(result.x)
    alpha /= scale
    # The log-likelihood in the data's own time unit (the rescaling divides each density by scale^x).
    ll = -negative_log_likelihood(np.log([r, alpha, a, b]), x, t_x, T) * len(x)
    return {"r": r, "alpha": alpha, "a": a, "b": b, "logLikelihood": ll, "iterations": int(result.nit)}


def conditional_expected(params, t, x, t_x, T):
    r, alpha, a, b = params
    _a = r + x
    _b = b + x
    _c = a + b + x - 1
    _z = t / (alpha + T + t)
    ln_hyp_term = np.log(hyp2f1(_a, _b, _c, _z))
    first_term = (a + b + x - 1) / (a - 1)
    second_term = 1 - np.exp(ln_hyp_term + (r + x) * np.log((alpha + T) / (alpha + t + T)))
    numerator = first_term * second_term
    denominator = 1 + (x > 0) * (a / (b + x - 1)) * ((alpha + T) / (alpha + t_x)) ** (r + x)
    return numerator / denominator


def probability_alive(params, x, t_x, T):
    r, alpha, a, b = params
    log_div = (r + x) * np.log((alpha + T) / (alpha + t_x)) + np.log(a / (b + np.maximum(x, 1) - 1))
    return np.where(x == 0, 1.0, expit(-log_div))


def expected(params, t):
    r, alpha, a, b = params
    return (a + b - 1) / (a - 1) * (1 - hyp2f1(r, b, a + b - 1, t / (alpha + t)) * (alpha / (alpha + t)) ** r)


def count_probability(params, t, n):
    r, alpha, a, b = params
    first_term = (
        np.exp(gammaln(a + b) - gammaln(a) - gammaln(b) + gammaln(a) + gammaln(b + n) - gammaln(a + b + n))
        * np.exp(gammaln(r + n) - gammaln(r) - gammaln(n + 1))
        * (alpha / (alpha + t)) ** r
        * (t / (alpha + t)) ** n
    )
    if n > 0:
        j = np.arange(0, n)
        finite_sum = (np.exp(gammaln(r + j) - gammaln(r) - gammaln(j + 1)) * (t / (alpha + t)) ** j).sum()
        second_term = np.exp(
            gammaln(a + b) - gammaln(a) - gammaln(b) + gammaln(a + 1) + gammaln(b + n - 1) - gammaln(a + b + n)
        ) * (1 - (alpha / (alpha + t)) ** r * finite_sum)
    else:
        second_term = 0
    return first_term + second_term


def timed(task, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        value = task()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[len(times) // 2], value


def main():
    path = sys.argv[1]
    tasks = sys.argv[2:]
    raw = np.fromfile(path, dtype="<f8")
    n = int(raw[0])
    x, t_x, T = raw[1 : 1 + n], raw[1 + n : 1 + 2 * n], raw[1 + 2 * n : 1 + 3 * n]
    out = {}
    ms, fitted = timed(lambda: fit(x, t_x, T), 3)
    out["fit"] = {"ms": ms, **fitted}
    params = (fitted["r"], fitted["alpha"], fitted["a"], fitted["b"])
    if "predict" in tasks:
        ms, values = timed(lambda: conditional_expected(params, 39.0, x, t_x, T), 5)
        out["conditionalExpected"] = {"ms": ms, "sum": float(np.sum(values)), "first": float(values[0])}
        ms, values = timed(lambda: probability_alive(params, x, t_x, T), 5)
        out["probabilityAlive"] = {"ms": ms, "sum": float(np.sum(values))}
        ms, values = timed(lambda: [expected(params, t) for t in range(1, 105)], 5)
        out["expected"] = {"ms": ms, "sum": float(np.sum(values))}
        ms, values = timed(lambda: [count_probability(params, 39.0, k) for k in range(0, 50)], 5)
        out["countProbability"] = {"ms": ms, "sum": float(np.sum(values))}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
