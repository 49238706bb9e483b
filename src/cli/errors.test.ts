import { describe, expect, it } from 'vitest';
import { MetricError } from '../index.js';
import { InputError, inFlagWords, metricProblem, problemOf, UsageError } from './errors.js';

describe('command-line errors', () => {
  it('locates an input error by file, location and column', () => {
    expect(new InputError('a.csv', 'line 4', 'score', 'score must be at most 10').message).toBe(
      'a.csv, line 4, column score: score must be at most 10',
    );
    expect(new InputError('a.json', undefined, undefined, 'is not valid JSON').message).toBe(
      'a.json: is not valid JSON',
    );
  });

  it('names its kind', () => {
    expect(new UsageError('x').name).toBe('UsageError');
    expect(new InputError('a', undefined, undefined, 'x').name).toBe('InputError');
  });

  it('says what a library error says, without the name of the function', () => {
    const issue = (field: string) => ({ code: 'custom', path: [field], message: `${field} is bad`, reason: 'is bad' });
    expect(problemOf(new MetricError('m', 'INVALID_INPUT', [issue('a')]))).toBe('a is bad');
    expect(problemOf(new MetricError('m', 'INVALID_INPUT', [issue('a'), issue('b')]))).toBe('a is bad (and 1 more)');
    expect(problemOf(new MetricError('m', 'NO_DATA', []))).toBe('m: invalid input');
  });

  it('names the flag of an option the library rejects', () => {
    const flags = { confidence: '--confidence', exchangeRates: '--rates or --rate', currency: '--currency' };
    const issue = (path: (string | number)[], reason: string) => ({
      code: 'custom',
      path,
      message: `x ${reason}`,
      reason,
    });
    const option = new MetricError('netPromoterScore', 'INVALID_INPUT', [issue(['confidence'], 'must be less than 1')]);
    expect(metricProblem(option, flags)).toBe('--confidence must be less than 1');
    const nested = new MetricError('m', 'INVALID_INPUT', [
      issue(['exchangeRates', 'EUR'], 'must be positive'),
      issue([], 'x'),
    ]);
    expect(metricProblem(nested, flags)).toBe('--rates or --rate: EUR must be positive (and 1 more)');
    // A record's field that shares an option's name is data, not the option.
    const record = new MetricError('m', 'INVALID_INPUT', [issue(['currency', 3], 'is bad')]);
    expect(metricProblem(record, flags)).toBe('m: x is bad');
    expect(metricProblem(record, {})).toBe('m: x is bad');
    expect(inFlagWords('needs options.exchangeRates and a target options.currency; options.other', flags)).toBe(
      'needs --rates or --rate and a target --currency; options.other',
    );
  });
});
