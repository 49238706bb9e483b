// JSON that a spreadsheet or jq reads without surprises: money rounded to its currency's minor unit, with the
// currency beside it; other fractions with at most 15 significant digits; integers as they are.
//
// The text is produced in pieces while the result is walked once, so that a result of a million rows (built
// lazily, row by row) never exists whole in memory, neither as a cleaned copy nor as one string. The pieces
// are exactly what `JSON.stringify(cleaned, null, 2)` writes.
import type { MoneyFields } from '../output.js';
import { plainNumber, type Rounding, roundMoney } from './money.js';

/** About how many characters each piece of the text holds. */
export const CHUNK_SIZE = 64 * 1024;

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

interface Rules {
  readonly money: readonly MoneyFields[];
  readonly rounding: Rounding;
}

/**
 * An object's fields as the JSON view shows them: numbers cleaned, other values still to be cleaned; and the
 * currency of its money, to be stated beside it.
 */
interface Fields {
  readonly entries: [key: string, value: unknown, done: boolean][];
  readonly currency: string | undefined;
}

/** One level of cleaning: the object's own fields, money rounded, and the currency it states, if any. */
function fieldsOf(value: object, keys: readonly string[], rules: Rules): Fields {
  const entries: [string, unknown, boolean][] = [];
  let currency: string | undefined;
  for (const [key, item] of Object.entries(value)) {
    const spec = typeof item === 'number' && Number.isFinite(item) ? moneyAt([...keys, key], rules.money) : undefined;
    if (spec !== undefined) {
      entries.push([key, Number(roundMoney(item as number, spec.currency, rules.rounding)), true]);
      currency ??= spec.currency;
    } else if (typeof item === 'number') entries.push([key, plainNumber(item), true]);
    else entries.push([key, item, false]);
  }
  return { entries, currency };
}

/** A deep cleaned copy, for the rare object whose own fields change how it is written (`toJSON`, `__proto__`). */
function clean(value: unknown, keys: readonly string[], rules: Rules): unknown {
  if (typeof value === 'number') return plainNumber(value);
  if (Array.isArray(value)) return value.map((item) => clean(item, keys, rules));
  if (typeof value !== 'object' || value === null) return value;
  const result: Record<string, unknown> = {};
  const { entries, currency } = fieldsOf(value, keys, rules);
  for (const [key, item, done] of entries) result[key] = done ? item : clean(item, [...keys, key], rules);
  if (currency !== undefined && !('currency' in result)) result.currency = currency;
  return result;
}

/** True when an object of these fields is not written as its plain fields by `JSON.stringify`. */
function unusual(fields: Fields): boolean {
  return fields.entries.some(([key, item]) => key === '__proto__' || (key === 'toJSON' && typeof item === 'function'));
}

/**
 * A value as `JSON.stringify` writes it as the property `key` of an object indented by `indent` (undefined when
 * it is left out): the serializer itself decides, for values the walk does not write by itself.
 */
function standalone(value: unknown, key: string, indent: string): string | undefined {
  const text = JSON.stringify({ [key]: value }, null, 2);
  if (text === '{}') return undefined;
  const head = `{\n  ${JSON.stringify(key)}: `.length;
  return text.slice(head, -2).replaceAll('\n  ', `\n${indent}`);
}

/** A value that is written as it is: text, or undefined when `JSON.stringify` leaves it out. */
function simple(value: unknown, key: string, indent: string): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
    return JSON.stringify(value);
  return standalone(value, key, indent);
}

/** Writes JSON into a buffer that is handed out in pieces of about CHUNK_SIZE characters. */
class Writer {
  private text = '';

  constructor(private readonly rules: Rules) {}

  /** The buffered text, once it is large enough to hand out (or at the end, with `force`). */
  take(force = false): string | undefined {
    if (this.text.length < CHUNK_SIZE && !(force && this.text.length > 0)) return undefined;
    const piece = this.text;
    this.text = '';
    return piece;
  }

  /**
   * Writes `value`, not yet cleaned, found at `key` of its parent; `keys` is its path of field names. Returns
   * false when the value is left out (undefined, a function), having written nothing.
   */
  *value(
    value: unknown,
    key: string,
    keys: readonly string[],
    indent: string,
    prefix: string,
  ): Generator<string, boolean> {
    if (typeof value === 'number') value = plainNumber(value);
    if (Array.isArray(value)) {
      this.text += prefix;
      yield* this.array(value, keys, indent);
      return true;
    }
    if (typeof value === 'object' && value !== null) {
      const fields = fieldsOf(value, keys, this.rules);
      if (!unusual(fields)) {
        this.text += prefix;
        yield* this.object(fields, keys, indent);
        return true;
      }
      value = clean(value, keys, this.rules);
    }
    const text = simple(value, key, indent);
    if (text === undefined) return false;
    this.text += prefix + text;
    return true;
  }

  private *array(items: readonly unknown[], keys: readonly string[], indent: string): Generator<string, void> {
    const inner = `${indent}  `;
    let index = 0;
    // for…of, never indexing: a lazily built array builds each element once, in order.
    for (const item of items) {
      const prefix = `${index === 0 ? '[' : ','}\n${inner}`;
      if (!(yield* this.value(item, String(index), keys, inner, prefix))) this.text += `${prefix}null`;
      index++;
      const piece = this.take();
      if (piece !== undefined) yield piece;
    }
    this.text += index === 0 ? '[]' : `\n${indent}]`;
  }

  private *object(fields: Fields, keys: readonly string[], indent: string): Generator<string, void> {
    const inner = `${indent}  `;
    let first = true;
    const entries: readonly (readonly [string, unknown, boolean])[] =
      fields.currency === undefined || fields.entries.some(([key]) => key === 'currency')
        ? fields.entries
        : [...fields.entries, ['currency', fields.currency, true]];
    for (const [key, item, done] of entries) {
      const prefix = `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      if (done) {
        const text = simple(item, key, inner);
        if (text === undefined) continue;
        this.text += prefix + text;
      } else if (!(yield* this.value(item, key, [...keys, key], inner, prefix))) continue;
      first = false;
      const piece = this.take();
      if (piece !== undefined) yield piece;
    }
    this.text += first ? '{}' : `\n${indent}}`;
  }
}

/**
 * A command's JSON result, pretty-printed, in pieces of about CHUNK_SIZE characters. Each number that `money`
 * names is rounded to its currency's minor unit, and each object holding one states its `currency` (unless it
 * already has a field of that name). The result is read once, in order: its arrays may be built lazily.
 */
export function* jsonChunks(json: unknown, money: readonly MoneyFields[], rounding: Rounding): Generator<string, void> {
  const writer = new Writer({ money, rounding });
  // Like JSON.stringify, a result that has no JSON form writes `undefined`.
  if (!(yield* writer.value(json, '', [], '', ''))) yield 'undefined\n';
  else yield `${writer.take(true) ?? ''}\n`;
}

/** A command's JSON result, pretty-printed as one text (see `jsonChunks`). */
export function jsonText(json: unknown, money: readonly MoneyFields[], rounding: Rounding): string {
  return [...jsonChunks(json, money, rounding)].join('');
}
