import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { bgBb } from './bgBb.js';
import { readPurchaseModel, readValueModel } from './fittedModels.js';

describe('readPurchaseModel', () => {
  const fitted = {
    model: 'bg-bb',
    alpha: 1.2,
    beta: 0.75,
    gamma: 0.66,
    delta: 2.8,
    logLikelihood: -3,
    converged: true,
  };

  it('finds the model’s formulas by name and reads its parameters in their order', () => {
    const { kind, parameters } = readPurchaseModel('test', fitted, ['purchaseModel']);
    expect(kind).toBe(bgBb);
    expect(Array.from(parameters)).toEqual([1.2, 0.75, 0.66, 2.8]);
  });

  it('names an unknown model and a bad parameter', () => {
    expectMetricError(
      () => readPurchaseModel('test', { ...fitted, model: 'pareto' }, ['purchaseModel']),
      'INVALID_INPUT',
      ['purchaseModel', 'model'],
      "'bg-bb'",
    );
    for (const delta of [0, -1, Number.POSITIVE_INFINITY, Number.NaN, '2.8', undefined]) {
      expectMetricError(() => readPurchaseModel('test', { ...fitted, delta }, ['m']), 'INVALID_INPUT', ['m', 'delta']);
    }
    expectMetricError(() => readPurchaseModel('test', [fitted], ['m']), 'INVALID_INPUT', ['m']);
  });
});

describe('readValueModel', () => {
  it('reads a Gamma-Gamma model and refuses any other', () => {
    expect(readValueModel('test', { model: 'gamma-gamma', p: 6.25, q: 3.74, v: 15.44, customers: 946 }, ['v'])).toEqual(
      {
        p: 6.25,
        q: 3.74,
        v: 15.44,
      },
    );
    expectMetricError(() => readValueModel('test', { model: 'bg-bb', p: 1, q: 1, v: 1 }, ['vm']), 'INVALID_INPUT', [
      'vm',
      'model',
    ]);
    expectMetricError(() => readValueModel('test', { model: 'gamma-gamma', p: 1, q: 1 }, ['vm']), 'INVALID_INPUT', [
      'vm',
      'v',
    ]);
    expectMetricError(() => readValueModel('test', null, ['vm']), 'INVALID_INPUT', ['vm']);
  });
});
