import type { FamilySamples } from '../support/types.js';

export const models: FamilySamples = {
  names: [],
  samples: {},
};
