"""Customer value over a BG/NBD and a Gamma-Gamma model, the way lifetimes (0.11) computes it, as the benchmark's
stand-in for it.

lifetimes cannot be installed here. Its customer_lifetime_value takes the Gamma-Gamma expected spend of each
customer (conditional_expected_average_profit) and, month by month, the difference of the purchase model's
cumulative conditional expectations at the month's end and start, discounted by (1 + d)^month. The BG/NBD
conditional expectation is lifetimes' formula with scipy.special.hyp2f1 (purchases_bgnbd.py). lifetimes
counts a month as 4.345 weeks; the library counts 52/12, so the stand-in is given the month's length to
compute the same quantity.

Usage: /usr/bin/python3 purchases_value.py TASK DATA.f64 N RUNS
TASK bgnbd-value: DATA.f64 holds the columns frequency, recency, age, monetary value (N each), then r, alpha,
a, b, p, q, v, months, discount rate, weeks per month.
Prints one JSON object: the median wall and CPU times in milliseconds and the results to compare.
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from purchases_bgnbd import conditional_expected  # noqa: E402
from timing import timed  # noqa: E402


def gg_expected(x, m, p, q, v):
    individual_weight = p * x / (p * x + q - 1)
    population_mean = v * p / (q - 1)
    return (1 - individual_weight) * population_mean + individual_weight * m


def bgnbd_value(x, t_x, T, m, params, gg, months, discount, per_month):
    spend = gg_expected(x, m, *gg)
    value = np.zeros(len(x))
    for month in range(1, months + 1):
        expected = conditional_expected(params, month * per_month, x, t_x, T) - conditional_expected(
            params, (month - 1) * per_month, x, t_x, T
        )
        value += spend * expected / (1 + discount) ** month
    return {"total": float(value.sum()), "first": value[:5].tolist()}


def main():
    task, path, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    data = np.fromfile(path, dtype="<f8")
    if task == "bgnbd-value":
        x, t_x, T, m = data[: 4 * size].reshape(4, size)
        rest = data[4 * size :]
        run = lambda: bgnbd_value(x, t_x, T, m, rest[0:4], rest[4:7], int(rest[7]), rest[8], rest[9])
    else:
        raise SystemExit(f"unknown task {task}")
    (ms, cpu), result = timed(run, runs)
    result["ms"] = ms
    result["cpu"] = cpu
    result["runs"] = runs
    print(json.dumps(result))


if __name__ == "__main__":
    main()
