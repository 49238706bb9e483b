import type { FamilySamples } from '../support/types.js';

export const support: FamilySamples = {
  names: [],
  samples: {},
};
