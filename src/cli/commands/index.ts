// Every command of the command line, in the order the help lists them.
import type { Command } from '../command.js';
import { ces, csat, nps } from './survey.js';

export const commands: readonly Command[] = [nps, csat, ces];
