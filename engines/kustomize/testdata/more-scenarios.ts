/** Every scenario table beyond the base one, in one list. */
import type { Scenario } from './fixtures.js';
import { replacementScenarios } from './scenarios-replacements.js';

export const moreScenarios: Scenario[] = [...replacementScenarios];
