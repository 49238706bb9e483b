// Special functions in double precision, shared by the families that fit or test distributions: ln Γ from
// Lanczos' approximation (g = 7, nine terms) below 10 and Stirling's series above (Abramowitz & Stegun
// 6.1.41), ln B computed without the cancellation of large log-gamma values (as R's lbeta does), and the
// digamma function ψ = Γ'/Γ from its asymptotic series (A&S 6.3.18) after the recurrence ψ(x) = ψ(x + 1) − 1/x,
// and the trigamma function ψ' the same way (A&S 6.4.12, after ψ'(x) = ψ'(x + 1) + 1/x²).

const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Lanczos coefficients (g = 7, n = 9): ln Γ to about 1e-15 for arguments below STIRLING_FROM. */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** From here on, Stirling's series with its first seven correction terms is exact to double precision. */
const STIRLING_FROM = 10;

/** ln Γ(x) − (x − ½) ln x + x − ½ ln 2π for x ≥ 10: Stirling's correction series (Abramowitz & Stegun 6.1.41). */
function stirlingCorrection(x: number): number {
  const r = 1 / (x * x);
  return (
    (1 / 12 +
      r * (-1 / 360 + r * (1 / 1260 + r * (-1 / 1680 + r * (1 / 1188 + r * (-691 / 360360 + r * (1 / 156))))))) /
    x
  );
}

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  if (x >= STIRLING_FROM) return (x - 0.5) * Math.log(x) - x + LOG_SQRT_2PI + stirlingCorrection(x);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let sum = LANCZOS[0] as number;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) sum += (LANCZOS[i] as number) / (y + i);
  return LOG_SQRT_2PI + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), without the cancellation of large log-gamma values. */
export function logBeta(a: number, b: number): number {
  const p = Math.min(a, b);
  const q = Math.max(a, b);
  if (p >= STIRLING_FROM) {
    const correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
    return (
      -0.5 * Math.log(q) + LOG_SQRT_2PI + correction + (p - 0.5) * Math.log(p / (p + q)) + q * Math.log1p(-p / (p + q))
    );
  }
  if (q >= STIRLING_FROM) {
    const correction = stirlingCorrection(q) - stirlingCorrection(p + q);
    return logGamma(p) + correction + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
  }
  return logGamma(p) + logGamma(q) - logGamma(p + q);
}

/** From here on, the asymptotic series of ψ with terms to x^−14 is exact to double precision. */
const DIGAMMA_FROM = 10;

/** ψ(x) = d ln Γ(x) / dx for x > 0. */
export function digamma(x: number): number {
  let shift = 0;
  let y = x;
  while (y < DIGAMMA_FROM) {
    shift -= 1 / y;
    y += 1;
  }
  const r = 1 / (y * y);
  const series =
    r * (1 / 12 - r * (1 / 120 - r * (1 / 252 - r * (1 / 240 - r * (1 / 132 - r * (691 / 32760 - r / 12))))));
  return shift + Math.log(y) - 0.5 / y - series;
}

/** ψ'(x) = d²ln Γ(x)/dx² for x > 0 (A&S 6.4.12: the asymptotic series, with terms to x^−15, from 10 on). */
export function trigamma(x: number): number {
  let shift = 0;
  let y = x;
  while (y < DIGAMMA_FROM) {
    shift += 1 / (y * y);
    y += 1;
  }
  const r = 1 / (y * y);
  const series =
    (1 / 6 - r * (1 / 30 - r * (1 / 42 - r * (1 / 30 - r * (5 / 66 - r * (691 / 2730 - r * (7 / 6))))))) / y;
  return shift + (1 + (0.5 + series) / y) / y;
}
