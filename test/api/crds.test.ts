/**
 * The generated Flux 2.7 CRDs on the real control plane: they install and become Established, every seed
 * example applies unchanged (server-side dry-run), and invalid specs are rejected with a message naming the field.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { stringify } from 'yaml';
import {
  createTestNamespace,
  deleteTestNamespace,
  ensureCrds,
  kubectl,
  kubectlJson,
} from '../harness/index.js';
import { fluxKinds } from '../../api/registry.js';
import { crdName } from '../../api/meta/crd.js';
import { seedExamples } from './seed-examples.js';

interface Failure {
  readonly stderr: string;
}

/** kubectl apply --server-side --dry-run=server of one YAML stream; resolves to stderr, or rejects with it. */
async function dryRunApply(yaml: string): Promise<{ ok: boolean; stderr: string }> {
  try {
    const r = await kubectl(
      ['apply', '--server-side', '--dry-run=server', '--field-manager=sluice-test', '-f', '-'],
      {
        input: yaml,
      },
    );
    return { ok: true, stderr: r.stderr };
  } catch (err) {
    return { ok: false, stderr: (err as Failure).stderr ?? String(err) };
  }
}

async function ensureNamespace(name: string): Promise<void> {
  await kubectl(['create', 'namespace', name, '--dry-run=client', '-o', 'yaml']).then((r) =>
    kubectl(['apply', '--server-side', '--field-manager=sluice-test', '-f', '-'], { input: r.stdout }),
  );
}

/**
 * The seed page was captured through an e-mail obfuscator: `email: [email protected]` (with a no-break space)
 * is YAML for an array,
 * which no Flux CRD accepts. Only that artefact is repaired; every other example goes in byte for byte.
 */
const obfuscatedEmail = /email: \[email\sprotected\]/;

describe('Flux CRDs on the real control plane', () => {
  let ns = '';
  before(async () => {
    await ensureCrds();
    await ensureNamespace('flux-system');
    ns = await createTestNamespace('api-crds');
  });
  after(async () => {
    if (ns) await deleteTestNamespace(ns);
  });

  it('installs all 14 CRDs and each one is Established with its storage version', async () => {
    assert.equal(fluxKinds.length, 14);
    for (const k of fluxKinds) {
      const crd = await kubectlJson<{
        spec: { versions: Array<{ name: string; storage: boolean; served: boolean }> };
        status: { conditions: Array<{ type: string; status: string }> };
      }>(['get', 'crd', crdName(k)]);
      const established = crd.status.conditions.find((c) => c.type === 'Established');
      assert.equal(established?.status, 'True', `${crdName(k)} Established`);
      assert.deepEqual(
        crd.spec.versions.map((v) => [v.name, v.served, v.storage]),
        k.versions.map((v) => [v.version, true, v.storage]),
      );
    }
  });

  it('serves the short names and categories (kubectl api-resources)', async () => {
    const { stdout } = await kubectl(['api-resources', '-o', 'wide']);
    for (const [plural, shortNames] of [
      ['gitrepositories', 'gitrepo'],
      ['kustomizations', 'ks'],
      ['helmreleases', 'hr'],
      ['helmcharts', 'hc'],
      ['imageupdateautomations', 'iua,imgupd,imgauto'],
    ] as const) {
      const line = stdout.split('\n').find((l) => l.startsWith(`${plural} `));
      assert.ok(line?.includes(shortNames), `${plural} has short names ${shortNames}: ${line}`);
    }
  });

  const examples = seedExamples();
  it('finds the seed examples (9 objects in 8 blocks)', () => {
    assert.equal(examples.length, 8);
  });
  for (const ex of examples) {
    it(`seed example ${ex.name} applies with server-side dry-run`, async () => {
      const yaml = ex.yaml.replace(obfuscatedEmail, 'email: fluxcdbot@users.noreply.github.com');
      const r = await dryRunApply(yaml);
      assert.ok(r.ok, r.stderr);
      if (/v1beta2|v1beta3/.test(ex.yaml.split('\n')[0] ?? '') && !ex.yaml.includes('v1beta3')) {
        assert.match(r.stderr, /deprecated/, 'a deprecated version warns on apply');
      }
    });
  }

  it('defaults status to observedGeneration -1 and spec fields to Flux defaults on create', async () => {
    await kubectl(['apply', '--server-side', '--field-manager=sluice-test', '-n', ns, '-f', '-'], {
      input: stringify({
        apiVersion: 'source.toolkit.fluxcd.io/v1',
        kind: 'GitRepository',
        metadata: { name: 'defaults' },
        spec: { url: 'https://example.invalid/repo.git', interval: '1m' },
      }),
    });
    const obj = await kubectlJson<{ spec: { timeout: string }; status: { observedGeneration: number } }>([
      'get',
      '-n',
      ns,
      'gitrepository',
      'defaults',
    ]);
    assert.equal(obj.status.observedGeneration, -1);
    assert.equal(obj.spec.timeout, '60s');
  });

  const invalid: Array<{ name: string; obj: Record<string, unknown>; expect: RegExp[] }> = [
    {
      name: 'a GitRepository interval that is not a Go duration is rejected on spec.interval',
      obj: gitRepo({ url: 'https://x.invalid/r', interval: '10 minutes' }),
      expect: [/spec\.interval/, /should match/],
    },
    {
      name: 'a GitRepository timeout in hours is rejected on spec.timeout (sources allow ms|s|m only)',
      obj: gitRepo({ url: 'https://x.invalid/r', interval: '1m', timeout: '1h' }),
      expect: [/spec\.timeout/],
    },
    {
      name: 'an unknown GitRepository provider is rejected on spec.provider',
      obj: gitRepo({ url: 'https://x.invalid/r', interval: '1m', provider: 'gitlab' }),
      expect: [/spec\.provider/, /Unsupported value/],
    },
    {
      name: 'a GitRepository without url is rejected with spec.url Required',
      obj: gitRepo({ interval: '1m' }),
      expect: [/spec\.url/, /Required/],
    },
    {
      name: 'an scp-like Git URL is rejected by the spec.url pattern',
      obj: gitRepo({ url: 'git@github.com:org/repo.git', interval: '1m' }),
      expect: [/spec\.url/],
    },
    {
      name: 'serviceAccountName on a generic GitRepository is rejected by the CEL rule',
      obj: gitRepo({ url: 'https://x.invalid/r', interval: '1m', serviceAccountName: 'sa' }),
      expect: [/serviceAccountName can only be set when provider is 'azure'/],
    },
    {
      name: 'an OCIRepository with an https URL is rejected on spec.url',
      obj: src('OCIRepository', { url: 'https://ghcr.io/x', interval: '1m' }),
      expect: [/spec\.url/],
    },
    {
      name: 'a Bucket with STS on the gcp provider is rejected by the CEL rule',
      obj: src('Bucket', {
        provider: 'gcp',
        bucketName: 'b',
        endpoint: 'storage.googleapis.com',
        interval: '1m',
        sts: { provider: 'aws', endpoint: 'https://sts.amazonaws.com' },
      }),
      expect: [/STS configuration is only supported for the 'aws' and 'generic' Bucket providers/],
    },
    {
      name: 'a HelmChart with an unknown sourceRef kind is rejected on spec.sourceRef.kind',
      obj: src('HelmChart', {
        chart: 'podinfo',
        interval: '1m',
        sourceRef: { kind: 'OCIRepository', name: 'x' },
      }),
      expect: [/spec\.sourceRef\.kind/, /Unsupported value/],
    },
    {
      name: 'a Kustomization without prune is rejected with spec.prune Required',
      obj: ks('v1', { interval: '1m', sourceRef: { kind: 'GitRepository', name: 'x' } }),
      expect: [/spec\.prune/, /Required/],
    },
    {
      name: 'a Kustomization sourcing a HelmRepository is rejected on spec.sourceRef.kind',
      obj: ks('v1', { interval: '1m', prune: true, sourceRef: { kind: 'HelmRepository', name: 'x' } }),
      expect: [/spec\.sourceRef\.kind/],
    },
    {
      name: 'a Kustomization kubeConfig with both secretRef and configMapRef is rejected by the CEL rule',
      obj: ks('v1', {
        interval: '1m',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'x' },
        kubeConfig: { secretRef: { name: 'a' }, configMapRef: { name: 'b' } },
      }),
      expect: [/spec\.kubeConfig/, /exactly one of spec\.kubeConfig\.configMapRef or spec\.kubeConfig\.secretRef must be specified/],
    },
    {
      name: 'a v1beta2 Kustomization with an unknown validation mode is rejected on spec.validation',
      obj: ks('v1beta2', {
        interval: '1m',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'x' },
        validation: 'strict',
      }),
      expect: [/spec\.validation/],
    },
    {
      name: 'a HelmRelease with both chart and chartRef is rejected: either chart or chartRef must be set',
      obj: hr('v2', {
        interval: '5m',
        chart: { spec: { chart: 'podinfo', sourceRef: { kind: 'HelmRepository', name: 'podinfo' } } },
        chartRef: { kind: 'OCIRepository', name: 'podinfo' },
      }),
      expect: [/spec/, /either chart or chartRef must be set/],
    },
    {
      name: 'a HelmRelease with neither chart nor chartRef is rejected',
      obj: hr('v2', { interval: '5m' }),
      expect: [/either chart or chartRef must be set/],
    },
    {
      name: 'a v2beta2 HelmRelease with both chart and chartRef is rejected too',
      obj: hr('v2beta2', {
        interval: '5m',
        chart: { spec: { chart: 'podinfo', sourceRef: { kind: 'HelmRepository', name: 'podinfo' } } },
        chartRef: { kind: 'OCIRepository', name: 'podinfo' },
      }),
      expect: [/either chart or chartRef must be set/],
    },
    {
      name: 'a HelmRelease retryInterval with RemediateOnFailure is rejected on spec.install.strategy',
      obj: hr('v2', {
        interval: '5m',
        chartRef: { kind: 'OCIRepository', name: 'podinfo' },
        install: { strategy: { name: 'RemediateOnFailure', retryInterval: '1m' } },
      }),
      expect: [/spec\.install\.strategy/, /retryInterval cannot be set/],
    },
    {
      name: 'a HelmRelease valuesFrom targetPath with spaces is rejected on spec.valuesFrom[0].targetPath',
      obj: hr('v2', {
        interval: '5m',
        chartRef: { kind: 'OCIRepository', name: 'podinfo' },
        valuesFrom: [{ kind: 'Secret', name: 's', targetPath: 'a b' }],
      }),
      expect: [/spec\.valuesFrom\[0\]\.targetPath/],
    },
    {
      name: 'a HelmRelease releaseName longer than 53 characters is rejected on spec.releaseName',
      obj: hr('v2', {
        interval: '5m',
        chartRef: { kind: 'OCIRepository', name: 'p' },
        releaseName: 'r'.repeat(54),
      }),
      expect: [/spec\.releaseName/],
    },
    {
      name: 'an Alert with eventSeverity warning is rejected on spec.eventSeverity',
      obj: notif('v1beta3', 'Alert', {
        providerRef: { name: 'p' },
        eventSeverity: 'warning',
        eventSources: [{ kind: 'Kustomization', name: '*' }],
      }),
      expect: [/spec\.eventSeverity/, /Unsupported value/],
    },
    {
      name: 'an Alert watching Deployments is rejected on spec.eventSources[0].kind',
      obj: notif('v1beta3', 'Alert', {
        providerRef: { name: 'p' },
        eventSources: [{ kind: 'Deployment', name: '*' }],
      }),
      expect: [/spec\.eventSources\[0\]\.kind/],
    },
    {
      name: 'a Provider commitStatusExpr on slack is rejected by the CEL rule',
      obj: notif('v1beta3', 'Provider', { type: 'slack', commitStatusExpr: "'x'" }),
      expect: [/commitStatusExpr is only supported/],
    },
    {
      name: 'a Receiver of an unknown type is rejected on spec.type',
      obj: notif('v1', 'Receiver', {
        type: 'jenkins',
        secretRef: { name: 's' },
        resources: [{ kind: 'GitRepository', name: 'x' }],
      }),
      expect: [/spec\.type/, /Unsupported value/],
    },
    {
      name: 'an ImagePolicy interval without digestReflectionPolicy Always is rejected by the CEL rule',
      obj: img('ImagePolicy', {
        imageRepositoryRef: { name: 'r' },
        policy: { semver: { range: '1.x' } },
        interval: '5m',
      }),
      expect: [/spec\.interval is only accepted when spec\.digestReflectionPolicy is set to 'Always'/],
    },
    {
      name: 'an ImageUpdateAutomation without commit author email is rejected on spec.git.commit.author.email',
      obj: img('ImageUpdateAutomation', {
        interval: '5m',
        sourceRef: { kind: 'GitRepository', name: 'x' },
        git: { commit: { author: { name: 'bot' } } },
      }),
      expect: [/spec\.git\.commit\.author\.email/, /Required/],
    },
  ];
  for (const c of invalid) {
    it(c.name, async () => {
      const r = await dryRunApply(stringify({ ...c.obj, metadata: { name: 'invalid', namespace: ns } }));
      assert.equal(r.ok, false, 'the API server accepted an invalid object');
      for (const re of c.expect) assert.match(r.stderr, re);
    });
  }
});

function gitRepo(spec: Record<string, unknown>): Record<string, unknown> {
  return src('GitRepository', spec);
}
function src(kind: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'source.toolkit.fluxcd.io/v1', kind, spec };
}
function ks(version: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: `kustomize.toolkit.fluxcd.io/${version}`, kind: 'Kustomization', spec };
}
function hr(version: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: `helm.toolkit.fluxcd.io/${version}`, kind: 'HelmRelease', spec };
}
function notif(version: string, kind: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: `notification.toolkit.fluxcd.io/${version}`, kind, spec };
}
function img(kind: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { apiVersion: 'image.toolkit.fluxcd.io/v1', kind, spec };
}
