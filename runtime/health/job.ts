/**
 * Flux's custom Job status reader (fluxcd/pkg runtime/statusreaders): a Job is Current only once it
 * completed, Failed when it failed, and InProgress while it runs — unlike upstream kstatus, which
 * counts a running Job as Current. It replaces the whole computation for batch Jobs.
 */
import { conditionsOf, groupOf, apiVersionOf, intField, kindOf } from './fields.js';
import type { KubeObject, StatusReader, StatusResult } from './types.js';

export function isJob(obj: KubeObject): boolean {
  return kindOf(obj) === 'Job' && groupOf(apiVersionOf(obj)) === 'batch';
}

export const jobStatusReader: StatusReader = (obj: KubeObject): StatusResult | undefined => {
  if (!isJob(obj)) return undefined;
  const parallelism = intField(obj, ['spec', 'parallelism'], 1);
  const completions = intField(obj, ['spec', 'completions'], parallelism);
  const succeeded = intField(obj, ['status', 'succeeded'], 0);
  const failedCount = intField(obj, ['status', 'failed'], 0);
  for (const c of conditionsOf(obj)) {
    if (c.type === 'Complete' && c.status === 'True') {
      return {
        status: 'Current',
        message: `Job Completed. succeeded: ${succeeded}/${completions}`,
        conditions: [],
      };
    }
    if (c.type === 'Failed' && c.status === 'True') {
      const message = `Job Failed. failed: ${failedCount}/${completions}`;
      return {
        status: 'Failed',
        message,
        conditions: [{ type: 'Stalled', status: 'True', reason: 'JobFailed', message }],
      };
    }
  }
  const message = 'Job in progress';
  return {
    status: 'InProgress',
    message,
    conditions: [{ type: 'Reconciling', status: 'True', reason: 'JobInProgress', message }],
  };
};
