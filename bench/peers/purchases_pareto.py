"""Stand-in for lifetimes' ParetoNBDFitter, for bench/purchases-pareto.bench.mjs.

lifetimes cannot be installed here, so this script fits the same likelihood the way lifetimes 0.11 does:
numpy vectorised over the customers, ln A0 from scipy.special.hyp2f1 with logsumexp (Fader & Hardie 2005,
eq. 19-22, the larger of alpha and beta in the argument), time rescaled so that max(T) = 10 as lifetimes'
_scale_time does, and scipy.optimize.minimize with Nelder-Mead (lifetimes' default fit_method for this
model; it has no gradient) from all parameters at 1. Two departures, both so that the optimum can be
compared to 1e-3: the search runs over the logs of the parameters (every point valid), and its tolerances
are xatol = fatol = 1e-9 with maxiter 20 000 instead of lifetimes' tol = 1e-4, maxiter 2 000, which stop
about 1e-3 short on the flat ridge of beta.

Usage: python3 purchases_pareto.py <file of float64: n, then x[n], t_x[n], T[n]> <repeats>
Prints one JSON line: median milliseconds of the fits (wall and CPU), the parameters, the log-likelihood and counts.

       python3 purchases_pareto.py <same file> <repeats> predict <r> <alpha> <s> <beta>
times lifetimes' predictions with the given parameters instead (no fit), as ParetoNBDFitter 0.11 writes them:
conditional_expected_number_of_purchases_up_to_time (eq. 41, from the conditional log-likelihood) over the
customers for 39 time units, conditional_probability_alive (eq. 36, from _log_A_0 with hyp2f1) over the
customers, expected_number_of_purchases_up_to_time (eq. 27) for t = 1...104 one call each, and
conditional_probability_of_n_purchases_up_to_time (Fader & Hardie 2006, eq. 16) for n = 0...49 at t = 39 with
the history (0, 0, 0) of a customer just acquired, where it is the unconditional P(X(t) = n) (eq. 19). Prints
the median milliseconds of each task with the sum of its values (and the first customer's).
"""
import json
import os
import sys
import time

import numpy as np
from numpy import log
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1, logsumexp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import timed  # noqa: E402


def log_a0(r, alpha, s, beta, x, t_x, T):
    if alpha < beta:
        smaller, larger, b = alpha, beta, r + x
    else:
        smaller, larger, b = beta, alpha, s + 1
    gap = larger - smaller
    rsx = r + s + x
    p1 = hyp2f1(rsx, b, rsx + 1.0, gap / (larger + t_x))
    q1 = larger + t_x
    p2 = hyp2f1(rsx, b, rsx + 1.0, gap / (larger + T))
    q2 = larger + T
    try:
        sign = np.ones(len(x))
    except TypeError:  # one customer, as lifetimes allows
        sign = 1
    return logsumexp([log(p1) + rsx * log(q2), log(p2) + rsx * log(q1)], axis=0, b=[sign, -sign]) - rsx * log(q1 * q2)


def log_likelihood(params, x, t_x, T):
    r, alpha, s, beta = params
    a1 = gammaln(r + x) - gammaln(r) + r * log(alpha) + s * log(beta)
    a0 = log_a0(r, alpha, s, beta, x, t_x, T)
    a2 = np.logaddexp(-(r + x) * log(alpha + T) - s * log(beta + T), log(s) + a0 - log(r + s + x))
    return a1 + a2


def fit(x, t_x, T):
    scale = 10.0 / T.max()
    st_x, sT = t_x * scale, T * scale

    def negative(log_params):
        value = -log_likelihood(np.exp(log_params), x, st_x, sT).sum()
        return value if np.isfinite(value) else np.inf

    result = minimize(negative, np.zeros(4), method='Nelder-Mead',
                      options={'xatol': 1e-9, 'fatol': 1e-9, 'maxiter': 20000, 'maxfev': 40000})
    r, alpha, s, beta = np.exp(result.x)
    params = [r, alpha / scale, s, beta / scale]
    return params, result


def conditional_expected(params, t, x, t_x, T):
    # lifetimes' conditional_expected_number_of_purchases_up_to_time: eq. 41 over the conditional likelihood.
    r, alpha, s, beta = params
    likelihood = log_likelihood(params, x, t_x, T)
    first_term = gammaln(r + x) - gammaln(r) + r * log(alpha) + s * log(beta) - (r + x) * log(alpha + T) - s * log(beta + T)
    second_term = log(r + x) + log(beta + T) - log(alpha + T)
    third_term = log((1 - ((beta + T) / (beta + T + t)) ** (s - 1)) / (s - 1))
    return np.exp(first_term + second_term + third_term - likelihood)


def probability_alive(params, x, t_x, T):
    # lifetimes' conditional_probability_alive: eq. 36 with ln A0 from hyp2f1.
    r, alpha, s, beta = params
    a0 = log_a0(r, alpha, s, beta, x, t_x, T)
    return 1.0 / (1.0 + np.exp(log(s) - log(r + s + x) + (r + x) * log(alpha + T) + s * log(beta + T) + a0))


def expected(params, t):
    # lifetimes' expected_number_of_purchases_up_to_time (eq. 27).
    r, alpha, s, beta = params
    return r * beta / alpha / (s - 1) * (1 - (beta / (beta + t)) ** (s - 1))


def count_probability(params, n, t, x, t_x, T):
    # lifetimes' conditional_probability_of_n_purchases_up_to_time (Fader & Hardie 2006, eq. 16), scalar history.
    if t <= 0:
        return 0
    r, alpha, s, beta = params
    if alpha < beta:
        smaller, larger, p = alpha, beta, r + x + n
    else:
        smaller, larger, p = beta, alpha, s + 1
    gap = larger - smaller
    log_l = log_likelihood(params, x, t_x, T)
    log_p_zero = gammaln(r + x) + r * log(alpha) + s * log(beta) - (gammaln(r) + (r + x) * log(alpha + T) + s * log(beta + T) + log_l)
    log_b_one = gammaln(r + x + n) + r * log(alpha) + s * log(beta) - (gammaln(r) + (r + x + n) * log(alpha + T + t) + s * log(beta + T + t))
    log_b_two = (r * log(alpha) + s * log(beta) + gammaln(r + s + x) + betaln(r + x + n, s + 1)
                 + log(hyp2f1(r + s + x, p, r + s + x + n + 1, gap / (larger + T)))
                 - (gammaln(r) + gammaln(s) + (r + s + x) * log(larger + T)))

    def log_b_three(i):
        return (r * log(alpha) + s * log(beta) + gammaln(r + s + x + i) + betaln(r + x + n, s + 1)
                + log(hyp2f1(r + s + x + i, p, r + s + x + n + 1, gap / (larger + T + t)))
                - (gammaln(r) + gammaln(s) + (r + s + x + i) * log(larger + T + t)))

    zeroth_term = (n == 0) * (1 - np.exp(log_p_zero))
    first_term = n * log(t) - gammaln(n + 1) + log_b_one - log_l
    second_term = log_b_two - log_l
    third_term = logsumexp([i * log(t) - gammaln(i + 1) + log_b_three(i) - log_l for i in range(n + 1)], axis=0)
    return zeroth_term + np.exp(logsumexp([first_term, second_term, third_term], b=[1, 1, -1], axis=0, return_sign=True)[0])


def predict(params, repeats, x, t_x, T):
    out = {}
    (ms, cpu), values = timed(lambda: conditional_expected(params, 39.0, x, t_x, T), repeats)
    out['conditionalExpected'] = {'ms': ms, 'cpu': cpu, 'sum': float(np.sum(values)), 'first': float(values[0])}
    (ms, cpu), values = timed(lambda: probability_alive(params, x, t_x, T), repeats)
    out['probabilityAlive'] = {'ms': ms, 'cpu': cpu, 'sum': float(np.sum(values)), 'first': float(values[0])}
    (ms, cpu), values = timed(lambda: [expected(params, t) for t in range(1, 105)], repeats)
    out['expected'] = {'ms': ms, 'cpu': cpu, 'sum': float(np.sum(values))}
    # The history (0, 0, 0) makes ln L = ln(0) inside ln A0 (a log-sum-exp of two equal terms): numpy warns.
    with np.errstate(divide='ignore'):
        (ms, cpu), values = timed(lambda: [count_probability(params, n, 39.0, 0, 0.0, 0.0) for n in range(50)], repeats)
    out['countProbability'] = {'ms': ms, 'cpu': cpu, 'sum': float(np.sum(values))}
    print(json.dumps(out))


def main():
    path, repeats = sys.argv[1], int(sys.argv[2])
    data = np.fromfile(path, dtype='<f8')
    n = int(data[0])
    x, t_x, T = data[1:1 + n], data[1 + n:1 + 2 * n], data[1 + 2 * n:1 + 3 * n]
    if len(sys.argv) > 3 and sys.argv[3] == 'predict':
        predict([float(value) for value in sys.argv[4:8]], repeats, x, t_x, T)
        return
    times = []
    cpu = []
    for _ in range(repeats):
        start = time.perf_counter()
        start_cpu = time.process_time()
        params, result = fit(x, t_x, T)
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    ll = float(log_likelihood(params, x, t_x, T).sum())
    print(json.dumps({'ms': sorted(times)[len(times) // 2], 'cpuMs': sorted(cpu)[len(cpu) // 2], 'params': [float(p) for p in params], 'logLikelihood': ll,
                      'evaluations': int(result.nfev), 'iterations': int(result.nit), 'success': bool(result.success)}))


if __name__ == '__main__':
    main()
