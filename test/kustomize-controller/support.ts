/**
 * Test support for the kustomize-controller tests: a loopback artifact server (like Flux's
 * testserver.ArtifactServer), GitRepository objects with a patched artifact status (as upstream's
 * tests do, no source-controller needed), an in-memory event recorder, and a reconcile driver.
 */
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { archive, memorySource, type MemoryNode } from '../../engines/tar/index.js';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { createLogger } from '../../runtime/logging/index.js';
import { Manager, defaultManagerOptions, type ManagerOptions } from '../../runtime/manager/index.js';
import {
  setupKustomizationController,
  type KustomizationSetupOptions,
} from '../../controllers/kustomize/setup.js';
import type { EventRecorder, ManifestBuilder, SourceArtifact } from '../../controllers/kustomize/types.js';
import type { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';

const run = promisify(execFile);

export interface ArtifactServer {
  readonly base: string;
  /** Archives the tree and serves it; returns the artifact to put in a source's status. */
  publish(
    path: string,
    tree: Readonly<Record<string, MemoryNode>>,
    revision: string,
  ): Promise<SourceArtifact>;
  /** Serves different bytes at an existing path (to provoke a digest mismatch). */
  corrupt(path: string): void;
  close(): Promise<void>;
}

export async function startArtifactServer(): Promise<ArtifactServer> {
  const files = new Map<string, Buffer>();
  const server: Server = createServer((req, res) => {
    const body = files.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    async publish(path, tree, revision) {
      const chunks: Uint8Array[] = [];
      for await (const c of archive(memorySource(tree))) chunks.push(c);
      const buf = Buffer.concat(chunks);
      files.set(`/${path}`, buf);
      return {
        url: `${base}/${path}`,
        digest: `sha256:${createHash('sha256').update(buf).digest('hex')}`,
        revision,
      };
    },
    corrupt(path) {
      files.set(`/${path}`, Buffer.from('not the archive you are looking for'));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Stand-in builder until engines/kustomize exposes its entry point: the real kustomize v5.7.1
 * binary (built by scripts/build-kustomize.sh). Only overlays that already have a kustomization.yaml
 * and no spec overrides are built this way.
 */
export function kustomizeCliBuilder(): ManifestBuilder {
  const cache = process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice');
  const bin = join(cache, 'bin', 'kustomize-v5.7.1', 'kustomize');
  return {
    async build(req) {
      let stdout: string;
      try {
        ({ stdout } = await run(bin, ['build', join(req.root, req.path)], { maxBuffer: 64 * 1024 * 1024 }));
      } catch (err) {
        const stderr = (err as { stderr?: string }).stderr ?? String(err);
        throw new Error(stderr.trim().replace(/^Error: /, ''));
      }
      return parseAllDocuments(stdout)
        .map((d) => d.toJS() as KubeObject | null)
        .filter((o): o is KubeObject => o !== null);
    },
  };
}

export interface RecordedEvent {
  readonly type: string;
  readonly reason: string;
  readonly message: string;
  readonly metadata: Readonly<Record<string, string>>;
}

export function memoryEvents(): EventRecorder & { readonly list: RecordedEvent[] } {
  const list: RecordedEvent[] = [];
  return {
    list,
    event: (_obj, type, reason, message, metadata = {}) => list.push({ type, reason, message, metadata }),
  };
}

/** Creates (or updates) a GitRepository and sets its status artifact, as upstream's tests do. */
export async function setGitSource(
  client: KubeClient,
  namespace: string,
  name: string,
  artifact: SourceArtifact | undefined,
): Promise<void> {
  const ref = { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', namespace, name };
  if (!(await client.getOrUndefined(ref))) {
    await client.create({
      ...ref,
      metadata: { name, namespace },
      spec: { url: 'https://example.invalid/repo', interval: '1m', ref: { branch: 'main' } },
    });
  }
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const status = artifact
    ? {
        observedGeneration: 1,
        artifact: { ...artifact, path: 'x', lastUpdateTime: now },
        conditions: [
          {
            type: 'Ready',
            status: 'True',
            reason: 'Succeeded',
            message: 'stored artifact',
            lastTransitionTime: now,
          },
        ],
      }
    : { observedGeneration: 1, conditions: [] };
  await client.patchStatus(ref, 'merge', {
    status: { ...status, artifact: artifact ? status.artifact : null },
  });
}

/** Runs reconciles until one asks for a non-immediate requeue (or none); returns that result. */
export async function reconcileOnce(
  r: KustomizationReconciler,
  namespace: string,
  name: string,
): Promise<{ requeueAfterMs?: number }> {
  for (let i = 0; i < 5; i++) {
    const res = await r.reconcile(namespace, name);
    if (res.requeueAfterMs !== 0) return res;
  }
  throw new Error('reconcile kept asking for an immediate requeue');
}

/**
 * Drops the finalizers of the Kustomizations left in a namespace (no controller runs after a test),
 * so that deleting the test namespace completes instead of hanging in Terminating.
 */
export async function releaseKustomizations(client: KubeClient, namespace: string): Promise<void> {
  const list = await client.list('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', { namespace });
  for (const k of list.items) {
    await client
      .patch(
        {
          apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
          kind: 'Kustomization',
          namespace,
          name: k.metadata.name ?? '',
        },
        'merge',
        { metadata: { finalizers: null } },
      )
      .catch(() => undefined);
  }
}

/**
 * A manager running only the Kustomization controller on `namespace` (loopback endpoints, quiet logs,
 * 40 ms retry floor, 200 ms health polls); `stop()` aborts it and waits for its workers.
 */
export function startKustomizeManager(
  client: KubeClient,
  namespace: string,
  options: Partial<ManagerOptions> = {},
  setup: KustomizationSetupOptions = {},
): { stop(): Promise<void> } {
  const mgr = new Manager({
    kube: client,
    log: createLogger({ destination: { write: () => undefined } }),
    options: {
      ...defaultManagerOptions(),
      healthAddr: '127.0.0.1:0',
      metricsAddr: '127.0.0.1:0',
      runtimeNamespace: namespace,
      watchAllNamespaces: false,
      minRetryDelayMs: 40,
      ...options,
    },
  });
  setupKustomizationController(mgr, { healthPollMs: 200, ...setup });
  const ac = new AbortController();
  const running = mgr.start(ac.signal);
  return {
    stop: async () => {
      ac.abort();
      await running;
    },
  };
}
