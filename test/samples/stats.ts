import type { FamilySamples } from '../support/types.js';

export const stats: FamilySamples = {
  names: ['wilsonInterval'],
  samples: {
    wilsonInterval: [[{ successes: 30, trials: 50 }], [{ successes: 0, trials: 7 }, { confidence: 0.99 }]],
  },
};
