import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import type { GitRepository } from '../../api/source/v1/git-repository.js';
import { setupGitRepositoryController } from '../../controllers/source/git-repository/setup.js';
import type { Storage } from '../../runtime/artifact/index.js';
import { KubeClient } from '../../runtime/client/index.js';
import type { KubeObject } from '../../runtime/client/index.js';
import { Manager, defaultManagerOptions } from '../../runtime/manager/index.js';
import { artifactServerRunnable } from '../../server/artifact/index.js';
import { ensureCrds, getTestCluster } from '../harness/index.js';

export type GitRepo = GitRepository & KubeObject;

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** A running source-controller (GitRepository only) against the shared test control plane. */
export interface SourceEnv {
  readonly kube: KubeClient;
  readonly storage: Storage;
  readonly storageAddr: string;
  /** Every log line the manager wrote. */
  readonly logs: string[];
  stop(): Promise<void>;
}

export async function startSourceEnv(
  opts: { gitMaxBytes?: number; concurrent?: number; qps?: number; burst?: number; gitCheckoutCache?: false } = {},
): Promise<SourceEnv> {
  const cluster = await getTestCluster();
  await ensureCrds();
  const kube = KubeClient.fromKubeConfig(
    { kubeconfigPath: cluster.kubeconfigPath },
    { fieldManager: 'source-controller', rateLimit: { qps: opts.qps ?? 50, burst: opts.burst ?? 300 } },
  );
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      logs.push(chunk.toString());
      cb();
    },
  });
  const log = pino({ level: 'debug' }, sink);
  const storagePath = await mkdtemp(join(tmpdir(), 'sluice-source-storage-'));
  const port = await freePort();
  const storageAddr = `127.0.0.1:${port}`;
  const mgr = new Manager({
    kube,
    log,
    options: {
      ...defaultManagerOptions(),
      healthAddr: '127.0.0.1:0',
      metricsAddr: '127.0.0.1:0',
      concurrent: opts.concurrent ?? 4,
      minRetryDelayMs: 300,
      maxRetryDelayMs: 3000,
    },
  });
  const { storage, leaseId } = setupGitRepositoryController(mgr, {
    storagePath,
    storageAddr,
    retentionTTLMs: 60_000,
    retentionRecords: 2,
    ...(opts.gitMaxBytes ? { gitMaxBytes: opts.gitMaxBytes } : {}),
    ...(opts.gitCheckoutCache === false ? { gitCheckoutCache: false as const } : {}),
  });
  mgr.add(artifactServerRunnable(storage, storageAddr, leaseId));
  const ac = new AbortController();
  const running = mgr.start(ac.signal);
  return {
    kube,
    storage,
    storageAddr,
    logs,
    stop: async () => {
      ac.abort();
      await running.catch(() => undefined);
      await rm(storagePath, { recursive: true, force: true });
    },
  };
}
