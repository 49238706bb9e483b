import type { FamilySamples } from '../support/types.js';

export const engagement: FamilySamples = {
  names: [],
  samples: {},
};
