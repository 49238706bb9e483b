import type { FamilySamples } from '../support/types.js';

export const value: FamilySamples = {
  names: [],
  samples: {},
};
