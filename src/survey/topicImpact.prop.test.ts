import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netPromoterScore } from './netPromoterScore.js';
import { topicImpact } from './topicImpact.js';

const TOPICS = ['onboarding', 'pricing', 'support', 'reliability'];
const responses = fc.array(
  fc.record({ score: fc.integer({ min: 0, max: 10 }), topics: fc.array(fc.constantFrom(...TOPICS), { maxLength: 4 }) }),
  { minLength: 1, maxLength: 150 },
);

describe('topicImpact properties', () => {
  it('impact = NPS(all) − NPS(without the topic) = share × (NPS(topic) − NPS(rest)), listed by impact', () => {
    fc.assert(
      fc.property(responses, (list) => {
        const result = topicImpact({ responses: list });
        const all = netPromoterScore({ scores: list.map((r) => r.score) }).score;
        expect(result.score).toBe(all);
        expect(result.untagged).toBe(list.filter((r) => r.topics.length === 0).length);
        expect(new Set(result.topics.map((t) => t.topic))).toEqual(new Set(list.flatMap((r) => r.topics)));
        for (const entry of result.topics) {
          const own = list.filter((r) => r.topics.includes(entry.topic)).map((r) => r.score);
          const rest = list.filter((r) => !r.topics.includes(entry.topic)).map((r) => r.score);
          expect(entry.responses).toBe(own.length);
          expect(entry.promoters + entry.passives + entry.detractors).toBe(own.length);
          if (rest.length === 0) {
            expect(entry.impact).toBeNull();
            continue;
          }
          const without = netPromoterScore({ scores: rest }).score;
          expect(entry.impact).toBeCloseTo(all - without, 9);
          expect(entry.impact).toBeCloseTo(entry.share * (entry.nps - without), 9);
          if (entry.interval !== null) {
            expect(entry.interval.low).toBeLessThanOrEqual((entry.impact as number) + 1e-9);
            expect(entry.interval.high).toBeGreaterThanOrEqual((entry.impact as number) - 1e-9);
          }
        }
        const impacts = result.topics.map((t) => t.impact).filter((impact) => impact !== null);
        expect(impacts).toEqual([...impacts].sort((a, b) => a - b));
      }),
    );
  });

  it('does not depend on the order of the responses or of their topics', () => {
    fc.assert(
      fc.property(responses, (list) => {
        const reversed = [...list].reverse().map((r) => ({ score: r.score, topics: [...r.topics].reverse() }));
        expect(topicImpact({ responses: reversed })).toEqual(topicImpact({ responses: list }));
      }),
    );
  });
});
