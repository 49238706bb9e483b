import { describe, expect, it } from 'vitest';
import { MetricError } from '../index.js';
import { UsageError } from './errors.js';
import { checkOptions, inFlagWords, metricProblem } from './flags.js';

const flags = {
  confidence: '--confidence',
  exchangeRates: '--rates or --rate',
  currency: '--currency',
  satisfiedFrom: '--satisfied-from',
  scale: '--scale',
};
const issue = (path: (string | number)[], reason: string) => ({ code: 'custom', path, message: `x ${reason}`, reason });

describe('library errors in flag words', () => {
  it('names the flag of an option the library rejects', () => {
    const option = new MetricError('netPromoterScore', 'INVALID_INPUT', [issue(['confidence'], 'must be less than 1')]);
    expect(metricProblem(option, flags)).toBe('--confidence must be less than 1');
    const nested = new MetricError('m', 'INVALID_INPUT', [
      issue(['exchangeRates', 'EUR'], 'must be positive'),
      issue([], 'x'),
    ]);
    expect(metricProblem(nested, flags)).toBe('--rates or --rate: EUR must be positive (and 1 more)');
    const scale = new MetricError('m', 'INVALID_INPUT', [issue(['scale', 'max'], 'must be greater than min')]);
    expect(metricProblem(scale, flags)).toBe('--scale: max must be greater than min');
    // A record's field that shares an option's name is data, not the option.
    const record = new MetricError('m', 'INVALID_INPUT', [issue(['currency', 3], 'is bad')]);
    expect(metricProblem(record, flags)).toBe('m: x is bad');
    expect(metricProblem(record, {})).toBe('m: x is bad');
  });

  it('names the flags of the options a message mentions, not ordinary words', () => {
    expect(inFlagWords('needs options.exchangeRates and a target options.currency; options.other', flags)).toBe(
      'needs --rates or --rate and a target --currency; options.other',
    );
    expect(inFlagWords('must be at least satisfiedFrom on the scale, not easyFrom', flags)).toBe(
      'must be at least --satisfied-from on the scale, not easyFrom',
    );
  });

  it('turns an objection to an option, made before reading, into a usage error', () => {
    const fail = (error: unknown) => () => {
      throw error;
    };
    const option = new MetricError('m', 'INVALID_INPUT', [
      issue(['satisfiedFrom'], 'must be a score on the 1–5 scale'),
    ]);
    expect(() => checkOptions(flags, fail(option))).toThrow(
      new UsageError('--satisfied-from must be a score on the 1–5 scale'),
    );
    expect(() => checkOptions(flags, fail(option))).toThrow(UsageError);
    // Anything else is passed on untouched: it is not about a flag.
    const data = new MetricError('m', 'NO_DATA', [issue(['scores'], 'is empty')]);
    expect(() => checkOptions(flags, fail(data))).toThrow(data);
    expect(() => checkOptions(undefined, fail(option))).toThrow(option);
    const other = new Error('boom');
    expect(() => checkOptions(flags, fail(other))).toThrow(other);
    expect(() => checkOptions(flags, () => 1)).not.toThrow();
  });
});
