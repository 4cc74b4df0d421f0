import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeStatus } from './compute.js';
import { jobStatusReader } from './job.js';
import type { KubeObject, Status } from './types.js';

const now = Date.parse('2025-10-01T12:00:00Z');

interface Case {
  readonly name: string;
  readonly obj: KubeObject;
  readonly status: Status;
  readonly message?: string;
  readonly job?: boolean;
}

const deploy = (
  spec: Record<string, unknown>,
  status: Record<string, unknown>,
  generation = 1,
): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd', namespace: 'ns', generation },
  spec,
  status: { observedGeneration: generation, ...status },
});

const available = [
  { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable' },
  { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' },
];

const cases: Case[] = [
  {
    name: 'an object being deleted is Terminating',
    obj: {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', deletionTimestamp: '2025-01-01T00:00:00Z' },
    },
    status: 'Terminating',
    message: 'Resource scheduled for deletion',
  },
  {
    name: 'observedGeneration behind generation is InProgress with the kstatus message',
    obj: {
      ...deploy({ replicas: 0 }, {}),
      metadata: { name: 'd', generation: 3 },
      status: { observedGeneration: 2 },
    },
    status: 'InProgress',
    message: 'Deployment generation is 3, but latest observed generation is 2',
  },
  {
    name: 'Reconciling=True wins over type rules',
    obj: {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: 0 },
      status: { conditions: [{ type: 'Reconciling', status: 'True', reason: 'X', message: 'busy' }] },
    },
    status: 'InProgress',
    message: 'busy',
  },
  {
    name: 'Stalled=True is Failed',
    obj: {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      status: { conditions: [{ type: 'Stalled', status: 'True', reason: 'Bad', message: 'stuck' }] },
    },
    status: 'Failed',
    message: 'stuck',
  },
  {
    name: 'a Deployment with replicas 0 and no conditions is still waiting for the ReplicaSet',
    obj: deploy({ replicas: 0, progressDeadlineSeconds: 600 }, {}),
    status: 'InProgress',
    message: 'ReplicaSet not Available',
  },
  {
    name: 'a Deployment with replicas 0, Available and NewReplicaSetAvailable is Current',
    obj: deploy({ replicas: 0, progressDeadlineSeconds: 600 }, { conditions: available }),
    status: 'Current',
    message: 'Deployment is available. Replicas: 0',
  },
  {
    name: 'a Deployment without progressDeadlineSeconds only needs Available',
    obj: deploy({ replicas: 0 }, { conditions: [{ type: 'Available', status: 'True' }] }),
    status: 'Current',
  },
  {
    name: 'a Deployment without replicas defaults to 1 and waits for them',
    obj: deploy({}, { replicas: 0 }),
    status: 'InProgress',
    message: 'Replicas: 0/1',
  },
  {
    name: 'a Deployment short of updated replicas is InProgress',
    obj: deploy({ replicas: 2 }, { replicas: 2, updatedReplicas: 1 }),
    status: 'InProgress',
    message: 'Updated: 1/2',
  },
  {
    name: 'a Deployment with extra pods is InProgress',
    obj: deploy({ replicas: 1 }, { replicas: 2, updatedReplicas: 2 }),
    status: 'InProgress',
    message: 'Pending termination: 1',
  },
  {
    name: 'a Deployment short of available replicas is InProgress',
    obj: deploy({ replicas: 2 }, { replicas: 2, updatedReplicas: 2, availableReplicas: 1 }),
    status: 'InProgress',
    message: 'Available: 1/2',
  },
  {
    name: 'a Deployment past its progress deadline is Failed',
    obj: deploy(
      { replicas: 1 },
      {
        conditions: [
          { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'x' },
        ],
      },
    ),
    status: 'Failed',
    message: 'Progress deadline exceeded',
  },
  {
    name: 'a StatefulSet with OnDelete strategy is Current',
    obj: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: { updateStrategy: { type: 'OnDelete' } },
    },
    status: 'Current',
  },
  {
    name: 'a StatefulSet with replicas 0 and matching revisions is Current',
    obj: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: { replicas: 0 },
      status: { currentRevision: 'a', updateRevision: 'a' },
    },
    status: 'Current',
  },
  {
    name: 'a StatefulSet with a revision mismatch is InProgress',
    obj: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: { replicas: 0 },
      status: { currentRevision: 'a', updateRevision: 'b' },
    },
    status: 'InProgress',
    message: 'Waiting for updated revision to match current',
  },
  {
    name: 'a StatefulSet partition rollout short of updated replicas is InProgress',
    obj: {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 's' },
      spec: { replicas: 3, updateStrategy: { rollingUpdate: { partition: 1 } } },
      status: { replicas: 3, readyReplicas: 3, updatedReplicas: 1 },
    },
    status: 'InProgress',
    message: 'updated: 1/2',
  },
  {
    name: 'a DaemonSet without observedGeneration is InProgress',
    obj: { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds', generation: 1 }, status: {} },
    status: 'InProgress',
    message: 'DaemonSet status.observedGeneration not found',
  },
  {
    name: 'a DaemonSet with no desired pods scheduled on zero nodes is Current',
    obj: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ds', generation: 1 },
      status: { observedGeneration: 1, desiredNumberScheduled: 0 },
    },
    status: 'Current',
  },
  {
    name: 'a DaemonSet short of ready pods is InProgress',
    obj: {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'ds', generation: 1 },
      status: {
        observedGeneration: 1,
        desiredNumberScheduled: 2,
        currentNumberScheduled: 2,
        updatedNumberScheduled: 2,
        numberAvailable: 2,
        numberReady: 1,
      },
    },
    status: 'InProgress',
    message: 'Ready: 1/2',
  },
  {
    name: 'a ReplicaSet with ReplicaFailure is InProgress',
    obj: {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'r' },
      status: { conditions: [{ type: 'ReplicaFailure', status: 'True' }] },
    },
    status: 'InProgress',
  },
  {
    name: 'a ReplicaSet with all replicas labelled, available and ready is Current',
    obj: {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'r' },
      spec: { replicas: 1 },
      status: { replicas: 1, fullyLabeledReplicas: 1, availableReplicas: 1, readyReplicas: 1 },
    },
    status: 'Current',
  },
  {
    name: 'a running Ready Pod is Current',
    obj: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
    },
    status: 'Current',
    message: 'Pod is Ready',
  },
  {
    name: 'a crash-looping Pod is Failed',
    obj: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      status: {
        phase: 'Running',
        containerStatuses: [{ name: 'app', state: { waiting: { reason: 'CrashLoopBackOff' } } }],
      },
    },
    status: 'Failed',
    message: 'Containers in CrashLoop state: app',
  },
  {
    name: 'a Pod unschedulable for less than 15s is InProgress',
    obj: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', creationTimestamp: '2025-10-01T11:59:55Z' },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
      },
    },
    status: 'InProgress',
    message: 'Pod has not been scheduled',
  },
  {
    name: 'a Pod unschedulable for more than 15s is Failed',
    obj: {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', creationTimestamp: '2025-10-01T11:00:00Z' },
      status: {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable' }],
      },
    },
    status: 'Failed',
    message: 'Pod could not be scheduled',
  },
  {
    name: 'a succeeded Pod is Current',
    obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Succeeded' } },
    status: 'Current',
  },
  {
    name: 'a Pod without phase is InProgress',
    obj: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' } },
    status: 'InProgress',
    message: 'Pod phase not available',
  },
  {
    name: 'an unbound PVC is InProgress',
    obj: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      status: { phase: 'Pending' },
    },
    status: 'InProgress',
    message: 'PVC is not Bound. phase: Pending',
  },
  {
    name: 'a bound PVC is Current',
    obj: {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'c' },
      status: { phase: 'Bound' },
    },
    status: 'Current',
  },
  {
    name: 'a ClusterIP Service is Current',
    obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { clusterIP: '10.0.0.1' } },
    status: 'Current',
    message: 'Service is ready',
  },
  {
    name: 'a LoadBalancer Service without clusterIP is InProgress',
    obj: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'LoadBalancer' } },
    status: 'InProgress',
  },
  {
    name: 'an established CRD is Current',
    obj: {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'x' },
      status: {
        conditions: [
          { type: 'NamesAccepted', status: 'True' },
          { type: 'Established', status: 'True' },
        ],
      },
    },
    status: 'Current',
    message: 'CRD is established',
  },
  {
    name: 'a CRD without Established is installing',
    obj: { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'x' } },
    status: 'InProgress',
    message: 'Install in progress',
  },
  {
    name: 'a CRD whose names were rejected is Failed',
    obj: {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'x' },
      status: {
        conditions: [{ type: 'NamesAccepted', status: 'False', reason: 'NameConflict', message: 'taken' }],
      },
    },
    status: 'Failed',
    message: 'taken',
  },
  {
    name: 'a Namespace (no specific rule, no conditions) is Current',
    obj: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n' }, status: { phase: 'Active' } },
    status: 'Current',
    message: 'Resource is current',
  },
  {
    name: 'ConfigMaps and Secrets are always ready',
    obj: { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } },
    status: 'Current',
    message: 'Resource is always ready',
  },
  {
    name: 'a CronJob is always ready',
    obj: { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c' } },
    status: 'Current',
  },
  {
    name: 'a custom resource with Ready=True is Current',
    obj: {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'g', generation: 1 },
      status: {
        observedGeneration: 1,
        conditions: [{ type: 'Ready', status: 'True', reason: 'Succeeded', message: 'stored artifact' }],
      },
    },
    status: 'Current',
  },
  {
    name: 'a custom resource with Ready=False is InProgress',
    obj: {
      apiVersion: 'example.com/v1',
      kind: 'Thing',
      metadata: { name: 't' },
      status: { conditions: [{ type: 'Ready', status: 'False', reason: 'Waiting', message: 'not yet' }] },
    },
    status: 'InProgress',
    message: 'not yet',
  },
  {
    name: 'a custom resource without conditions is Current',
    obj: { apiVersion: 'example.com/v1', kind: 'Thing', metadata: { name: 't' } },
    status: 'Current',
  },
  {
    name: 'upstream kstatus counts a running Job as Current',
    obj: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      status: { startTime: '2025-01-01T00:00:00Z', active: 1 },
    },
    status: 'Current',
  },
  {
    name: "with Flux's Job reader a running Job is InProgress",
    job: true,
    obj: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      status: { startTime: '2025-01-01T00:00:00Z', active: 1 },
    },
    status: 'InProgress',
    message: 'Job in progress',
  },
  {
    name: "with Flux's Job reader a completed Job is Current",
    job: true,
    obj: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: { completions: 1 },
      status: { succeeded: 1, conditions: [{ type: 'Complete', status: 'True' }] },
    },
    status: 'Current',
    message: 'Job Completed. succeeded: 1/1',
  },
  {
    name: "with Flux's Job reader a failed Job is Failed",
    job: true,
    obj: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      status: { failed: 2, conditions: [{ type: 'Failed', status: 'True' }] },
    },
    status: 'Failed',
    message: 'Job Failed. failed: 2/1',
  },
  {
    name: "with Flux's Job reader a suspended Job is still InProgress",
    job: true,
    obj: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      status: { conditions: [{ type: 'Suspended', status: 'True' }] },
    },
    status: 'InProgress',
  },
];

describe('computeStatus (kstatus)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = computeStatus(c.obj, { now, readers: c.job ? [jobStatusReader] : [] });
      assert.equal(r.status, c.status);
      if (c.message !== undefined) assert.equal(r.message, c.message);
      if (r.status === 'InProgress' && r.conditions.length > 0)
        assert.equal(r.conditions[0]?.type, 'Reconciling');
      if (r.status === 'Current') assert.deepEqual(r.conditions, []);
    });
  }
  it('an unknown Pod phase is an error (the poller reports Unknown)', () => {
    assert.throws(
      () =>
        computeStatus({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { phase: 'Weird' } }),
      /unknown phase Weird/,
    );
  });
});
