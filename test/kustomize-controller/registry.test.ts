/**
 * `sluice controller --controllers=kustomize`: the registry entry loads the kustomize-controller,
 * its own flags parse (--concurrent-ssa, --override-manager, --sops-age-secret…), and a Kustomization
 * in the watched namespace is reconciled to Ready.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { controllerRegistry } from '../../cli/commands/controller.js';
import { addKustomizeFlags, kustomizeOptionsFromFlags } from '../../controllers/kustomize/flags.js';
import { KubeClient } from '../../runtime/client/index.js';
import { createLogger } from '../../runtime/logging/index.js';
import { addManagerFlags, runControllers, type ManagerFlagValues } from '../../runtime/manager/index.js';
import {
  createTestNamespace,
  deleteTestNamespace,
  ensureCrds,
  getTestCluster,
  waitFor,
} from '../harness/index.js';
import { releaseKustomizations, setGitSource, startArtifactServer, type ArtifactServer } from './support.js';

let client: KubeClient;
let server: ArtifactServer;
let ns: string;
let kubeconfig: string;

function parse(args: string[]): ManagerFlagValues & Record<string, unknown> {
  const cmd = new Command('controller').exitOverride();
  addManagerFlags(cmd);
  addKustomizeFlags(cmd);
  cmd.parse(args, { from: 'user' });
  return cmd.opts<ManagerFlagValues & Record<string, unknown>>();
}

before(async () => {
  const c = await getTestCluster();
  await ensureCrds();
  kubeconfig = c.kubeconfigPath;
  client = KubeClient.fromKubeConfig({ kubeconfigPath: kubeconfig });
  server = await startArtifactServer();
  ns = await createTestNamespace('ksreg');
});

after(async () => {
  await releaseKustomizations(client, ns);
  await deleteTestNamespace(ns);
  await server.close();
  client.close();
});

describe('sluice controller --controllers=kustomize', () => {
  it("kustomize-controller flags take Flux's names and defaults", () => {
    assert.deepEqual(kustomizeOptionsFromFlags(parse([]), 'flux-system'), {
      concurrentSsa: 4,
      httpRetry: 9,
      watchConfigsLabelSelector: 'reconcile.fluxcd.io/watch=Enabled',
      noCrossNamespaceRefs: false,
    });
    assert.equal(
      kustomizeOptionsFromFlags(parse(['--no-cross-namespace-refs']), 'x').noCrossNamespaceRefs,
      true,
    );
    assert.deepEqual(
      kustomizeOptionsFromFlags(
        parse([
          '--concurrent-ssa=8',
          '--http-retry=2',
          '--no-cross-namespace-refs=true',
          '--default-service-account=deployer',
          '--sops-age-secret=sops-age',
          '--override-manager=helm',
          '--override-manager=kubectl-edit',
          '--watch-configs-label-selector=team=a',
        ]),
        'flux-system',
      ),
      {
        concurrentSsa: 8,
        httpRetry: 2,
        watchConfigsLabelSelector: 'team=a',
        noCrossNamespaceRefs: true,
        defaultServiceAccount: 'deployer',
        sopsAgeSecret: { namespace: 'flux-system', name: 'sops-age' },
        overrideManagers: ['helm', 'kubectl-edit'],
      },
    );
  });

  it('the registry runs the kustomize-controller, which reconciles a Kustomization to Ready', async () => {
    const revision = 'main@sha1:1111111111111111111111111111111111111111';
    await setGitSource(
      client,
      ns,
      'repo',
      await server.publish(
        'reg/1.tar.gz',
        { 'a.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: ${ns}\n` },
        revision,
      ),
    );
    await client.create({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'app', namespace: ns },
      spec: { interval: '10m', prune: true, sourceRef: { kind: 'GitRepository', name: 'repo' } },
    });
    // The watched namespace with --watch-all-namespaces=false is $RUNTIME_NAMESPACE, as in Flux.
    const prevNs = process.env.RUNTIME_NAMESPACE;
    process.env.RUNTIME_NAMESPACE = ns;
    const ac = new AbortController();
    const exit = runControllers({
      registry: controllerRegistry,
      requested: ['kustomize'],
      flags: parse([
        `--kubeconfig=${kubeconfig}`,
        '--health-addr=127.0.0.1:0',
        '--metrics-addr=127.0.0.1:0',
        '--watch-all-namespaces=false',
        '--concurrent-ssa=2',
      ]),
      signal: ac.signal,
      log: createLogger({ destination: { write: () => undefined } }),
    });
    try {
      await waitFor(
        async () => {
          const o = await client.get({
            apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
            kind: 'Kustomization',
            namespace: ns,
            name: 'app',
          });
          const conds = (o['status'] as { conditions?: { type: string; message: string }[] } | undefined)
            ?.conditions;
          return conds?.find((c) => c.type === 'Ready')?.message === `Applied revision: ${revision}`;
        },
        { what: 'Ready via sluice controller', timeoutMs: 30_000 },
      );
    } finally {
      ac.abort();
      assert.equal(await exit, 0, 'graceful stop exits 0');
      if (prevNs === undefined) delete process.env.RUNTIME_NAMESPACE;
      else process.env.RUNTIME_NAMESPACE = prevNs;
    }
  });
});
