import type { FamilySamples } from '../support/types.js';

export const revenue: FamilySamples = {
  names: [],
  samples: {},
};
