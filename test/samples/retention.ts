import type { FamilySamples } from '../support/types.js';

export const retention: FamilySamples = {
  names: [],
  samples: {},
};
