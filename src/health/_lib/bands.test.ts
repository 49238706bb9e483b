import { describe, expect, it } from 'vitest';
import { catchMetricError } from '../../../test/support/errors.js';
import { DEFAULT_BANDS, readBands, statusOf } from './bands.js';
import { rationalOf } from '../../internal/exact/rational.js';

describe('bands', () => {
  it('default to Gainsight’s 50 / 75', () => {
    const bands = readBands('m', undefined, ['bands']);
    expect(DEFAULT_BANDS).toEqual({ red: 50, yellow: 75 });
    expect([bands.redAtMost, bands.yellowAtMost]).toEqual([50, 75]);
  });

  it('decide a status on the exact score: at a band’s value is that band, above it the next', () => {
    const bands = readBands('m', { red: 40, yellow: '60.5' }, ['bands']);
    expect(statusOf(rationalOf(40), bands)).toBe('red');
    expect(statusOf(rationalOf('40.000000000000000001'), bands)).toBe('yellow');
    expect(statusOf(rationalOf('60.5'), bands)).toBe('yellow');
    expect(statusOf(rationalOf(60.50001), bands)).toBe('green');
  });

  it('give the largest double at or below a band that is not a double', () => {
    // 50.00000000000000000001 rounds to the double 50, which is below it: 50 is still red.
    const bands = readBands('m', { red: '50.00000000000000000001', yellow: 75 }, ['bands']);
    expect(bands.redAtMost).toBe(50);
    // The double nearest to 0.09999999999999999999 is 0.1, above it: red ends at the double before 0.1.
    const tenth = readBands('m', { red: '0.09999999999999999999', yellow: 75 }, ['bands']);
    expect(tenth.redAtMost).toBe(0.09999999999999999);
  });

  it('reject red not below yellow, naming the field under the given path and root', () => {
    const error = catchMetricError(() => readBands('m', { red: 75, yellow: 75 }, ['bands'], 'options'));
    expect(error.metric).toBe('m');
    expect(error.issues[0]?.path).toEqual(['bands', 'yellow']);
    expect(error.code).toBe('INVALID_INPUT');
  });
});
