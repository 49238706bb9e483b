import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { seriesWindowChecks, seriesWindowShape } from './seriesWindow.js';

const schema = z.strictObject(seriesWindowShape).check(...seriesWindowChecks);
const problem = (value: unknown) => {
  const issue = z.safeParse(schema, value).error?.issues[0];
  return issue === undefined ? undefined : [issue.path, issue.message];
};

describe('seriesWindow', () => {
  it('accepts a window and refuses one that ends before it starts or is too long', () => {
    expect(problem({ from: '2024-01', to: '2024-01', lookback: 1200, period: 'year' })).toBeUndefined();
    expect(problem({ from: '2024-02', to: '2024-01' })).toEqual([['to'], 'must not be before from']);
    expect(problem({ from: '1900-01', to: '2000-01' })).toEqual([['to'], 'must be less than 1200 months after from']);
    expect(problem({ from: '2024-01', to: '2024-03', lookback: 0 })?.[0]).toEqual(['lookback']);
    expect(problem({ from: '2024-01', to: '2024-03', period: 'week' })?.[0]).toEqual(['period']);
  });
});
