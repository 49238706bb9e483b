import type { FamilySamples } from '../support/types.js';

export const cohort: FamilySamples = {
  names: [],
  samples: {},
};
