import { describe, expect, it } from 'vitest';
import { MetricError } from '../index.js';
import { InputError, problemOf, UsageError } from './errors.js';

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
});
