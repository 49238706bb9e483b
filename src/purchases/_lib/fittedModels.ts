// Reading fitted models passed back to the prediction functions: a purchase-count model (its `model` name
// chooses its formulas) and a Gamma-Gamma value model. A fitted model is the object a fit returned, so
// fields other than the name and the parameters (logLikelihood, converged, …) are accepted and ignored.
import { invalid } from '../../internal/parse.js';
import { bgBb } from './bgBb.js';
import type { CountModelKind } from './kinds.js';

type Path = readonly (string | number)[];

/** The purchase-count models these functions know, by name. */
const KINDS: readonly CountModelKind[] = [bgBb];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readObject(metric: string, value: unknown, path: Path, what: string): Record<string, unknown> {
  if (!isObject(value)) invalid(metric, path, `must be ${what}, as a fit returns it`);
  return value;
}

function readParameters(
  metric: string,
  model: Record<string, unknown>,
  names: readonly string[],
  path: Path,
): Float64Array {
  const parameters = new Float64Array(names.length);
  names.forEach((name, k) => {
    const value = model[name];
    if (typeof value !== 'number' || !(value > 0) || value === Number.POSITIVE_INFINITY) {
      invalid(metric, [...path, name], 'must be a positive finite number (a fitted parameter)');
    }
    parameters[k] = value;
  });
  return parameters;
}

/** A purchase-count model: its formulas and its parameters in their order. */
export interface PurchaseModel {
  readonly kind: CountModelKind;
  readonly parameters: Float64Array;
}

/** Reads a fitted purchase-count model; an unknown `model` name is reported at `[...path, 'model']`. */
export function readPurchaseModel(metric: string, value: unknown, path: Path): PurchaseModel {
  const model = readObject(metric, value, path, 'a fitted purchase model');
  const kind = KINDS.find((candidate) => candidate.name === model.model);
  if (kind === undefined) {
    const names = KINDS.map((candidate) => `'${candidate.name}'`).join(', ');
    invalid(metric, [...path, 'model'], `must name a purchase model (${names})`);
  }
  return { kind, parameters: readParameters(metric, model, kind.parameters, path) };
}

/** Gamma-Gamma parameters. */
export interface ValueModel {
  readonly p: number;
  readonly q: number;
  readonly v: number;
}

/** Reads a fitted Gamma-Gamma model; another `model` name is reported at `[...path, 'model']`. */
export function readValueModel(metric: string, value: unknown, path: Path): ValueModel {
  const model = readObject(metric, value, path, 'a fitted Gamma-Gamma model');
  if (model.model !== 'gamma-gamma') invalid(metric, [...path, 'model'], "must be 'gamma-gamma'");
  const [p, q, v] = readParameters(metric, model, ['p', 'q', 'v'], path) as unknown as [number, number, number];
  return { p, q, v };
}
