/**
 * A local Kubernetes control plane made of the real etcd, kube-apiserver and kube-controller-manager
 * (garbage collector, namespace lifecycle, service accounts and their tokens; no scheduler, no kubelet),
 * bound to loopback on free ports. `startCluster` returns once /readyz answers; the processes keep
 * running detached until `stopCluster` stops exactly those pids.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { controlPlaneBinaries, kubeVersion } from './binaries.js';
import { makePki } from './certs.js';
import { renderKubeconfig } from './kubeconfig.js';
import { freePort } from './ports.js';
import { isRunning, startDetached, stopProcess, type ManagedProcess } from './processes.js';
import { waitUntilOk, type TlsFiles } from './readiness.js';

export interface ClusterState {
  readonly dir: string;
  readonly server: string;
  readonly kubeconfig: string;
  readonly kubeVersion: string;
  /** Admin bearer token (system:masters), for tools that prefer a token to the client certificate. */
  readonly tokenFile: string;
  readonly tls: TlsFiles;
  readonly processes: readonly ManagedProcess[];
  readonly startedAt: string;
}

export interface StartOptions {
  /** Folder holding everything: PKI, etcd data, logs, kubeconfig, state.json. */
  readonly dir: string;
  /** @default 90_000 */
  readonly readyTimeoutMs?: number;
  /** Start kube-controller-manager. @default true */
  readonly controllerManager?: boolean;
  /**
   * Also run the Deployment and ReplicaSet controllers, so Deployments get a status (a `replicas: 0`
   * Deployment becomes Available; pods are never scheduled, there is no kubelet). @default false
   */
  readonly workloadControllers?: boolean;
  readonly log?: (line: string) => void;
}

const stateFile = (dir: string): string => join(dir, 'state.json');

/** The kube-controller-manager controllers a local control plane runs. */
export function kcmControllers(workloads: boolean): string[] {
  const base = [
    'garbage-collector-controller',
    'namespace-controller',
    'serviceaccount-controller',
    'serviceaccount-token-controller',
    'root-ca-certificate-publisher-controller',
    // Aggregates rules into admin/edit/view (e.g. Ingress for a tenant bound to `admin`), as on any cluster.
    'clusterrole-aggregation-controller',
  ];
  return workloads ? [...base, 'deployment-controller', 'replicaset-controller'] : base;
}

export async function readClusterState(dir: string): Promise<ClusterState | undefined> {
  const f = stateFile(resolve(dir));
  if (!existsSync(f)) return undefined;
  return JSON.parse(await readFile(f, 'utf8')) as ClusterState;
}

/** True when every process recorded in the state still runs. */
export function clusterRunning(state: ClusterState): boolean {
  return state.processes.length > 0 && state.processes.every(isRunning);
}

export async function startCluster(opts: StartOptions): Promise<ClusterState & { reused: boolean }> {
  const dir = resolve(opts.dir);
  const log = opts.log ?? (() => undefined);
  const previous = await readClusterState(dir);
  if (previous && clusterRunning(previous)) return { ...previous, reused: true };
  if (previous) await stopCluster(dir);

  const bins = controlPlaneBinaries();
  const pkiDir = join(dir, 'pki');
  const logs = join(dir, 'logs');
  await rm(join(dir, 'etcd'), { recursive: true, force: true });
  await mkdir(pkiDir, { recursive: true });
  await mkdir(logs, { recursive: true });
  const pki = await makePki(pkiDir);
  const token = randomBytes(24).toString('hex');
  const tokenFile = join(pkiDir, 'admin.token');
  await writeFile(tokenFile, token + '\n', { mode: 0o600 });
  await writeFile(join(pkiDir, 'tokens.csv'), `${token},sluice-admin,sluice-admin,"system:masters"\n`, {
    mode: 0o600,
  });

  const [etcdClient, etcdPeer, apiPort] = [await freePort(), await freePort(), await freePort()];
  const processes: ManagedProcess[] = [];
  const tls: TlsFiles = { ca: pki.caCert, cert: pki.adminCert, key: pki.adminKey };
  const server = `https://127.0.0.1:${apiPort}`;
  const kubeconfig = join(dir, 'kubeconfig');
  try {
    log(`starting etcd on 127.0.0.1:${etcdClient}`);
    const etcdUrl = `http://127.0.0.1:${etcdClient}`;
    processes.push(
      startDetached(
        'etcd',
        bins.etcd,
        [
          `--data-dir=${join(dir, 'etcd')}`,
          `--listen-client-urls=${etcdUrl}`,
          `--advertise-client-urls=${etcdUrl}`,
          `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
          `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
          `--initial-cluster=default=http://127.0.0.1:${etcdPeer}`,
          '--unsafe-no-fsync=true',
          '--log-level=warn',
          '--quota-backend-bytes=8589934592',
        ],
        join(logs, 'etcd.log'),
      ),
    );
    log(`starting kube-apiserver ${kubeVersion} on ${server}`);
    processes.push(
      startDetached(
        'kube-apiserver',
        bins.kubeApiserver,
        [
          `--etcd-servers=${etcdUrl}`,
          `--cert-dir=${pkiDir}`,
          `--tls-cert-file=${pki.serverCert}`,
          `--tls-private-key-file=${pki.serverKey}`,
          `--client-ca-file=${pki.caCert}`,
          `--token-auth-file=${join(pkiDir, 'tokens.csv')}`,
          `--secure-port=${apiPort}`,
          '--bind-address=127.0.0.1',
          '--advertise-address=127.0.0.1',
          '--service-cluster-ip-range=10.0.0.0/16',
          '--allow-privileged=true',
          `--service-account-issuer=${server}/`,
          `--service-account-key-file=${pki.saPub}`,
          `--service-account-signing-key-file=${pki.saKey}`,
          '--authorization-mode=RBAC',
          '--disable-admission-plugins=ServiceAccount',
          '--endpoint-reconciler-type=none',
          '--profiling=false',
        ],
        join(logs, 'kube-apiserver.log'),
      ),
    );
    const apiserver = processes[1]!;
    await waitUntilOk(`${server}/readyz`, tls, opts.readyTimeoutMs ?? 90_000, () => isRunning(apiserver));
    await writeFile(
      kubeconfig,
      await renderKubeconfig({
        server,
        caCertFile: pki.caCert,
        clientCertFile: pki.adminCert,
        clientKeyFile: pki.adminKey,
      }),
      { mode: 0o600 },
    );
    if (opts.controllerManager ?? true) {
      log('starting kube-controller-manager (garbage collector, namespace lifecycle, service accounts)');
      processes.push(
        startDetached(
          'kube-controller-manager',
          bins.kubeControllerManager,
          [
            `--kubeconfig=${kubeconfig}`,
            `--controllers=${kcmControllers(opts.workloadControllers ?? false).join(',')}`,
            `--service-account-private-key-file=${pki.saKey}`,
            `--root-ca-file=${pki.caCert}`,
            '--leader-elect=false',
            '--secure-port=0',
            '--use-service-account-credentials=false',
          ],
          join(logs, 'kube-controller-manager.log'),
        ),
      );
    }
  } catch (err) {
    for (const p of processes.reverse()) await stopProcess(p);
    throw err;
  }
  const state: ClusterState = {
    dir,
    server,
    kubeconfig,
    kubeVersion,
    tokenFile,
    tls,
    processes,
    startedAt: new Date().toISOString(),
  };
  await writeFile(stateFile(dir), JSON.stringify(state, null, 2) + '\n');
  return { ...state, reused: false };
}

/** Stops exactly the processes `startCluster` recorded for this folder (newest first). */
export async function stopCluster(dirArg: string): Promise<{ stopped: string[] }> {
  const dir = resolve(dirArg);
  const state = await readClusterState(dir);
  if (!state) return { stopped: [] };
  const stopped: string[] = [];
  for (const p of [...state.processes].reverse()) {
    if (isRunning(p)) stopped.push(`${p.name} (pid ${p.pid})`);
    await stopProcess(p);
  }
  await rm(stateFile(dir), { force: true });
  return { stopped };
}
