/**
 * Type-specific kstatus rules for built-in kinds (cli-utils `legacyTypes`). Each rule sees an object
 * whose generic properties (deletion, observedGeneration, Reconciling/Stalled) were already checked.
 */
import { conditionsOf, field, hasInt, intField, kindOf, stringField } from './fields.js';
import { current, failed, inProgress, type KubeObject, type StatusResult } from './types.js';

/** Go's math.MaxInt32: the API server's "no progress deadline" marker for Deployments. */
const maxInt32 = 2147483647;

/** How long a Pod may be unschedulable before it counts as Failed (kstatus ScheduleWindow). */
export const scheduleWindowMs = 15_000;

export interface RuleContext {
  /** Current time in ms (injected so Pod scheduling windows are testable). */
  readonly now: number;
}

export type BuiltinRule = (obj: KubeObject, ctx: RuleContext) => StatusResult;

const alwaysReady: BuiltinRule = () => current('Resource is always ready');

const statefulSet: BuiltinRule = (obj) => {
  if (stringField(obj, ['spec', 'updateStrategy', 'type'], '') === 'OnDelete') {
    return current('StatefulSet is using the ondelete update strategy');
  }
  const spec = intField(obj, ['spec', 'replicas'], 1);
  const ready = intField(obj, ['status', 'readyReplicas'], 0);
  const cur = intField(obj, ['status', 'currentReplicas'], 0);
  const updated = intField(obj, ['status', 'updatedReplicas'], 0);
  const replicas = intField(obj, ['status', 'replicas'], 0);
  const partition = intField(obj, ['spec', 'updateStrategy', 'rollingUpdate', 'partition'], -1);
  if (spec > replicas) return inProgress('LessReplicas', `Replicas: ${replicas}/${spec}`);
  if (spec > ready) return inProgress('LessReady', `Ready: ${ready}/${spec}`);
  if (replicas > spec) return inProgress('ExtraPods', `Pending termination: ${replicas - spec}`);
  if (partition !== -1) {
    if (updated < spec - partition) {
      return inProgress('PartitionRollout', `updated: ${updated}/${spec - partition}`);
    }
    return current(`Partition rollout complete. updated: ${updated}`);
  }
  if (spec > cur) return inProgress('LessCurrent', `current: ${cur}/${spec}`);
  if (
    stringField(obj, ['status', 'currentRevision'], '') !== stringField(obj, ['status', 'updateRevision'], '')
  ) {
    return inProgress('RevisionMismatch', 'Waiting for updated revision to match current');
  }
  return current(`All replicas scheduled as expected. Replicas: ${replicas}`);
};

const deployment: BuiltinRule = (obj) => {
  // Without progressDeadlineSeconds the controller never sets Progressing, so it counts as progressing.
  let progressing = intField(obj, ['spec', 'progressDeadlineSeconds'], maxInt32) === maxInt32;
  let available = false;
  for (const c of conditionsOf(obj)) {
    if (c.type === 'Progressing') {
      if (c.reason === 'ProgressDeadlineExceeded') {
        return {
          status: 'Failed',
          message: 'Progress deadline exceeded',
          conditions: [{ type: 'Stalled', status: 'True', reason: c.reason, message: c.message }],
        };
      }
      if (c.status === 'True' && c.reason === 'NewReplicaSetAvailable') progressing = true;
    } else if (c.type === 'Available' && c.status === 'True') {
      available = true;
    }
  }
  const spec = intField(obj, ['spec', 'replicas'], 1);
  const replicas = intField(obj, ['status', 'replicas'], 0);
  const updated = intField(obj, ['status', 'updatedReplicas'], 0);
  const ready = intField(obj, ['status', 'readyReplicas'], 0);
  const avail = intField(obj, ['status', 'availableReplicas'], 0);
  if (spec > replicas) return inProgress('LessReplicas', `Replicas: ${replicas}/${spec}`);
  if (spec > updated) return inProgress('LessUpdated', `Updated: ${updated}/${spec}`);
  if (replicas > spec) return inProgress('ExtraPods', `Pending termination: ${replicas - spec}`);
  if (updated > avail) return inProgress('LessAvailable', `Available: ${avail}/${updated}`);
  if (spec > ready) return inProgress('LessReady', `Ready: ${ready}/${spec}`);
  if (!progressing) return inProgress('ReplicaSetNotAvailable', 'ReplicaSet not Available');
  if (!available) return inProgress('DeploymentNotAvailable', 'Deployment not Available');
  return current(`Deployment is available. Replicas: ${replicas}`);
};

const replicaSet: BuiltinRule = (obj) => {
  if (conditionsOf(obj).some((c) => c.type === 'ReplicaFailure' && c.status === 'True')) {
    return inProgress('ReplicaFailure', 'Replica Failure condition. Check Pods');
  }
  const spec = intField(obj, ['spec', 'replicas'], 1);
  const replicas = intField(obj, ['status', 'replicas'], 0);
  const ready = intField(obj, ['status', 'readyReplicas'], 0);
  const avail = intField(obj, ['status', 'availableReplicas'], 0);
  const labelled = intField(obj, ['status', 'fullyLabeledReplicas'], 0);
  if (spec > labelled) return inProgress('LessLabelled', `Labelled: ${labelled}/${spec}`);
  if (spec > avail) return inProgress('LessAvailable', `Available: ${avail}/${spec}`);
  if (spec > ready) return inProgress('LessReady', `Ready: ${ready}/${spec}`);
  if (replicas > spec) return inProgress('ExtraPods', `Pending termination: ${replicas - spec}`);
  return current(`ReplicaSet is available. Replicas: ${replicas}`);
};

const daemonSet: BuiltinRule = (obj) => {
  // The DaemonSet controller always sets these once it has acted, so their absence means "not yet".
  if (!hasInt(obj, ['metadata', 'generation'])) {
    return inProgress('NoGeneration', `${kindOf(obj)} metadata.generation not found`);
  }
  if (!hasInt(obj, ['status', 'observedGeneration'])) {
    return inProgress('NoObservedGeneration', `${kindOf(obj)} status.observedGeneration not found`);
  }
  const desired = intField(obj, ['status', 'desiredNumberScheduled'], -1);
  const cur = intField(obj, ['status', 'currentNumberScheduled'], 0);
  const updated = intField(obj, ['status', 'updatedNumberScheduled'], 0);
  const avail = intField(obj, ['status', 'numberAvailable'], 0);
  const ready = intField(obj, ['status', 'numberReady'], 0);
  if (desired === -1) return inProgress('NoDesiredNumber', 'Missing .status.desiredNumberScheduled');
  if (desired > cur) return inProgress('LessCurrent', `Current: ${cur}/${desired}`);
  if (desired > updated) return inProgress('LessUpdated', `Updated: ${updated}/${desired}`);
  if (desired > avail) return inProgress('LessAvailable', `Available: ${avail}/${desired}`);
  if (desired > ready) return inProgress('LessReady', `Ready: ${ready}/${desired}`);
  return current(`All replicas scheduled as expected. Replicas: ${desired}`);
};

const pvc: BuiltinRule = (obj) => {
  const phase = stringField(obj, ['status', 'phase'], 'unknown');
  if (phase !== 'Bound') return inProgress('NotBound', `PVC is not Bound. phase: ${phase}`);
  return current('PVC is Bound');
};

function crashLoopingContainers(obj: KubeObject): string[] {
  const statuses = field(obj, ['status', 'containerStatuses']);
  if (!Array.isArray(statuses)) return [];
  const names: string[] = [];
  for (const cs of statuses) {
    const name = field(cs, ['name']);
    if (typeof name === 'string' && field(cs, ['state', 'waiting', 'reason']) === 'CrashLoopBackOff')
      names.push(name);
  }
  return names;
}

const pod: BuiltinRule = (obj, ctx) => {
  const phase = stringField(obj, ['status', 'phase'], '');
  const conds = conditionsOf(obj);
  switch (phase) {
    case 'Succeeded':
      return current('Pod has completed successfully');
    case 'Failed':
      return current('Pod has completed, but not successfully');
    case 'Running': {
      if (conds.some((c) => c.type === 'Ready' && c.status === 'True')) return current('Pod is Ready');
      const looping = crashLoopingContainers(obj);
      if (looping.length > 0) {
        return failed('ContainerCrashLooping', `Containers in CrashLoop state: ${looping.join(',')}`);
      }
      return inProgress('PodRunningNotReady', 'Pod is running but is not Ready');
    }
    case 'Pending': {
      const sched = conds.find((c) => c.type === 'PodScheduled' && c.status === 'False');
      if (sched?.reason === 'Unschedulable') {
        const created = Date.parse(stringField(obj, ['metadata', 'creationTimestamp'], ''));
        if (Number.isFinite(created) && ctx.now - scheduleWindowMs < created) {
          return inProgress('PodNotScheduled', 'Pod has not been scheduled');
        }
        return failed('PodUnschedulable', 'Pod could not be scheduled');
      }
      return inProgress('PodPending', 'Pod is in the Pending phase');
    }
    case '':
      return inProgress('PodNotObserved', 'Pod phase not available');
    default:
      throw new Error(`unknown phase ${phase}`);
  }
};

const pdb: BuiltinRule = () => current('AllowedDisruptions has been computed.');

/** Upstream kstatus Job rule: Current while running. Flux replaces it (see job.ts); kept for parity. */
const job: BuiltinRule = (obj) => {
  const parallelism = intField(obj, ['spec', 'parallelism'], 1);
  const completions = intField(obj, ['spec', 'completions'], parallelism);
  const succeeded = intField(obj, ['status', 'succeeded'], 0);
  const active = intField(obj, ['status', 'active'], 0);
  const failedCount = intField(obj, ['status', 'failed'], 0);
  for (const c of conditionsOf(obj)) {
    if (c.status !== 'True') continue;
    if (c.type === 'Complete') return current(`Job Completed. succeeded: ${succeeded}/${completions}`);
    if (c.type === 'Failed') return failed('JobFailed', `Job Failed. failed: ${failedCount}/${completions}`);
    if (c.type === 'Suspended') return current('Job is suspended');
  }
  if (stringField(obj, ['status', 'startTime'], '') === '')
    return inProgress('JobNotStarted', 'Job not started');
  return current(`Job in progress. success:${succeeded}, active: ${active}, failed: ${failedCount}`);
};

const service: BuiltinRule = (obj) => {
  if (
    stringField(obj, ['spec', 'type'], 'ClusterIP') === 'LoadBalancer' &&
    stringField(obj, ['spec', 'clusterIP'], '') === ''
  ) {
    return inProgress('NoIPAssigned', 'ClusterIP not set. Service type: LoadBalancer');
  }
  return current('Service is ready');
};

const crd: BuiltinRule = (obj) => {
  for (const c of conditionsOf(obj)) {
    if (c.type === 'NamesAccepted' && c.status === 'False') return failed(c.reason, c.message);
    if (c.type === 'Established') {
      if (c.status === 'False' && c.reason !== 'Installing') return failed(c.reason, c.message);
      if (c.status === 'True') return current('CRD is established');
    }
  }
  return inProgress('Installing', 'Install in progress');
};

/** Rules keyed by `group/Kind` (core group: just `Kind`), as kstatus's legacyTypes. */
export const builtinRules: Readonly<Record<string, BuiltinRule>> = {
  Service: service,
  Pod: pod,
  Secret: alwaysReady,
  PersistentVolumeClaim: pvc,
  'apps/StatefulSet': statefulSet,
  'apps/DaemonSet': daemonSet,
  'extensions/DaemonSet': daemonSet,
  'apps/Deployment': deployment,
  'extensions/Deployment': deployment,
  'apps/ReplicaSet': replicaSet,
  'extensions/ReplicaSet': replicaSet,
  'policy/PodDisruptionBudget': pdb,
  'batch/CronJob': alwaysReady,
  ConfigMap: alwaysReady,
  'batch/Job': job,
  'apiextensions.k8s.io/CustomResourceDefinition': crd,
};
