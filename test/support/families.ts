// The families of the library and what each declares for the library-wide tests.
import { readdirSync, statSync } from 'node:fs';
import { cohort } from '../samples/cohort.js';
import { engagement } from '../samples/engagement.js';
import { health } from '../samples/health.js';
import { models } from '../samples/models.js';
import { purchases } from '../samples/purchases.js';
import { retention } from '../samples/retention.js';
import { revenue } from '../samples/revenue.js';
import { stats } from '../samples/stats.js';
import { support } from '../samples/support.js';
import { survey } from '../samples/survey.js';
import { value } from '../samples/value.js';
import type { Call, FamilySamples } from './types.js';

export const families: Readonly<Record<string, FamilySamples>> = {
  survey,
  stats,
  retention,
  cohort,
  revenue,
  value,
  health,
  support,
  engagement,
  models,
  purchases,
};

/** The family folders that exist under src/. */
export function familyFolders(): string[] {
  return readdirSync('src')
    .filter((name) => name !== 'internal' && name !== 'cli' && statSync(`src/${name}`).isDirectory())
    .sort();
}

/** Every sample call of every family, as `[functionName, call]`. */
export function allSamples(): [string, Call][] {
  return Object.values(families).flatMap((family) =>
    Object.entries(family.samples).flatMap(([name, calls]) => calls.map((call) => [name, call] as [string, Call])),
  );
}
