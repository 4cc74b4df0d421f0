/** The controllers `sluice controller --controllers=…` can run, by name. */
import { setupSourceController } from './source/index.js';

export const controllerRegistry = {
  source: setupSourceController,
} as const;
