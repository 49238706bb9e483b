import type { FamilySamples } from '../support/types.js';

export const health: FamilySamples = {
  names: [],
  samples: {},
};
