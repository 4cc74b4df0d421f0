import type { Artifact } from '../../../api/meta/types.js';
import type { GitRepository } from '../../../api/source/v1/git-repository.js';
import type { Storage } from '../../../runtime/artifact/index.js';
import type { KubeClient } from '../../../runtime/client/index.js';
import type { WorkerPool } from '../../../runtime/workers/index.js';
import type { CheckoutCache, CheckoutResult } from '../../../runtime/git/index.js';
import type { Conditions } from './conditions.js';

/** What the GitRepository reconciler needs from the process. */
export interface GitRepositoryDeps {
  readonly client: KubeClient;
  readonly storage: Storage;
  /** --requeue-dependency in ms. @default 30000 */
  readonly requeueDependencyMs?: number;
  /** Largest checkout in bytes (our addition; Flux has no such limit). @default 1 GiB */
  readonly gitMaxBytes?: number;
  /** --feature-gates (ObjectLevelWorkloadIdentity is read). */
  readonly featureGates?: Readonly<Record<string, boolean>>;
  /** Worker threads for archiving (walk, tar, gzip, digest); absent: on the event loop. */
  readonly archivePool?: WorkerPool;
  /** Completed checkouts shared between objects (same remote, commit, credentials and options). */
  readonly checkoutCache?: CheckoutCache;
  /** Records a Kubernetes event for the object. */
  readonly recordEvent: EventRecorder;
  /** Field manager for status patches. @default 'source-controller' */
  readonly fieldManager?: string;
  /** --interval-jitter-percentage. @default 5 */
  readonly jitterPercent?: number;
  /** Reads the object (from the informer cache); default: a GET from the API server. */
  readonly read?: (namespace: string, name: string) => Promise<GitRepository | undefined>;
}

export type EventType = 'Normal' | 'Warning' | 'Trace';

export type EventRecorder = (
  obj: GitRepository,
  type: EventType,
  reason: string,
  message: string,
  annotations?: Readonly<Record<string, string>>,
  /** Forward to notification-controller (Flux's error Notification flag). @default true */
  forward?: boolean,
) => Promise<void>;

/** Per-reconcile state shared by the steps (Flux passes commit, includes and dir the same way). */
export interface StepContext {
  readonly deps: GitRepositoryDeps;
  readonly obj: GitRepository;
  readonly conditions: Conditions;
  /** Temporary working directory (the checkout goes in `<dir>/repo`). */
  readonly dir: string;
  commit?: CheckoutResult;
  includes: Artifact[];
  /** Patches the in-progress status (Flux's SerialPatcher.Patch between steps). */
  patch(): Promise<void>;
}

/** The outcome of a step: continue, or stop and requeue right away. */
export type StepResult = 'success' | 'requeue';
export type Step = (ctx: StepContext) => Promise<StepResult>;

/** Reconciling=True with the message, and Ready=Unknown unless Ready is already False. */
export function progressive(c: Conditions, reconciling: boolean, message: string): void {
  if (reconciling) c.markTrue('Reconciling', 'Progressing', message);
  if (c.isFalse('Ready')) return;
  c.set('Ready', 'Unknown', 'Progressing', message);
}
