// Measures for the tests of the health scorer's building blocks.
import { rationalOf } from '../../src/internal/exact/rational.js';
import { type Measure, readMeasure } from '../../src/health/_lib/scale.js';

/** A validated measure with integer weight `units` (its configured weight too). */
export function measureOf(name: string, units: bigint, scale: Record<string, unknown>): Measure {
  return { ...readMeasure(name, rationalOf(Number(units)), scale), units };
}

/** The NPS steps of the examples: 0–6 score 0, 7–8 score 50, 9–10 score 100. */
export const npsSteps: Record<string, unknown> = {
  kind: 'steps',
  steps: [
    { from: 0, score: 0 },
    { from: 7, score: 50 },
    { from: 9, score: 100 },
  ],
};
