// The purchase-count models the prediction functions know, by the `model` name of a fitted model. Each model
// adds itself to KINDS; the predictions read a fitted model here once and dispatch on its kind.
import { invalid } from '../../internal/parse.js';
import { bgBb } from './bgBb.js';
import { bgNbd } from './bgNbd.js';
import type { CountModelKind } from './kinds.js';
import { paretoNbd } from './paretoNbd.js';

/** The range of a parameter: wide enough for any fit, narrow enough for ln Γ and its sums to stay exact. */
const MIN_PARAMETER = 1e-100;
const MAX_PARAMETER = 1e100;

const KINDS: readonly CountModelKind[] = [bgNbd, paretoNbd, bgBb];

/**
 * A fitted model, read and checked: its kind and its parameters in the kind's order. Read-only: readModel
 * returns the same object again for a model with the same kind and parameters.
 */
export interface CountModel {
  readonly kind: CountModelKind;
  readonly parameters: Float64Array;
}

/** The last model read: a scalar prediction called in a loop with one model reads it without allocating. */
let last: CountModel | undefined;
/** The parameters being read, before they are known to differ from the last model's. */
const reading = new Float64Array(KINDS.reduce((most, kind) => Math.max(most, kind.parameters.length), 0));

/** The names of the models the predictions know (`'bg-nbd'`, …). */
export function countModelNames(): string[] {
  return KINDS.map((kind) => kind.name);
}

/** `'bg-nbd', 'pareto-nbd', 'bg-bb'`: the names for the messages. */
const quotedNames = (): string => KINDS.map((kind) => `'${kind.name}'`).join(', ');

/**
 * Reads the fitted model at `[field]`: its `model` name must be a known kind (else `INVALID_INPUT` at
 * `[field, 'model']`), each of the kind's parameters a number from 1e-100 to 1e100 (else at `[field, name]`).
 * Other fields (logLikelihood, converged, …) are ignored. Plain loops, and the messages built only on
 * failure: the scalar predictions call this once per call.
 */
export function readModel(metric: string, value: unknown, field = 'model'): CountModel {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(metric, [field], `must be a fitted model ({ model: ${quotedNames()}, … }), as a fit returns it`);
  }
  const record = value as Record<string, unknown>;
  const name = record.model;
  let kind: CountModelKind | undefined;
  for (const candidate of KINDS) {
    if (candidate.name === name) {
      kind = candidate;
      break;
    }
  }
  if (kind === undefined) {
    const got = typeof name === 'string' ? `, not '${name.slice(0, 40)}'` : '';
    invalid(metric, [field, 'model'], `must be one of ${quotedNames()}${got}`);
  }
  // Each field is read once (a getter may answer differently the second time).
  const names = kind.parameters;
  // Into a typed array, not a list: a double stored in a list is boxed, a new object on every call.
  kind.readFields(record, reading);
  let same = last !== undefined && last.kind === kind;
  for (let k = 0; k < names.length; k++) {
    const parameter = names[k] as string;
    const v = reading[k] as number;
    if (!(v >= MIN_PARAMETER && v <= MAX_PARAMETER)) {
      invalid(
        metric,
        [field, parameter],
        `must be a number from 1e-100 to 1e100 (a parameter of the ${kind.name} model)`,
      );
    }
    if (same && v !== (last as CountModel).parameters[k]) same = false;
  }
  if (same) return last as CountModel;
  const parameters = reading.slice(0, names.length);
  last = { kind, parameters };
  return last;
}
