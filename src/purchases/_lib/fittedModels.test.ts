import { describe, expect, it } from 'vitest';
import { expectMetricError } from '../../../test/support/errors.js';
import { readValueModel } from './fittedModels.js';

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
