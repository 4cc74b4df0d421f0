/**
 * `--insecure-kubeconfig-exec` / `--insecure-kubeconfig-tls` (Flux's kustomize-controller flags,
 * default false) for `spec.kubeConfig.secretRef`: without them the kubeconfig's exec plugin and
 * insecure-skip-tls-verify are dropped (Flux's runtime/client.KubeConfig), so the remote client has no
 * credentials / verifies TLS and the reconcile fails; with them the remote apply succeeds. The exec
 * plugin is a local script printing an ExecCredential with a token valid on a second control plane.
 * The token never appears in conditions or events.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Command } from 'commander';
import { nativeBuilder } from '../../controllers/kustomize/builder.js';
import { addKustomizeFlags, kustomizeOptionsFromFlags } from '../../controllers/kustomize/flags.js';
import { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';
import { sanitizeKubeConfig } from '../../controllers/kustomize/remote-kubeconfig.js';
import type { KustomizeControllerOptions } from '../../controllers/kustomize/types.js';
import { artifactFetcher } from '../../controllers/kustomize/wiring.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { startCluster, stopCluster, type ClusterState } from '../../runtime/controlplane/index.js';
import {
  createTestNamespace,
  deleteTestNamespace,
  ensureCrds,
  getTestCluster,
  waitFor,
} from '../harness/index.js';
import {
  memoryEvents,
  reconcileOnce,
  releaseKustomizations,
  setGitSource,
  startArtifactServer,
  type ArtifactServer,
} from './support.js';
import { skipWithoutFlux, startFlux } from './upstream-flux.js';

const kubeconfig = (cluster: string, user: string): string =>
  [
    'apiVersion: v1',
    'current-context: c',
    'contexts: [{name: c, context: {cluster: k, user: u}}]',
    `clusters: [{name: k, cluster: ${cluster}}]`,
    `users: [{name: u, user: ${user}}]`,
  ].join('\n');

describe('sanitizeKubeConfig with and without the insecure flags', () => {
  const exec = '{command: /bin/plugin, apiVersion: client.authentication.k8s.io/v1beta1}';
  const cases: {
    name: string;
    opts: { insecureExec?: boolean; insecureTls?: boolean };
    cluster: string;
    user: string;
    want?: { cluster: Record<string, unknown>; user: Record<string, unknown> };
    error?: string;
  }[] = [
    {
      name: 'no flags: exec, insecure-skip-tls-verify, proxy-url and file references are dropped',
      opts: {},
      cluster:
        '{server: "https://h:6443", insecure-skip-tls-verify: true, proxy-url: "http://p:3128", certificate-authority: /ca}',
      user: `{token: t, exec: ${exec}, client-key: /k}`,
      want: { cluster: { server: 'https://h:6443' }, user: { token: 't' } },
    },
    {
      name: '--insecure-kubeconfig-exec keeps the exec plugin (and nothing else insecure)',
      opts: { insecureExec: true },
      cluster: '{server: "https://h:6443", insecure-skip-tls-verify: true}',
      user: `{exec: ${exec}}`,
      want: {
        cluster: { server: 'https://h:6443' },
        user: { exec: { command: '/bin/plugin', apiVersion: 'client.authentication.k8s.io/v1beta1' } },
      },
    },
    {
      name: '--insecure-kubeconfig-tls keeps insecure-skip-tls-verify (and not the exec plugin)',
      opts: { insecureTls: true },
      cluster: '{server: "https://h:6443", insecure-skip-tls-verify: true}',
      user: `{token: t, exec: ${exec}}`,
      want: { cluster: { server: 'https://h:6443', 'insecure-skip-tls-verify': true }, user: { token: 't' } },
    },
    {
      name: '--insecure-kubeconfig-tls with a CA as well is refused as client-go refuses it',
      opts: { insecureTls: true },
      cluster: '{server: "https://h:6443", insecure-skip-tls-verify: true, certificate-authority-data: Q0E=}',
      user: '{token: t}',
      error: 'specifying a root certificates file with the insecure flag is not allowed',
    },
    {
      name: 'without --insecure-kubeconfig-tls a CA next to insecure-skip-tls-verify is simply used',
      opts: {},
      cluster: '{server: "https://h:6443", insecure-skip-tls-verify: true, certificate-authority-data: Q0E=}',
      user: '{token: t}',
      want: {
        cluster: { server: 'https://h:6443', 'certificate-authority-data': 'Q0E=' },
        user: { token: 't' },
      },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const text = kubeconfig(c.cluster, c.user);
      if (c.error) {
        assert.throws(() => sanitizeKubeConfig(text, c.opts), { message: c.error });
        return;
      }
      const out = JSON.parse(sanitizeKubeConfig(text, c.opts)) as {
        clusters: { cluster: unknown }[];
        users: { user: unknown }[];
      };
      assert.deepEqual({ cluster: out.clusters[0]?.cluster, user: out.users[0]?.user }, c.want);
    });
  }
});

describe('--insecure-kubeconfig-exec / --insecure-kubeconfig-tls parse as Go bool flags (default false)', () => {
  const parse = (args: string[]) => {
    const cmd = new Command('controller').exitOverride();
    addKustomizeFlags(cmd);
    cmd.parse(args, { from: 'user' });
    const o = kustomizeOptionsFromFlags(cmd.opts(), 'flux-system');
    return { exec: o.insecureKubeconfigExec === true, tls: o.insecureKubeconfigTls === true };
  };
  const cases: { args: string[]; want: { exec: boolean; tls: boolean } }[] = [
    { args: [], want: { exec: false, tls: false } },
    { args: ['--insecure-kubeconfig-exec'], want: { exec: true, tls: false } },
    { args: ['--insecure-kubeconfig-tls=true'], want: { exec: false, tls: true } },
    {
      args: ['--insecure-kubeconfig-exec=false', '--insecure-kubeconfig-tls'],
      want: { exec: false, tls: true },
    },
  ];
  for (const c of cases) {
    it(`${c.args.join(' ') || '(no flags)'} → exec ${c.want.exec}, tls ${c.want.tls}`, () => {
      assert.deepEqual(parse(c.args), c.want);
    });
  }
});

type Cond = { type: string; status: string; reason: string; message: string };
const ready = (o: KubeObject): Cond | undefined =>
  ((o['status'] as { conditions?: Cond[] } | undefined)?.conditions ?? []).find((c) => c.type === 'Ready');

describe('remote apply through an exec plugin / an insecure kubeconfig (second control plane)', () => {
  let client: KubeClient;
  let remote: KubeClient;
  let remoteState: ClusterState;
  let remoteDir: string;
  let work: string;
  let server: ArtifactServer;
  let ns: string;
  let token: string;
  const ksRef = (name: string) => ({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    namespace: ns,
    name,
  });
  const remoteCm = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name });

  before(async () => {
    const c = await getTestCluster();
    await ensureCrds();
    client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
    remoteDir = await mkdtemp(join(tmpdir(), 'sluice-remote-kc-cp-'));
    remoteState = await startCluster({ dir: remoteDir, controllerManager: false });
    remote = KubeClient.fromKubeConfig({ kubeconfigPath: remoteState.kubeconfig });
    token = (await readFile(remoteState.tokenFile, 'utf8')).trim();
    work = await mkdtemp(join(tmpdir(), 'sluice-remote-kc-'));
    // The plugin reads the token from the control plane's token file: it is in no kubeconfig or argument.
    const plugin = join(work, 'credential-plugin.sh');
    await writeFile(
      plugin,
      '#!/bin/sh\nprintf \'{"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential",' +
        `"status":{"token":"%s"}}\\n' "$(cat '${remoteState.tokenFile}')"\n`,
    );
    await chmod(plugin, 0o700);
    const ca = (await readFile(remoteState.tls.ca)).toString('base64');
    server = await startArtifactServer();
    ns = await createTestNamespace('ksremotekc');
    const secrets: Record<string, string> = {
      'exec-kubeconfig': kubeconfig(
        `{server: "${remoteState.server}", certificate-authority-data: ${ca}}`,
        `{exec: {apiVersion: client.authentication.k8s.io/v1beta1, command: "${plugin}"}}`,
      ),
      'insecure-kubeconfig': kubeconfig(
        `{server: "${remoteState.server}", insecure-skip-tls-verify: true}`,
        `{token: "${token}"}`,
      ),
    };
    for (const [name, value] of Object.entries(secrets)) {
      await client.create({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace: ns },
        stringData: { value },
      });
    }
    const revision = 'main@sha1:cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd';
    const tree = {
      'exec/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: via-exec\n  namespace: default\ndata:\n  a: "1"\n',
      'insecure/cm.yaml':
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: via-insecure\n  namespace: default\ndata:\n  a: "1"\n',
    };
    await setGitSource(client, ns, 'repo', await server.publish('remote-kc.tar.gz', tree, revision));
    for (const name of ['exec', 'insecure']) {
      await client.create({
        ...ksRef(name),
        metadata: { name, namespace: ns },
        spec: {
          interval: '10m',
          prune: true,
          path: `./${name}`,
          sourceRef: { kind: 'GitRepository', name: 'repo' },
          kubeConfig: { secretRef: { name: `${name}-kubeconfig` } },
        },
      });
    }
  });

  after(async () => {
    await releaseKustomizations(client, ns);
    await deleteTestNamespace(ns);
    await server.close();
    client.close();
    remote.close();
    await stopCluster(remoteDir);
    await rm(remoteDir, { recursive: true, force: true });
    await rm(work, { recursive: true, force: true });
  });

  const reconcileWith = async (name: string, options: KustomizeControllerOptions) => {
    const events = memoryEvents();
    const r = new KustomizationReconciler({
      client,
      fetcher: artifactFetcher({ retries: 0 }),
      builder: nativeBuilder(),
      events,
      options,
    });
    await reconcileOnce(r, ns, name);
    const cond = ready(await client.get(ksRef(name)));
    for (const text of [cond?.message ?? '', ...events.list.map((e) => e.message)])
      assert.ok(!text.includes(token), 'the token leaked into a condition or event');
    return cond;
  };

  const cases: {
    name: string;
    ks: string;
    cm: string;
    flags: KustomizeControllerOptions;
    ok: boolean;
    message?: RegExp;
  }[] = [
    {
      name: 'exec plugin without --insecure-kubeconfig-exec: no credentials, apply refused, nothing on the remote',
      ks: 'exec',
      cm: 'via-exec',
      flags: { insecureKubeconfigTls: true },
      ok: false,
      message: /Unauthorized|forbidden|Forbidden|system:anonymous/,
    },
    {
      name: 'insecure-skip-tls-verify without --insecure-kubeconfig-tls: the self-signed server certificate is rejected',
      ks: 'insecure',
      cm: 'via-insecure',
      flags: { insecureKubeconfigExec: true },
      ok: false,
      message: /certificate/,
    },
    {
      name: 'exec plugin with --insecure-kubeconfig-exec: the plugin token authenticates, applied on the remote',
      ks: 'exec',
      cm: 'via-exec',
      flags: { insecureKubeconfigExec: true },
      ok: true,
    },
    {
      name: 'insecure-skip-tls-verify with --insecure-kubeconfig-tls: applied on the remote',
      ks: 'insecure',
      cm: 'via-insecure',
      flags: { insecureKubeconfigTls: true },
      ok: true,
    },
  ];
  for (const c of cases) {
    it(c.name, async (t) => {
      const cond = await reconcileWith(c.ks, c.flags);
      t.diagnostic(`sluice: ${cond?.message ?? ''}`);
      const applied = await remote.getOrUndefined(remoteCm(c.cm));
      if (c.ok) {
        assert.equal(cond?.status, 'True', cond?.message);
        assert.ok(applied, 'object missing on the remote cluster');
      } else {
        assert.equal(cond?.status, 'False');
        assert.equal(cond?.reason, 'ReconciliationFailed');
        assert.match(cond?.message ?? '', c.message ?? /./);
        assert.equal(applied, undefined);
      }
    });
  }

  it(
    'upstream Flux 2.7 fails and succeeds the same way: without the flags both fail for the same cause, with them both apply',
    { skip: skipWithoutFlux, timeout: 180_000 },
    async (t) => {
      const c = await getTestCluster();
      const byKs = new Map(cases.filter((x) => !x.ok).map((x) => [x.ks, x]));
      const runFlux = async (args: string[]): Promise<Map<string, Cond>> => {
        for (const x of cases) await remote.delete(remoteCm(x.cm)).catch(() => undefined);
        for (const name of byKs.keys())
          await client.patchStatus(ksRef(name), 'merge', { status: { conditions: null } });
        const flux = await startFlux(c.kubeconfigPath, ns, work, args);
        const out = new Map<string, Cond>();
        try {
          for (const name of byKs.keys()) {
            const cond = await waitFor(
              async () => {
                const r = ready(await client.get(ksRef(name)));
                return r && r.status !== 'Unknown' ? r : undefined;
              },
              { timeoutMs: 60_000 },
            ).catch((err: unknown) => {
              throw new Error(`${name}: ${(err as Error).message}; log:\n${flux.logTail()}`, { cause: err });
            });
            out.set(name, cond);
          }
        } finally {
          await flux.stop();
        }
        return out;
      };
      const without = await runFlux([]);
      for (const [name, x] of byKs) {
        const cond = without.get(name);
        t.diagnostic(`flux without the flags, ${name}: ${cond?.message ?? ''}`);
        assert.equal(cond?.status, 'False', `${name}: ${cond?.message ?? ''}`);
        assert.match(cond?.message ?? '', x.message ?? /./, name);
        assert.ok(!(cond?.message ?? '').includes(token));
        assert.equal(await remote.getOrUndefined(remoteCm(x.cm)), undefined);
      }
      const withFlags = await runFlux(['--insecure-kubeconfig-exec', '--insecure-kubeconfig-tls']);
      for (const [name, x] of byKs) {
        assert.equal(withFlags.get(name)?.status, 'True', `${name}: ${withFlags.get(name)?.message ?? ''}`);
        assert.ok(await remote.getOrUndefined(remoteCm(x.cm)), `${x.cm} missing on the remote cluster`);
      }
    },
  );
});

// ------------------------------------------------------------------ kubeConfig.configMapRef

describe('kubeConfig.configMapRef: workload identity (generic provider for real, cloud providers refused)', () => {
  let client: KubeClient;
  let server: ArtifactServer;
  let ns: string;
  let address: string;
  let issuer: string;
  let caPem: string;
  const ksRef = (name: string) => ({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    namespace: ns,
    name,
  });

  before(async () => {
    const c = await getTestCluster();
    await ensureCrds();
    client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
    const kc = parseYaml(await readFile(c.kubeconfigPath, 'utf8')) as {
      clusters: {
        cluster: { server: string; 'certificate-authority-data'?: string; 'certificate-authority'?: string };
      }[];
    };
    const cl = kc.clusters[0]?.cluster;
    address = cl?.server ?? '';
    caPem = cl?.['certificate-authority-data']
      ? Buffer.from(cl['certificate-authority-data'], 'base64').toString('utf8')
      : await readFile(cl?.['certificate-authority'] ?? '', 'utf8');
    // Tokens this API server accepts carry its issuer as audience (--api-audiences defaults to it).
    issuer = ((await client.getPath('/.well-known/openid-configuration')) as { issuer: string }).issuer;
    server = await startArtifactServer();
    ns = await createTestNamespace('kscmref');
    const revision = 'main@sha1:efefefefefefefefefefefefefefefefefefefef';
    await setGitSource(
      client,
      ns,
      'repo',
      await server.publish(
        'cmref.tar.gz',
        { 'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: via-identity\ndata:\n  a: "1"\n' },
        revision,
      ),
    );
    for (const sa of ['deployer', 'nobody'])
      await client.create({
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: sa, namespace: ns },
      });
    await client.create({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'configmaps', namespace: ns },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['*'] }],
    });
    await client.create({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'deployer', namespace: ns },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'configmaps' },
      subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: ns }],
    });
  });

  after(async () => {
    await releaseKustomizations(client, ns);
    await deleteTestNamespace(ns);
    await server.close();
    client.close();
  });

  const generic =
    (extra: Record<string, string> = {}) =>
    (): Record<string, string> => ({
      provider: 'generic',
      address,
      'ca.crt': caPem,
      serviceAccountName: 'deployer',
      audiences: issuer,
      ...extra,
    });
  const podToken = existsSync('/var/run/secrets/kubernetes.io/serviceaccount/token');
  /** The Ready message (exact or a pattern), or 'Ready' for success; functions read `ns` when run. */
  type Want = string | RegExp | (() => string | RegExp);
  const cases: {
    name: string;
    data?: () => Record<string, string>;
    gate?: boolean;
    skip?: string | false;
    /** A cloud provider: Sluice refuses it, Flux fails in its cloud SDK; only Ready=False is compared. */
    cloud?: boolean;
    want: Want;
  }[] = [
    {
      name: 'a missing ConfigMap',
      want: () => `failed to get configmap ${ns}/c0: configmaps "c0" not found`,
    },
    { name: 'no provider key', data: () => ({ address }), want: "provider '' not implemented" },
    {
      name: 'an unknown provider',
      data: () => ({ provider: 'digitalocean', address }),
      want: "provider 'digitalocean' not implemented",
    },
    {
      name: 'a cloud provider (the token exchange with the cloud is not implemented)',
      data: () => ({ provider: 'aws', cluster: 'arn:aws:eks:eu-west-1:111122223333:cluster/c', address }),
      cloud: true,
      want: "provider 'aws': workload identity with the aws cloud is not implemented in Sluice (only 'generic' is)",
    },
    {
      name: 'generic with a serviceAccountName but without the ObjectLevelWorkloadIdentity gate',
      data: generic(),
      gate: false,
      want: 'failed to get access token for cluster: ObjectLevelWorkloadIdentity feature gate is not enabled',
    },
    {
      name: 'generic naming a missing ServiceAccount',
      data: generic({ serviceAccountName: 'ghost' }),
      want: () =>
        `failed to get access token for cluster: failed to get service account '${ns}/ghost': ServiceAccount "ghost" not found`,
    },
    {
      name: 'generic without an address',
      data: () => ({ provider: 'generic', serviceAccountName: 'deployer', audiences: issuer }),
      want: 'cluster address is required to create a REST config',
    },
    {
      name: 'generic with an http address',
      data: generic({ address: 'http://127.0.0.1:1' }),
      want: "failed to parse cluster address http://127.0.0.1:1: the Kubernetes API server address 'http://127.0.0.1:1' must use https scheme",
    },
    {
      name: 'generic without a service account outside a pod (no controller token file)',
      data: () => ({ provider: 'generic', address }),
      skip: podToken ? 'running in a pod: the controller token file exists' : false,
      want: 'failed to get access token for cluster: failed to create provider access token for the controller: failed to read service account token file /var/run/secrets/kubernetes.io/serviceaccount/token: open /var/run/secrets/kubernetes.io/serviceaccount/token: no such file or directory',
    },
    {
      name: 'generic with the address as audience (the default), which this API server does not accept',
      data: () => ({ provider: 'generic', address, 'ca.crt': caPem, serviceAccountName: 'deployer' }),
      want: /Unauthorized/,
    },
    {
      name: 'generic: the token is the named ServiceAccount, which lacks RBAC here',
      data: generic({ serviceAccountName: 'nobody' }),
      want: () => new RegExp(`system:serviceaccount:${ns}:nobody`),
    },
    {
      name: 'generic: a TokenRequest token for the ServiceAccount applies to the cluster at address',
      data: generic(),
      want: 'Ready',
    },
  ];

  const sluiceReady = new Map<string, { status: string; message: string }>();

  cases.forEach((c, i) => {
    it(c.name, { skip: c.skip ?? false }, async () => {
      const name = `c${i}`;
      if (c.data)
        await client.create({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name, namespace: ns },
          data: c.data(),
        });
      await client.create({
        ...ksRef(name),
        metadata: { name, namespace: ns },
        spec: {
          interval: '10m',
          prune: true,
          targetNamespace: ns,
          nameSuffix: `-${name}`,
          sourceRef: { kind: 'GitRepository', name: 'repo' },
          kubeConfig: { configMapRef: { name } },
        },
      });
      const events = memoryEvents();
      const r = new KustomizationReconciler({
        client,
        fetcher: artifactFetcher({ retries: 0 }),
        builder: nativeBuilder(),
        events,
        options: { objectLevelWorkloadIdentity: c.gate ?? true },
      });
      await reconcileOnce(r, ns, name);
      const cond = ready(await client.get(ksRef(name)));
      sluiceReady.set(name, { status: cond?.status ?? '', message: cond?.message ?? '' });
      const want = typeof c.want === 'function' ? c.want() : c.want;
      const applied = await client.getOrUndefined({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: ns,
        name: `via-identity-${name}`,
      });
      if (want === 'Ready') {
        assert.equal(cond?.status, 'True', cond?.message);
        assert.ok(applied);
        return;
      }
      assert.equal(cond?.status, 'False');
      assert.equal(cond?.reason, 'ReconciliationFailed');
      if (typeof want === 'string') assert.equal(cond?.message, want);
      else assert.match(cond?.message ?? '', want);
      assert.equal(applied, undefined);
      // No bearer token (a JWT) in conditions or events.
      for (const t of [cond?.message ?? '', ...events.list.map((e) => e.message)])
        assert.doesNotMatch(t, /eyJ[\w-]+\.eyJ/);
    });
  });
  it(
    'upstream Flux 2.7 (ObjectLevelWorkloadIdentity on) reports the same Ready status and message for each case',
    { skip: skipWithoutFlux, timeout: 120_000 },
    async () => {
      const compared = cases
        .map((c, i) => ({ c, name: `c${i}` }))
        .filter(({ c, name }) => c.gate !== false && !c.skip && sluiceReady.has(name));
      for (const { name } of compared)
        await client.patchStatus(ksRef(name), 'merge', { status: { conditions: null } });
      const c = await getTestCluster();
      const dir = await mkdtemp(join(tmpdir(), 'sluice-cmref-flux-'));
      const flux = await startFlux(c.kubeconfigPath, ns, dir, [
        '--feature-gates=ObjectLevelWorkloadIdentity=true',
      ]);
      const fluxReady = new Map<string, Cond>();
      try {
        for (const { name } of compared) {
          const cond = await waitFor(
            async () => {
              const r = ready(await client.get(ksRef(name)));
              return r && r.status !== 'Unknown' ? r : undefined;
            },
            {
              timeoutMs: 60_000,
            },
          ).catch((err: unknown) => {
            throw new Error(`${name}: ${(err as Error).message}; log:\n${flux.logTail()}`, { cause: err });
          });
          fluxReady.set(name, cond);
        }
      } finally {
        await flux.stop();
        await rm(dir, { recursive: true, force: true });
      }
      const differ: string[] = [];
      for (const { c: tc, name } of compared) {
        const ours = sluiceReady.get(name);
        const theirs = fluxReady.get(name);
        const want = typeof tc.want === 'function' ? tc.want() : tc.want;
        const same =
          ours?.status === theirs?.status &&
          (want === 'Ready' ||
            // Flux's cloud SDKs fail in their own words; both must fail.
            tc.cloud === true ||
            (typeof want === 'string'
              ? ours?.message === theirs?.message
              : // A failed apply is worded by each client; both must name the same cause.
                want.test(ours?.message ?? '') && want.test(theirs?.message ?? '')));
        if (!same)
          differ.push(`${tc.name}\n  sluice: ${JSON.stringify(ours)}\n  flux:   ${JSON.stringify(theirs)}`);
      }
      assert.deepEqual(differ, []);
    },
  );
});
