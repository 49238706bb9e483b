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
"""
import json
import sys
import time

import numpy as np
from numpy import log
from scipy.optimize import minimize
from scipy.special import gammaln, hyp2f1, logsumexp


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
    sign = np.ones(len(x))
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


def main():
    path, repeats = sys.argv[1], int(sys.argv[2])
    data = np.fromfile(path, dtype='<f8')
    n = int(data[0])
    x, t_x, T = data[1:1 + n], data[1 + n:1 + 2 * n], data[1 + 2 * n:1 + 3 * n]
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
