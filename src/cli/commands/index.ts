// Every command of the command line, in the order the help lists them.
import type { Command } from '../command.js';
import { drivers } from './drivers.js';
import { health } from './health.js';
import { lifetime } from './lifetime.js';
import { engagement, support } from './operations.js';
import { purchases } from './purchases.js';
import { churn, cohorts } from './retention.js';
import { report } from './report.js';
import { mrr } from './revenue.js';
import { ces, csat, nps } from './survey.js';
import { topics } from './topics.js';
import { trials } from './trials.js';

export const commands: readonly Command[] = [
  nps,
  csat,
  ces,
  topics,
  mrr,
  trials,
  churn,
  cohorts,
  lifetime,
  purchases,
  drivers,
  health,
  support,
  engagement,
  report,
];
