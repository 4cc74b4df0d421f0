/** Every scenario table beyond the base one, in one list. */
import type { Scenario } from './fixtures.js';
import { composeScenarios } from './scenarios-compose.js';
import { fieldScenarios } from './scenarios-fields.js';
import { patchScenarios } from './scenarios-patches.js';
import { replacementScenarios } from './scenarios-replacements.js';
import { varScenarios } from './scenarios-vars.js';

export const moreScenarios: Scenario[] = [...fieldScenarios, ...patchScenarios, ...composeScenarios, ...replacementScenarios, ...varScenarios];
