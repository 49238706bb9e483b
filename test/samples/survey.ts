import type { FamilySamples } from '../support/types.js';

const nps = { promoters: 50, passives: 30, detractors: 20 };

/** Survey answers as records, as a survey tool exports them. */
const responses = [
  { score: 10, at: '2024-03-01', attributes: { plan: 'pro' }, topics: ['support'] },
  { score: 3, at: '2024-03-02T10:00:00Z', attributes: { plan: 'free' }, topics: ['pricing', 'reliability'] },
  { score: 8, attributes: { plan: 'pro' } },
  { score: 6, attributes: { plan: 'free' }, topics: ['pricing'] },
  { score: 9, topics: [] },
];

export const survey: FamilySamples = {
  names: [
    'compareNetPromoterScores',
    'customerEffortScore',
    'customerSatisfactionScore',
    'mergeDistributions',
    'netPromoterScore',
    'surveyTrend',
    'tallyScores',
    'topicImpact',
  ],
  samples: {
    netPromoterScore: [
      [{ scores: [10, 9, 8, 7, 6, 0, 10] }, { confidence: 0.9 }],
      [{ scores: new Uint8Array([10, 9, 3]) }],
      [{ scores: new Float64Array([10, 9, 3]) }],
      [{ distribution: { 0: 3, 9: 40, 10: 12 } }],
      [{ distribution: [1, 0, 0, 0, 0, 0, 2, 3, 4, 5, 6] }],
      [nps],
      [nps, { interval: 'wald' }],
      [
        { promoters: 10, passives: 0, detractors: 0 },
        { interval: 'adjusted-wald', confidence: 0.9 },
      ],
      [{ distribution: { 9: 4, 7: 1 } }, { interval: 'wald' }],
      [{ scores: [10, 9, 3, 7], attributes: { plan: ['pro', 'free', 'pro', 'free'] } }, { segmentBy: 'plan' }],
      [
        {
          scores: new Uint8Array([10, 9, 3]),
          attributes: { plan: { codes: new Uint8Array([1, 0, 0]), names: ['a', 'b', 'c'] } },
        },
        { segmentBy: 'plan', minimumSegmentSize: 2, confidence: 0.9 },
      ],
      [
        { scores: [10, 0], attributes: { plan: ['pro', null] } },
        { segmentBy: 'plan', missingSegment: 'group' },
      ],
      [
        { scores: [10, 9, 3, 7], attributes: { plan: ['pro', 'free', 'pro', 'free'] } },
        { segmentBy: 'plan', interval: 'wald' },
      ],
      [{ responses }],
      [{ responses }, { segmentBy: 'plan', missingSegment: 'group', confidence: 0.9 }],
    ],
    compareNetPromoterScores: [
      [nps, { scores: [10, 9, 0, 6, 7] }],
      [nps, { distribution: { 9: 3, 3: 4 } }, { confidence: 0.99 }],
      [{ responses }, { scores: [10, 9, 0, 6, 7] }],
    ],
    customerSatisfactionScore: [
      [{ distribution: { 5: 10, 4: 20, 3: 10, 2: 5, 1: 5 } }],
      [{ scores: [9, 7, 3, 10], scale: { min: 1, max: 10 } }, { confidence: 0.9 }],
      [{ scores: new Uint8Array([0, 1, 2, 3]), scale: { min: 0, max: 3 } }, { satisfiedFrom: 2 }],
      [
        { scores: [5, 4, 2, 5, 1], attributes: { region: { codes: [0, 0, 0, 1, -1], names: ['EU', 'US'] } } },
        { segmentBy: 'region', missingSegment: 'group' },
      ],
      [{ responses: [{ score: 4 }, { score: 2, attributes: { region: 'EU' } }], scale: { min: 1, max: 5 } }],
      [
        {
          responses: [
            { score: 4, attributes: { region: 'US' } },
            { score: 2, attributes: { region: 'EU' } },
          ],
        },
        { segmentBy: 'region', minimumSegmentSize: 1 },
      ],
    ],
    customerEffortScore: [
      [{ scores: [7, 6, 5, 4, 2, 7, 6, 3] }],
      [{ scores: [1, 2, 2, 4, 5], scale: { min: 1, max: 5 } }, { higherIsEasier: false }],
      [{ distribution: [1, 2, 3, 4, 5, 6, 7] }, { easyFrom: 6, confidence: 0.8 }],
      [{ scores: [7, 6, 2], attributes: { channel: ['chat', 'phone', 'chat'] } }, { segmentBy: 'channel' }],
      [
        {
          responses: [
            { score: 7, attributes: { channel: 'chat' } },
            { score: 2, at: 1709251200000 },
          ],
        },
        { segmentBy: 'channel', missingSegment: 'group' },
      ],
    ],
    topicImpact: [
      [{ responses }],
      [
        { responses: [...responses, { score: 0, topics: ['pricing', 'pricing'] }, { score: 10, topics: ['support'] }] },
        { confidence: 0.9, minimumTopicSize: 2 },
      ],
      [
        {
          responses: [
            { score: 9, topics: ['support'] },
            { score: 10, topics: ['support'] },
          ],
        },
      ],
    ],
    surveyTrend: [
      [
        {
          responses: [
            { at: '2024-01-05', score: 10, segment: 'pro' },
            { at: '2024-01-09', score: 6, segment: 'free' },
            { at: '2024-02-02', score: 9, segment: 'pro' },
            { at: '2024-03-20', score: 3, segment: 'free' },
          ],
        },
        { metric: 'nps' },
      ],
      [
        {
          scores: new Uint8Array([5, 4, 2, 5]),
          at: new Float64Array([1_704_067_200_000, 1_706_745_600_000, 1_709_251_200_000, 1_709_337_600_000]),
          segments: { codes: new Uint8Array([0, 1, 0, 1]), names: ['EU', 'US'] },
        },
        { metric: 'csat', confidence: 0.9 },
      ],
      [
        {
          periods: [
            { period: '2024-Q1', distribution: [1, 2, 3, 4, 5, 6, 7] },
            { period: '2024-Q3', distribution: { 7: 3, 2: 1 } },
          ],
        },
        { metric: 'ces', period: 'quarter', easyFrom: 6 },
      ],
      [
        {
          responses: [
            { at: 0, score: 9, attributes: { plan: 'pro' } },
            { at: 3e9, score: 2, attributes: {} },
          ],
        },
        { metric: 'nps', period: 'year', segmentBy: 'plan', missingSegment: 'group', from: 0, to: '1971-01-01' },
      ],
    ],
    tallyScores: [
      [[10, 9, 9, 3], { min: 0, max: 10 }],
      [new Uint8Array([5, 4, 4]), { min: 1, max: 5 }],
    ],
    mergeDistributions: [
      [
        { 9: 40, 10: 12 },
        { 0: 3, 9: 5 },
      ],
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ],
  },
};
