import type { FamilySamples } from '../support/types.js';

export const survey: FamilySamples = {
  names: ['netPromoterScore'],
  samples: {
    netPromoterScore: [
      [{ scores: [10, 9, 8, 7, 6, 0, 10] }, { confidence: 0.9 }],
      [{ scores: new Uint8Array([10, 9, 3]) }],
      [{ distribution: { 0: 3, 9: 40, 10: 12 } }],
      [{ distribution: [1, 0, 0, 0, 0, 0, 2, 3, 4, 5, 6] }],
      [{ promoters: 50, passives: 30, detractors: 20 }],
    ],
  },
};
