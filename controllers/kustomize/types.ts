/**
 * The kustomize-controller's collaborators and options. Artifact fetching and the kustomize build are
 * injected so the reconciler runs the same loop whatever fetches the tarball or builds the overlay.
 */
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import type { CelCompiler } from '../../runtime/health/index.js';
import type { LiveVersions } from './applied-memory.js';

export interface SourceArtifact {
  readonly url: string;
  readonly digest: string;
  readonly revision: string;
  readonly metadata?: Readonly<Record<string, string>>;
}

/** Downloads an artifact, verifies its digest and extracts it into `dir` (symlinks skipped). */
export interface ArtifactFetcher {
  fetch(artifact: SourceArtifact, dir: string, signal?: AbortSignal): Promise<void>;
}

/** Thrown by an ArtifactFetcher when the server answers 404 (runtime/artifact's error). */
export { ArtifactNotFoundError } from '../../runtime/artifact/index.js';

export interface BuildRequest {
  /** Directory on disk holding the extracted artifact (the build never reads outside it). */
  readonly root: string;
  /** `spec.path` relative to the root, already checked to exist. */
  readonly path: string;
  /** `--no-remote-bases`: refuse remote git bases and components (http(s) files are still fetched). */
  readonly noRemoteBases?: boolean;
}

/**
 * Runs the kustomize build of `path` (Flux's SecureBuild). The kustomization.yaml has already been
 * generated/patched with the spec overrides and its SOPS sources decrypted by the reconciler.
 */
export interface ManifestBuilder {
  build(req: BuildRequest): Promise<KubeObject[]>;
}

export type EventType = 'Normal' | 'Warning';

export interface EventRecorder {
  event(
    obj: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    metadata?: Readonly<Record<string, string>>,
  ): void;
}

export interface KustomizeControllerOptions {
  /** `--requeue-dependency` @default 30000 */
  readonly requeueDependencyMs?: number;
  /** `--no-remote-bases` @default false */
  readonly noRemoteBases?: boolean;
  /** `--no-cross-namespace-refs` @default false */
  readonly noCrossNamespaceRefs?: boolean;
  /** `--default-service-account` */
  readonly defaultServiceAccount?: string;
  /** Feature gate `StrictPostBuildSubstitutions`. @default false */
  readonly strictSubstitutions?: boolean;
  /** Feature gate `DisableFailFastBehavior`. @default false */
  readonly disableFailFast?: boolean;
  /** Feature gate `CancelHealthCheckOnNewRevision`. @default false */
  readonly cancelHealthCheckOnNewRevision?: boolean;
  /** Feature gate `ExternalArtifact`. @default false */
  readonly externalArtifact?: boolean;
  /** Feature gate `ObjectLevelWorkloadIdentity` (needed for `decryption.serviceAccountName`). @default false */
  readonly objectLevelWorkloadIdentity?: boolean;
  /** `--concurrent-ssa` @default 4 */
  readonly concurrentSsa?: number;
  /** Health poll interval. @default 5000 */
  readonly healthPollMs?: number;
  /** `--override-manager` */
  readonly overrideManagers?: readonly string[];
  /** `--sops-age-secret` (in the runtime namespace): fallback age keys when no secretRef is set. */
  readonly sopsAgeSecret?: { readonly namespace: string; readonly name: string };
  /** Skip the dry-run of provably unchanged objects when liveVersions is set. @default true */
  readonly skipUnchangedDryRun?: boolean;
  /** Temp directory root for artifacts. @default os.tmpdir() */
  readonly tmpDir?: string;
  /** `--insecure-kubeconfig-exec`: kubeConfig.secretRef kubeconfigs may use exec plugins. @default false */
  readonly insecureKubeconfigExec?: boolean;
  /** `--insecure-kubeconfig-tls`: kubeConfig.secretRef kubeconfigs may skip TLS verification. @default false */
  readonly insecureKubeconfigTls?: boolean;
  /** `--default-kubeconfig-service-account`: kubeConfig.configMapRef identity when the ConfigMap names none. */
  readonly defaultKubeconfigServiceAccount?: string;
}

export interface KustomizeDeps {
  readonly client: KubeClient;
  readonly fetcher: ArtifactFetcher;
  readonly builder: ManifestBuilder;
  readonly events: EventRecorder;
  /** CEL engine for healthCheckExprs and readyExpr; without it those fields are a terminal error. */
  readonly cel?: CelCompiler;
  /** Watch-cache resourceVersions; with them unchanged objects skip the dry-run (Beyond Flux). */
  readonly liveVersions?: LiveVersions;
  readonly options?: KustomizeControllerOptions;
}

/** Why a reconcile stopped, carrying Flux's Ready reason. */
export class ReconcileError extends Error {
  override readonly name = 'ReconcileError';
  constructor(
    readonly reason: string,
    message: string,
    /** `stalling`: no retry until the spec changes; `waiting`: requeue after `requeueAfterMs`. */
    readonly kind: 'generic' | 'stalling' | 'waiting' = 'generic',
    readonly requeueAfterMs?: number,
    options?: ErrorOptions & { readonly event?: boolean },
  ) {
    super(message, options);
    this.event = options?.event ?? true;
  }

  /**
   * Whether the failure is announced with an Event. Flux records a waiting-for-source stop (source
   * missing, unreadable, or without an artifact yet) only in the Ready condition and the log.
   */
  readonly event: boolean;
}

export interface ReconcileResult {
  /** When to run again; undefined means never (until an event). */
  readonly requeueAfterMs?: number;
}
