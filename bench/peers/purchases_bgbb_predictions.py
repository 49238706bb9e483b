"""Stand-in for lifetimes' BG/BB predictions (lifetimes cannot be installed here), for
bench/purchases-bgbb-predictions.bench.mjs.

The formulas are BetaGeoBetaBinomFitter's in lifetimes 0.11, over numpy columns of customers, with the
likelihood of purchases_bgbb.py (lifetimes' _loglikelihood: the sum over the opportunities after the last
purchase as a loop over j of masked numpy terms, started at 1e-15):
  conditional_probability_alive(m = 1, x, t_x, n): P(alive at opportunity n + 1) (Fader, Hardie & Shang 2010,
    eq. A10), from the likelihood;
  conditional_expected_number_of_purchases_up_to_time(m, x, t_x, n): the expected purchases over the next m
    opportunities (eq. 13 in its closed form with gamma functions);
  the same with the history (0, 0, 0) of a customer just acquired, for m = 1...104 one call each: lifetimes'
    BG/BB has no separate E[X(n)], and eq. 13 at n = 0 is eq. 9.

Usage: python3 purchases_bgbb_predictions.py <data file> <n> <m> <runs> <alpha> <beta> <gamma> <delta>
The data file holds the columns x, t_x and n of n customers (float64, one column after the other).
Prints JSON: for each task the median wall time of the runs in ms, the sum of its values and the first.
lifetimes' likelihood starts its sum at 1e-15, which moves the results of customers whose likelihood is
small (many purchases up to the last opportunity) by up to about 1e-8 relative: `exactSum` is each total
again with that sum started at 0 (computed once, not timed), to check our results without that offset.
"""
import json
import os
import sys

import numpy as np
from scipy.special import betaln, gammaln

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timing import timed  # noqa: E402

from purchases_bgbb import bgbb_conditional, bgbb_loglikelihood


def probability_alive(params, m_periods, x, tx, n):
    # lifetimes' conditional_probability_alive.
    alpha, beta, gamma, delta = params
    p1 = betaln(alpha + x, beta + n - x) - betaln(alpha, beta)
    p2 = betaln(gamma, delta + n + m_periods) - betaln(gamma, delta)
    p3 = bgbb_loglikelihood(params, x, tx, n)
    return np.exp(p1 + p2) / np.exp(p3)


def loglikelihood_without_floor(params, x, tx, n):
    # purchases_bgbb.bgbb_loglikelihood with its sum started at 0 instead of 1e-15 (not lifetimes: the check).
    alpha, beta, gamma, delta = params
    a = betaln(alpha + x, beta + n - x) - betaln(alpha, beta) + betaln(gamma, delta + n) - betaln(gamma, delta)
    b = np.zeros(len(n))
    recency_n = n - tx - 1
    for j in np.arange(recency_n.max() + 1):
        b = b + (recency_n >= j) * np.exp(betaln(alpha + x, beta + tx - x + j) + betaln(gamma + 1, delta + tx + j))
    with np.errstate(divide='ignore'):
        b = np.log(b) - betaln(gamma, delta) - betaln(alpha, beta)
    return np.logaddexp(a, b)


def exact_sums(params, horizon, x, tx, n):
    alpha, beta, gamma, delta = params
    ll = loglikelihood_without_floor(params, x, tx, n)
    first = betaln(alpha + x, beta + n - x) - betaln(alpha, beta)
    alive = np.exp(first + betaln(gamma, delta + n + 1) - betaln(gamma, delta) - ll)
    p2 = np.exp(betaln(alpha + x + 1, beta + n - x) - betaln(alpha, beta))
    p3 = delta / (gamma - 1) * np.exp(gammaln(gamma + delta) - gammaln(1 + delta))
    p4 = np.exp(gammaln(1 + delta + n) - gammaln(gamma + delta + n))
    p5 = np.exp(gammaln(1 + delta + n + horizon) - gammaln(gamma + delta + n + horizon))
    expected = np.exp(-ll) * p2 * p3 * (p4 - p5)
    return float(alive.sum()), float(expected.sum())


def main():
    path, size, horizon, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    params = [float(value) for value in sys.argv[5:9]]
    x, tx, n = np.fromfile(path, dtype='<f8').reshape(3, size).astype(int)
    out = {'runs': runs}
    (ms, cpu), values = timed(lambda: probability_alive(params, 1, x, tx, n), runs)
    out['probabilityAlive'] = {'ms': ms, 'cpu': cpu, 'sum': float(values.sum()), 'first': float(values[0])}
    (ms, cpu), values = timed(lambda: bgbb_conditional(params, horizon, x, tx, n), runs)
    out['conditionalExpected'] = {'ms': ms, 'cpu': cpu, 'sum': float(values.sum()), 'first': float(values[0])}
    alive, expected = exact_sums(params, horizon, x, tx, n)
    out['probabilityAlive']['exactSum'] = alive
    out['conditionalExpected']['exactSum'] = expected
    zero = np.zeros(1, dtype=int)
    (ms, cpu), values = timed(lambda: [bgbb_conditional(params, m, zero, zero, zero)[0] for m in range(1, 105)], runs)
    out['expected'] = {'ms': ms, 'cpu': cpu, 'sum': float(np.sum(values))}
    print(json.dumps(out))


if __name__ == '__main__':
    main()
