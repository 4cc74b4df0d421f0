/**
 * `sluice create …`: flux create for sources, Kustomizations, HelmReleases, notification and image objects
 * and Git secrets; `--export` prints clean YAML, otherwise the object is applied and waited for.
 */
import type { Command } from 'commander';
import { registerCreate } from '../create/commands.js';

export function register(program: Command): void {
  registerCreate(program);
}
