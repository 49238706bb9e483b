import { describe, expect, it } from 'vitest';
import { InputError, UsageError } from './errors.js';

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
});
