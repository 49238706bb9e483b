import { describe, expect, it } from 'vitest';
import { compareNetPromoterScores } from './compareNetPromoterScores.js';
import { netPromoterScore } from './netPromoterScore.js';
import { topicImpact } from './topicImpact.js';
import { expectMetricError } from '../../test/support/errors.js';

/** `count` responses of `score` naming `topics`. */
const many = (count: number, score: number, topics?: string[]) =>
  Array.from({ length: count }, () => (topics === undefined ? { score } : { score, topics }));

describe('topicImpact', () => {
  it('gives each topic its NPS and the points it costs or brings, most negative first', () => {
    const responses = [
      { score: 10, topics: ['support'] },
      { score: 9, topics: ['support', 'features'] },
      { score: 3, topics: ['pricing'] },
      { score: 5, topics: ['pricing', 'reliability'] },
      { score: 8 },
    ];
    const result = topicImpact({ responses });
    expect(result.score).toBe(0);
    expect(result.responses).toBe(5);
    expect(result.untagged).toBe(1);
    expect(result.confidence).toBe(0.95);
    expect(result.topics.map((t) => t.topic)).toEqual(['pricing', 'reliability', 'features', 'support']);
    const pricing = result.topics[0];
    expect(pricing).toMatchObject({
      topic: 'pricing',
      responses: 2,
      share: 0.4,
      promoters: 0,
      passives: 0,
      detractors: 2,
      nps: -100,
      npsWithout: (100 * 2) / 3,
      impact: -(100 * 2) / 3,
      smallSample: true,
    });
  });

  it('is the NPS of all less the NPS without the topic, and share × the topic-vs-rest difference', () => {
    const responses = [
      ...many(40, 10, ['support']),
      ...many(30, 2, ['pricing']),
      ...many(20, 8, ['pricing', 'support']),
      ...many(60, 9),
      ...many(50, 4),
    ];
    const result = topicImpact({ responses }, { confidence: 0.9, minimumTopicSize: 50 });
    const all = netPromoterScore({ scores: responses.map((r) => r.score) }).score;
    expect(result.score).toBe(all);
    for (const entry of result.topics) {
      const rest = responses.filter((r) => !(r.topics ?? []).includes(entry.topic)).map((r) => r.score);
      const own = responses.filter((r) => (r.topics ?? []).includes(entry.topic)).map((r) => r.score);
      expect(entry.impact).toBeCloseTo(all - netPromoterScore({ scores: rest }).score, 10);
      expect(entry.npsWithout).toBe(netPromoterScore({ scores: rest }).score);
      expect(entry.nps).toBe(netPromoterScore({ scores: own }).score);
      const test = compareNetPromoterScores({ scores: own }, { scores: rest }, { confidence: 0.9 });
      expect(entry.pValue).toBe(test.pValue);
      expect(entry.significant).toBe(test.significant);
      expect(entry.interval?.low).toBeCloseTo(entry.share * test.interval.low, 12);
      expect(entry.interval?.high).toBeCloseTo(entry.share * test.interval.high, 12);
      expect((entry.impact as number) - (entry.interval?.low as number)).toBeGreaterThan(0);
      expect(entry.smallSample).toBe(entry.responses < 50);
    }
    expect(result.topics.map((t) => [t.topic, t.responses, t.smallSample])).toEqual([
      ['pricing', 50, false],
      ['support', 60, false],
    ]);
  });

  it('flags topics under 30 responses by default', () => {
    const result = topicImpact({ responses: [...many(30, 9, ['a']), ...many(29, 0, ['b'])] });
    expect(result.topics.map((t) => [t.topic, t.smallSample])).toEqual([
      ['b', true],
      ['a', false],
    ]);
  });

  it('counts a topic repeated in one response once', () => {
    const result = topicImpact({ responses: [{ score: 0, topics: ['pricing', 'pricing'] }, { score: 10 }] });
    expect(result.topics[0]).toMatchObject({ topic: 'pricing', responses: 1, detractors: 1, impact: -100 });
  });

  it('breaks ties of impact by name', () => {
    const result = topicImpact({
      responses: [
        { score: 0, topics: ['b', 'a'] },
        { score: 10, topics: [] },
      ],
    });
    expect(result.topics.map((t) => t.topic)).toEqual(['a', 'b']);
    expect(result.untagged).toBe(1);
  });

  it('leaves the impact of a topic every response names undefined, and lists it last', () => {
    const result = topicImpact({
      responses: [
        { score: 10, topics: ['all', 'x'] },
        { score: 0, topics: ['all'] },
      ],
    });
    expect(result.topics.map((t) => [t.topic, t.impact, t.npsWithout, t.interval, t.pValue, t.significant])).toEqual([
      ['x', 100, -100, null, null, false],
      ['all', null, null, null, null, false],
    ]);
  });

  it('has no test where neither the topic nor the rest has variance', () => {
    const [entry] = topicImpact({ responses: [{ score: 10, topics: ['a'] }, { score: 9 }] }).topics;
    expect(entry).toMatchObject({ impact: 0, interval: null, pValue: null, significant: false });
  });

  it('accepts the records of the survey metrics, with dates and attributes', () => {
    const result = topicImpact({
      responses: [{ score: 2, at: '2024-03-01', attributes: { plan: 'pro' }, topics: ['pricing'] }, { score: 9 }],
    });
    expect(result.topics[0]?.impact).toBe(-100);
  });

  it('refuses bad responses, naming them', () => {
    expectMetricError(() => topicImpact({ responses: [{ score: 5, topics: 'pricing' }] } as never), 'INVALID_INPUT', [
      'responses',
      0,
      'topics',
    ]);
    expectMetricError(
      () => topicImpact({ responses: [{ score: 5 }, { score: 5, topics: ['ok', 3] }] } as never),
      'INVALID_INPUT',
      ['responses', 1, 'topics', 1],
      'topicImpact: responses[1].topics[1] must be a string',
    );
    expectMetricError(() => topicImpact({ responses: [{ score: 11 }] }), 'INVALID_INPUT', ['responses', 0, 'score']);
    expectMetricError(() => topicImpact({ scores: [1] } as never), 'INVALID_INPUT', ['responses']);
    expectMetricError(() => topicImpact({ responses: [] }), 'NO_DATA', ['responses']);
    expectMetricError(() => topicImpact({ responses: [{ score: 1 }] }, { confidence: 1 }), 'INVALID_INPUT', [
      'confidence',
    ]);
    expectMetricError(() => topicImpact({ responses: [{ score: 1 }] }, { minimumTopicSize: -1 }), 'INVALID_INPUT', [
      'minimumTopicSize',
    ]);
  });
});
