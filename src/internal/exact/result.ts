// The last step of every metric: a plain number that is finite, with -0 folded into 0. Apart from the
// decimal module, so that metrics computed without decimals (counts, exact integers and rationals,
// double-precision models) do not load decimal.js.
import { MetricError } from '../../errors.js';
import { type Int, ratioToNumber } from './integer.js';

/**
 * Guards a result: a value beyond the double range (huge inputs multiplied or divided) is an
 * `INVALID_INPUT` naming the field rather than `Infinity`; `-0` becomes `0`.
 */
export function finiteResult(metric: string, value: number, field: string): number {
  if (Number.isFinite(value)) return value === 0 ? 0 : value;
  throw new MetricError(metric, 'INVALID_INPUT', [
    {
      code: 'custom',
      path: [],
      message: `${field} is too large to represent as a number; the inputs are out of range`,
      reason: 'is too large to represent as a number; the inputs are out of range',
    },
  ]);
}

/** `numerator ÷ denominator` (`denominator > 0`) as the nearest double, guarded by {@link finiteResult}. */
export function ratioResult(metric: string, numerator: Int, denominator: Int, field: string): number {
  return finiteResult(metric, ratioToNumber(numerator, denominator), field);
}
