// JSON that a spreadsheet or jq reads without surprises: money rounded to its currency's minor unit, with the
// currency beside it; other fractions with at most 15 significant digits; integers as they are.
import type { MoneyFields } from '../output.js';
import { plainNumber, type Rounding, roundMoney } from './money.js';

/** The money spec whose field (a key, or `parent.key`) names the number at `keys`, if any. */
function moneyAt(keys: readonly string[], money: readonly MoneyFields[]): MoneyFields | undefined {
  return money.find((spec) =>
    spec.fields.some((field) => {
      const parts = field.split('.');
      return (
        parts.length <= keys.length && parts.every((part, index) => keys[keys.length - parts.length + index] === part)
      );
    }),
  );
}

function clean(value: unknown, keys: readonly string[], money: readonly MoneyFields[], rounding: Rounding): unknown {
  if (typeof value === 'number') return plainNumber(value);
  if (Array.isArray(value)) return value.map((item) => clean(item, keys, money, rounding));
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  let currency: string | undefined;
  for (const [key, item] of Object.entries(value)) {
    const path = [...keys, key];
    const spec = typeof item === 'number' && Number.isFinite(item) ? moneyAt(path, money) : undefined;
    if (spec === undefined) {
      result[key] = clean(item, path, money, rounding);
      continue;
    }
    result[key] = Number(roundMoney(item as number, spec.currency, rounding));
    currency ??= spec.currency;
  }
  if (currency !== undefined && !('currency' in result)) result.currency = currency;
  return result;
}

/**
 * A command's JSON result, pretty-printed. Each number that `money` names is rounded to its currency's minor
 * unit, and each object holding one states its `currency` (unless it already has a field of that name).
 */
export function jsonText(json: unknown, money: readonly MoneyFields[], rounding: Rounding): string {
  return `${JSON.stringify(clean(json, [], money, rounding), null, 2)}\n`;
}
