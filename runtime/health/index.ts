/** kstatus health assessment: status computation per object, custom readers, and a set poller. */
export type { KubeObject, ObjectRef, Status, StatusCondition, StatusReader, StatusResult } from './types.js';
export { computeStatus, checkGenericProperties } from './compute.js';
export { jobStatusReader, isJob } from './job.js';
export { celStatusReader, InvalidHealthCheckExprError } from './cel.js';
export type { CelCompiler, CelProgram, HealthCheckExpr } from './cel.js';
export { formatRef, readStatus, refKey, waitForSet, waitForTermination } from './poller.js';
export type { ObjectGetter, ResourceStatus, WaitOptions, WaitResult } from './poller.js';
