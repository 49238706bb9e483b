import { describe, expect, it } from 'vitest';
import { covariatePath, fromColumns, fromRecords } from './coxInput.js';

describe('fromRecords', () => {
  it('reads records into flat arrays, covariates row-major in the first record’s order', () => {
    const data = fromRecords('m', [
      { duration: 3, churned: true, covariates: { a: 1, b: 2 } },
      { duration: -0, churned: false, covariates: { b: 4, a: 3 }, entry: 0 },
    ]);
    expect(data.names).toEqual(['a', 'b']);
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4]);
    expect(Array.from(data.churned)).toEqual([1, 0]);
    expect(Object.is(data.durations[1], 0)).toBe(true);
    expect(Array.from(data.entries ?? [])).toEqual([0, 0]);
    expect(covariatePath(data, 'b', 1)).toEqual(['observations', 1, 'covariates', 'b']);
  });
});

describe('fromColumns', () => {
  it('reads columns, flags as booleans or 1 and 0', () => {
    const data = fromColumns('m', [1, 2], [true, 0], { a: Float64Array.of(5, 6) }, undefined);
    expect(Array.from(data.churned)).toEqual([1, 0]);
    expect(data.entries).toBe(null);
    expect(covariatePath(data, 'a')).toEqual(['covariates', 'a']);
  });
});
