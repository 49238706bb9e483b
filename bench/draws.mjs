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

/**
 * One customer of the BG/NBD model (Gamma(r, α) purchase rate per week, Beta(a, b) lapse after each
 * purchase), first seen 190 to 273 days before the end, in whole days as summarizePurchases makes them:
 * [repeat purchases, day of the last one (0 without), days observed]. `gamma` draws Gamma(shape, 1).
 */
export function bgNbdHistory(next, { r, alpha, a, b }, gamma = gammaDraw) {
  const rate = gamma(next, r) / alpha;
  const g = gamma(next, a);
  const lapse = g / (g + gamma(next, b));
  const days = 190 + Math.floor(next() * 84);
  let time = 0;
  let last = 0;
  let x = 0;
  for (;;) {
    time += -Math.log(1 - next()) / rate;
    if (time * 7 >= days) break;
    x++;
    last = time;
    if (next() < lapse) break;
  }
  return [x, x === 0 ? 0 : Math.min(days, Math.max(1, Math.ceil(last * 7))), days];
}

/**
 * One customer of the BG/BB model (Beta(α, β) purchase probability, Beta(γ, δ) lapse per opportunity) over
 * 1 to `most` opportunities: [purchases, opportunity of the last one (0 without), opportunities].
 */
export function bgBbHistory(next, [alpha, beta, gamma, delta], most = 24) {
  const p = betaDraw(next, alpha, beta);
  const theta = betaDraw(next, gamma, delta);
  const total = 1 + Math.floor(next() * most);
  let x = 0;
  let last = 0;
  for (let t = 1; t <= total; t++) {
    if (next() < theta) break;
    if (next() < p) {
      x++;
      last = t;
    }
  }
  return [x, last, total];
}
