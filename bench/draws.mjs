// Random draws for the purchase models' synthetic bases, from a seeded uniform generator `next` (harness.mjs).

/** A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 through Gamma(shape + 1)·U^(1/shape)). */
export function gammaDraw(next, shape) {
  if (shape < 1) return gammaDraw(next, shape + 1) * next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x;
    let v;
    do {
      x = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A Beta(a, b) draw, as a ratio of Gamma draws. */
export function betaDraw(next, a, b) {
  const g = gammaDraw(next, a);
  return g / (g + gammaDraw(next, b));
}
