import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthScoreCalibration } from './healthScoreCalibration.js';

const score = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 100_000 }).map((n) => n / 1000),
  fc.double({ min: 0, max: 100, noNaN: true }),
);
/** Scores that halve exactly (no subnormals), for the rescaling check. */
const halvable = fc.oneof(
  fc.integer({ min: 0, max: 100 }),
  fc.integer({ min: 0, max: 100_000 }).map((n) => n / 1000),
);
const account = fc.record({ score, churned: fc.boolean() });
const both = fc
  .array(account, { minLength: 2, maxLength: 60 })
  .filter((accounts) => accounts.some((a) => a.churned) && accounts.some((a) => !a.churned));

/** AUC by comparing every (retained, churned) pair: the definition itself. */
function bruteForce(accounts: readonly { score: number; churned: boolean }[]): number {
  let wins = 0;
  let pairs = 0;
  for (const kept of accounts) {
    if (kept.churned) continue;
    for (const lost of accounts) {
      if (!lost.churned) continue;
      pairs++;
      wins += kept.score > lost.score ? 2 : kept.score === lost.score ? 1 : 0;
    }
  }
  return wins / (2 * pairs);
}

describe('healthScoreCalibration properties', () => {
  it('AUC equals the pair-by-pair probability, and lies in 0–1', () => {
    fc.assert(
      fc.property(both, (accounts) => {
        const { auc } = healthScoreCalibration({ accounts });
        expect(auc).toBe(bruteForce(accounts));
        expect(auc).toBeGreaterThanOrEqual(0);
        expect(auc).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('a perfect predictor has AUC 1 and a reversed one 0', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1 }), fc.array(score, { minLength: 1 }), (low, high) => {
        const top = Math.max(...low);
        const raised = high.map((s) => Math.min(100, top + 1 + s / 100));
        if (raised.some((s) => s <= top)) return;
        const perfect = [
          ...low.map((s) => ({ score: s, churned: true })),
          ...raised.map((s) => ({ score: s, churned: false })),
        ];
        expect(healthScoreCalibration({ accounts: perfect }).auc).toBe(1);
        const reversed = perfect.map((a) => ({ ...a, churned: !a.churned }));
        expect(healthScoreCalibration({ accounts: reversed }).auc).toBe(0);
      }),
    );
  });

  it('swapping churned and retained turns AUC into 1 − AUC; order and monotone rescaling change nothing', () => {
    const sample = fc
      .array(fc.record({ score: halvable, churned: fc.boolean() }), { minLength: 2, maxLength: 60 })
      .filter((accounts) => accounts.some((a) => a.churned) && accounts.some((a) => !a.churned));
    fc.assert(
      fc.property(sample, (accounts) => {
        const { auc } = healthScoreCalibration({ accounts });
        const swapped = healthScoreCalibration({ accounts: accounts.map((a) => ({ ...a, churned: !a.churned })) }).auc;
        expect(swapped).toBeCloseTo(1 - (auc as number), 12);
        expect(healthScoreCalibration({ accounts: [...accounts].reverse() }).auc).toBe(auc);
        const halved = accounts.map((a) => ({ ...a, score: a.score / 2 }));
        expect(healthScoreCalibration({ accounts: halved }, { bands: { red: 25, yellow: 37.5 } }).auc).toBe(auc);
      }),
    );
  });

  it('bands partition the accounts; rates lie within their intervals; the columns form agrees', () => {
    fc.assert(
      fc.property(fc.array(account, { minLength: 1, maxLength: 60 }), (accounts) => {
        const result = healthScoreCalibration({ accounts });
        const bands = [result.red, result.yellow, result.green];
        expect(bands.reduce((n, b) => n + b.accounts, 0)).toBe(accounts.length);
        expect(bands.reduce((n, b) => n + b.churned, 0)).toBe(result.churned);
        for (const band of bands) {
          if (band.accounts === 0) {
            expect(band.churnRate).toBeNull();
            continue;
          }
          expect(band.churnRate).toBe(band.churned / band.accounts);
          expect(band.interval?.low).toBeLessThanOrEqual(band.churnRate as number);
          expect(band.interval?.high).toBeGreaterThanOrEqual(band.churnRate as number);
        }
        const columns = healthScoreCalibration({
          scores: Float64Array.from(accounts, (a) => a.score),
          churned: accounts.map((a) => a.churned),
        });
        expect(columns).toEqual(result);
      }),
    );
  });
});
