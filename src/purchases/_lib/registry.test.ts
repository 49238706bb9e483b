import { describe, expect, it } from 'vitest';
import { isMetricError } from '../../errors.js';
import { countModelNames, readModel } from './registry.js';

function path(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isMetricError(error)) return error.issues[0]?.path;
    throw error;
  }
  throw new Error('expected a MetricError');
}

describe('readModel', () => {
  const fit = { model: 'bg-nbd', r: 0.243, alpha: 4.414, a: 0.793, b: 2.426, logLikelihood: -9582.4 };
  it('reads a fitted model into its kind and its parameters in order', () => {
    const { kind, parameters } = readModel('m', fit);
    expect(kind.name).toBe('bg-nbd');
    expect(Array.from(parameters)).toEqual([0.243, 4.414, 0.793, 2.426]);
    expect(countModelNames()).toContain('bg-nbd');
  });

  it("reads every kind's parameters by name, in the order of its parameters, each field once", () => {
    for (const name of countModelNames()) {
      const reads: string[] = [];
      const model: Record<string, unknown> = { model: name };
      const names = readModel('m', { model: name, r: 1, alpha: 1, a: 1, b: 1, s: 1, beta: 1, gamma: 1, delta: 1 }).kind
        .parameters;
      names.forEach((field, k) => {
        Object.defineProperty(model, field, {
          enumerable: true,
          get: () => {
            reads.push(field);
            return k + 1;
          },
        });
      });
      expect(Array.from(readModel('m', model).parameters)).toEqual([1, 2, 3, 4]);
      expect(reads).toEqual(names);
    }
  });

  it('reads the same model again without a copy, and a changed one afresh', () => {
    const model = { ...fit };
    const first = readModel('m', model);
    expect(readModel('m', { ...fit })).toBe(first);
    model.r = 0.5;
    expect(Array.from(readModel('m', model).parameters)).toEqual([0.5, 4.414, 0.793, 2.426]);
    model.r = -1;
    expect(path(() => readModel('m', model))).toEqual(['model', 'r']);
    expect(path(() => readModel('m', { ...fit, model: 'pareto-nbd' }))).toEqual(['model', 's']);
  });

  it('names an unknown kind, a bad parameter or a missing model', () => {
    expect(path(() => readModel('m', { ...fit, model: 'pareto' }))).toEqual(['model', 'model']);
    expect(path(() => readModel('m', { ...fit, model: undefined }))).toEqual(['model', 'model']);
    expect(path(() => readModel('m', { ...fit, a: 0 }))).toEqual(['model', 'a']);
    expect(path(() => readModel('m', { ...fit, alpha: Number.POSITIVE_INFINITY }))).toEqual(['model', 'alpha']);
    expect(path(() => readModel('m', { ...fit, b: '2' }))).toEqual(['model', 'b']);
    expect(path(() => readModel('m', null))).toEqual(['model']);
    expect(path(() => readModel('m', [], 'purchaseModel'))).toEqual(['purchaseModel']);
  });
});
