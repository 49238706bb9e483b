import { describe, expect, it } from 'vitest';
import { cdnowColumns } from '../../../test/support/paretoNbdCdnow.js';
import { paretoNbdObjective } from './paretoNbdLikelihood.js';

const relative = (value: number, reference: number) => Math.abs(value / reference - 1);
const logs = (values: number[]) => Float64Array.from(values, Math.log);

describe('paretoNbdObjective', () => {
  it('is the CDNOW log-likelihood of 30-digit quadrature', () => {
    // BTYD's estimates (walkthrough: 0.5533971, 10.5801985, 0.6060625, 11.6562237); mpmath 1.2.1 at 30 digits
    // integrating s ∫ (α + τ)^−(r+x) (β + τ)^−(s+1) dτ over [tₓ, T] for each customer: −9594.97394947621. BTYD
    // itself prints −9594.976 (its 2F1 is a truncated series).
    const objective = paretoNbdObjective(cdnowColumns());
    const value = objective(logs([0.5533971, 10.5801985, 0.6060625, 11.6562237]), new Float64Array(4));
    expect(relative(value, -9594.97394947621)).toBeLessThan(1e-11);
  });

  it('has the gradient of its value in the log parameters', () => {
    const objective = paretoNbdObjective(cdnowColumns());
    for (const point of [logs([0.55, 10.58, 0.61, 11.67]), logs([0.3, 40, 2, 5]), logs([2, 1, 0.1, 300])]) {
      const gradient = new Float64Array(4);
      objective(point, gradient);
      for (let j = 0; j < 4; j++) {
        const h = 1e-6;
        const up = Float64Array.from(point);
        up[j] = (up[j] as number) + h;
        const down = Float64Array.from(point);
        down[j] = (down[j] as number) - h;
        const numeric = (objective(up, new Float64Array(4)) - objective(down, new Float64Array(4))) / (2 * h);
        expect(Math.abs((gradient[j] as number) - numeric), `∂/∂ln θ${j}`).toBeLessThan(
          1e-5 * Math.max(1, Math.abs(numeric)),
        );
      }
    }
  });

  it('stays finite for a customer with 500 purchases over 5 000 days', () => {
    // ln L of that customer alone, with CDNOW's parameters in days (α and β × 7): mpmath, −1662.7090289291.
    const objective = paretoNbdObjective({
      frequency: Float64Array.of(500),
      recency: Float64Array.of(4990),
      age: Float64Array.of(5000),
    });
    const gradient = new Float64Array(4);
    const value = objective(logs([0.5533971, 10.5801985 * 7, 0.6060625, 11.6562237 * 7]), gradient);
    expect(relative(value, -1662.7090289291)).toBeLessThan(1e-12);
    expect(gradient.every(Number.isFinite)).toBe(true);
  });
});
