// The covariates of `drivers`, read from the customers file's columns: a column whose every cell is a number is
// one covariate; any other becomes one 0/1 indicator per level, `column=level`, against its most frequent
// level (the reference, with no column of its own), as R's treatment contrasts and lifelines' formulas do.
import type { CustomerLifetime } from '../../retention/index.js';
import type { LoadedRecords } from '../command.js';
import { InputError, UsageError } from '../errors.js';

/** Levels above this many make a column unfit for indicators (an identifier, a free-text column …). */
export const MAXIMUM_LEVELS = 20;

/** A column's covariates: one numeric column, or the indicators of a categorical one. */
export interface CovariateColumn {
  /** The file's column. */
  readonly column: string;
  /** Its reference level, for a categorical column; undefined for a numeric one. */
  readonly reference: string | undefined;
  /** The covariates' names (`tenure`, or `plan=scale` …) and values, one per customer kept. */
  readonly covariates: readonly { readonly name: string; readonly values: Float64Array }[];
}

/** A cell as a number: a finite decimal, written as such (not blank, not `0x10`, not `1e`). */
function numeric(text: string): number | undefined {
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * The covariates of `column` over the records at `kept` (their indexes in the file). A blank cell stops at
 * its line; a column with one value, or more than {@link MAXIMUM_LEVELS} levels, is refused saying why.
 */
export function covariateColumn(
  loaded: LoadedRecords<CustomerLifetime>,
  column: string,
  kept: Int32Array,
): CovariateColumn {
  const n = kept.length;
  const cells = new Array<string>(n);
  for (let k = 0; k < n; k++) {
    const i = kept[k] as number;
    const cell = loaded.record(i).attributes?.[column];
    if (cell === undefined) {
      throw new InputError(
        loaded.file,
        loaded.locations.at(i),
        column,
        `${column} is blank: --covariate ${column} needs a value on every customer (fill it, or leave out that --covariate, or those customers with --where)`,
      );
    }
    cells[k] = cell;
  }
  const numbers = new Float64Array(n);
  let allNumbers = true;
  for (let k = 0; k < n && allNumbers; k++) {
    const value = numeric(cells[k] as string);
    if (value === undefined) allNumbers = false;
    else numbers[k] = value;
  }
  if (allNumbers) {
    if (n > 0 && numbers.every((value) => value === numbers[0])) {
      throw new UsageError(
        `${loaded.file}: column ${column} is ${numbers[0]} for every customer: a constant cannot explain churn; leave out --covariate ${column}`,
      );
    }
    return { column, reference: undefined, covariates: [{ name: column, values: numbers }] };
  }
  const counts = new Map<string, number>();
  for (const cell of cells) counts.set(cell, (counts.get(cell) ?? 0) + 1);
  const levels = [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (levels.length === 1) {
    throw new UsageError(
      `${loaded.file}: column ${column} is '${levels[0]}' for every customer: a constant cannot explain churn; leave out --covariate ${column}`,
    );
  }
  if (levels.length > MAXIMUM_LEVELS) {
    throw new UsageError(
      `${loaded.file}: column ${column} has ${levels.length} different values, too many to compare each with the others (at most ${MAXIMUM_LEVELS}): group them in a column of their own, or leave out --covariate ${column}`,
    );
  }
  // The most frequent level is the reference; among equally frequent ones, the first by name.
  let reference = levels[0] as string;
  for (const level of levels) if ((counts.get(level) as number) > (counts.get(reference) as number)) reference = level;
  const covariates = levels
    .filter((level) => level !== reference)
    .map((level) => {
      const values = new Float64Array(n);
      for (let k = 0; k < n; k++) values[k] = cells[k] === level ? 1 : 0;
      return { name: `${column}=${level}`, values };
    });
  return { column, reference, covariates };
}
