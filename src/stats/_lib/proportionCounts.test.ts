import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { proportionCountsSchema } from './proportionCounts.js';

describe('proportionCountsSchema', () => {
  it('accepts counts with successes at most trials, and names successes above trials', () => {
    expect(z.safeParse(proportionCountsSchema, { successes: 2, trials: 3 }).success).toBe(true);
    const refused = z.safeParse(proportionCountsSchema, { successes: 4, trials: 3 });
    expect(refused.error?.issues[0]?.path).toEqual(['successes']);
    expect(z.safeParse(proportionCountsSchema, { successes: 1, trials: 3, extra: 1 }).success).toBe(false);
  });
});
