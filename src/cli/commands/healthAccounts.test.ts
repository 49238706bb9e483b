import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HealthScoreResult } from '../../health/index.js';
import { AccountColumns, LowestScores } from './healthAccounts.js';

const result = (score: number): HealthScoreResult => ({
  score,
  status: score <= 50 ? 'red' : score <= 75 ? 'yellow' : 'green',
  measures: [],
  missing: [],
});

describe('health accounts', () => {
  it('keeps the lowest scores as sorting all of them would, ties in file order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 200 }),
        fc.integer({ min: 0, max: 30 }),
        (scores, capacity) => {
          const lowest = new LowestScores(capacity);
          scores.forEach((score, index) => lowest.offer(index, `a${index}`, result(score)));
          const expected = scores
            .map((score, index) => ({ score, index }))
            .sort((a, b) => a.score - b.score)
            .slice(0, capacity)
            .map(({ index }) => index);
          expect(lowest.sorted().map(({ index }) => index)).toEqual(expected);
        },
      ),
    );
  });

  it('keeps every account in typed columns that grow', () => {
    const accounts = new AccountColumns();
    for (let i = 0; i < 3000; i++) accounts.push(`c${i}`, i % 101, result(i % 101).status, i % 7 === 0);
    expect(accounts.length).toBe(3000);
    expect(accounts.scores).toBeInstanceOf(Float64Array);
    expect(accounts.scores.length).toBe(3000);
    expect(accounts.account(2999)).toEqual({ id: 'c2999', score: 2999 % 101, status: result(2999 % 101).status });
    expect(accounts.churned.reduce((total, flag) => total + flag, 0)).toBe(Math.ceil(3000 / 7));
    const counts = accounts.counts();
    expect(counts.red + counts.yellow + counts.green).toBe(3000);
    expect(accounts.outcomeKnown).toBe(true);
    accounts.push('unknown', 50, 'red', undefined);
    expect(accounts.outcomeKnown).toBe(false);
  });
});
