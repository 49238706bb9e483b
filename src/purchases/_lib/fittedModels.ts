// Reading the fitted Gamma-Gamma model passed back to the value functions (purchase-count models are read by
// the family's registry). A fitted model is the object a fit returned, so
// fields other than the name and the parameters (logLikelihood, converged, …) are accepted and ignored.
import { invalid } from '../../internal/parse.js';

type Path = readonly (string | number)[];

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
