/**
 * status.history[].digest: kustomize-controller v1.7.3 hashes, with go-digest's canonical SHA-256,
 * the bytes of kustomize's ResMap.AsYaml() after decryption and substitution, resources in krusty's
 * input order (Flux leaves krusty.Options.Reorder empty: no legacy sort unless sortOptions say so).
 * Proved three ways: literal YAML documents hashed by hand, the real kustomize v5.7.1 output for the
 * same resources, and the upstream kustomize-controller v1.7.3 binary reconciling the same
 * Kustomizations on the real control plane (last suite; the Flux digests are read from its status).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildOverlay, nativeBuilder } from '../../controllers/kustomize/builder.js';
import { buildYaml, historyDigest } from '../../controllers/kustomize/history-digest.js';
import { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';
import { artifactFetcher } from '../../controllers/kustomize/wiring.js';
import type { MemoryNode } from '../../engines/tar/index.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
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
import { haveSops, newAgeKey, sopsEncrypt } from '../sops/oracle.js';

const sha256 = (s: string): string => `sha256:${createHash('sha256').update(s, 'utf8').digest('hex')}`;

describe('history digest of given objects (SHA-256 over yaml.v2 documents joined by ---)', () => {
  const cases: { name: string; objects: KubeObject[]; yaml: string }[] = [
    {
      name: 'one object: keys sorted, YAML 1.1 booleans/numbers as strings quoted (n, yes, 1), no leading separator',
      objects: [
        {
          kind: 'ConfigMap',
          apiVersion: 'v1',
          metadata: { name: 'a', namespace: 'n' },
          data: { n: '1', b: 'yes' },
        },
      ],
      yaml: 'apiVersion: v1\ndata:\n  b: "yes"\n  "n": "1"\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: "n"\n',
    },
    {
      name: 'two objects: separated by ---, build order kept (not sorted)',
      objects: [
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'z' } },
        { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } },
      ],
      yaml: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: z\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n',
    },
    {
      name: 'numbers as encoding/json then yaml.v2 print them; sequences not indented under keys',
      objects: [
        {
          apiVersion: 'x/v1',
          kind: 'K',
          metadata: { name: 'k' },
          spec: { replicas: 3, ratio: 0.5, tiny: 1e-7, huge: 1e21, on: true, list: [1, 'two'] },
        },
      ],
      yaml:
        'apiVersion: x/v1\nkind: K\nmetadata:\n  name: k\nspec:\n  huge: 1e+21\n  list:\n  - 1\n  - two\n' +
        '  "on": true\n  ratio: 0.5\n  replicas: 3\n  tiny: 1e-07\n',
    },
    {
      name: 'multi-line strings become literal blocks',
      objects: [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 's' }, data: { f: 'a\nb\n' } }],
      yaml: 'apiVersion: v1\ndata:\n  f: |\n    a\n    b\nkind: ConfigMap\nmetadata:\n  name: s\n',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.equal(buildYaml(c.objects), c.yaml);
      assert.equal(historyDigest(c.objects), sha256(c.yaml));
    });
  }

  it('is sha256:<64 lowercase hex> (go-digest canonical), pinned for one build', () => {
    const d = historyDigest([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }]);
    assert.match(d, /^sha256:[0-9a-f]{64}$/);
    // printf 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n' | sha256sum
    assert.equal(d, 'sha256:9a6e43549da2db42c1b9f4c9edd2e62e1f5a82e39b8646556ac9273ac68359a0');
  });
});

const oracle = join(
  process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice'),
  'bin',
  'kustomize-v5.7.1',
  'kustomize',
);
const skipOracle =
  !existsSync(oracle) && !process.env.SLUICE_REQUIRE_ORACLES
    ? `kustomize oracle not built at ${oracle} (run scripts/build-kustomize.sh)`
    : false;

const overlays: { name: string; files: Record<string, string> }[] = [
  {
    name: 'a Deployment, a Service and a ConfigMap generator with a hashed name',
    files: {
      'kustomization.yaml':
        'resources: [app.yaml]\nnamespace: demo\nconfigMapGenerator:\n- name: cfg\n  literals: [A=1, B=true]\n',
      'app.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 2\n  template:\n' +
        '    spec:\n      containers:\n      - name: c\n        image: nginx:1.27\n        args: ["--ratio=0.5"]\n' +
        '        resources: {limits: {cpu: 0.5, memory: 64Mi}}\n---\napiVersion: v1\nkind: Service\n' +
        'metadata: {name: web}\nspec:\n  ports: [{port: 80, targetPort: 8080}]\n',
    },
  },
  {
    name: 'YAML scalars kustomize normalises: timestamps, floats, octal-looking and boolean-looking strings',
    files: {
      'kustomization.yaml': 'resources: [cm.yaml]\n',
      'cm.yaml':
        'apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: t\n  annotations: {note: "yes"}\n' +
        'spec:\n  when: 2001-12-14\n  at: 2001-12-14t21:59:43.10-05:00\n  f: 1.0\n  g: 1e3\n  h: 0.000001\n' +
        '  mode: "0644"\n  text: |\n    line one\n    line two\n  long: ' +
        'word '.repeat(30).trim() +
        '\n',
    },
  },
];

describe('the hashed bytes equal kustomize v5.7.1 build output for the same resources (AsYaml)', () => {
  for (const o of overlays) {
    it(o.name, { skip: skipOracle }, () => {
      const dir = mkdtempSync(join(tmpdir(), 'sluice-hd-'));
      try {
        for (const [p, c] of Object.entries(o.files)) {
          mkdirSync(dirname(join(dir, p)), { recursive: true });
          writeFileSync(join(dir, p), c);
        }
        const real = execFileSync(oracle, ['build', dir], { encoding: 'utf8' });
        const objects = buildOverlay(dir, '.');
        assert.equal(buildYaml(objects), real);
        assert.equal(historyDigest(objects), sha256(real));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

// ------------------------------------------------------------------ against upstream Flux

const fluxTree = (ns: string): Record<string, MemoryNode> => ({
  'plain/kustomization.yaml':
    'resources: [things.yaml]\nconfigMapGenerator:\n- name: gen\n  literals:\n  - A=1\n',
  'plain/things.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: scalars\ndata:\n  when: "2001-12-14"\n  ratio: "0.5"\n' +
    '  text: |\n    one\n    two\n  long: ' +
    'word '.repeat(30).trim() +
    '\n---\napiVersion: v1\nkind: Service\n' +
    'metadata: {name: web, annotations: {n: "yes"}}\nspec:\n  ports: [{port: 80, targetPort: 8080}]\n',
  'app/kustomization.yaml':
    'resources: [app.yaml]\nconfigMapGenerator:\n- name: settings\n  literals:\n  - GREETING=${greeting}\n  - RETRIES=3\n',
  'app/app.yaml':
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: web\n  labels: {tier: "${tier:=frontend}"}\n' +
    `  annotations: {owner: ${ns}}\ndata:\n  ratio: "0.5"\n  enabled: "yes"\n` +
    '  script: |\n    echo ${greeting}\n    exit 0\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n' +
    'spec:\n  ports:\n  - port: ${port}\n    targetPort: 8080\n    protocol: TCP\n  selector: {app: web}\n',
});

const fluxCases: { name: string; ks: string; spec: Record<string, unknown> }[] = [
  {
    name: 'a plain overlay with a generated ConfigMap (namePrefix, targetNamespace)',
    ks: 'plain',
    spec: { path: './plain', namePrefix: 'p-' },
  },
  {
    name: 'post-build substitution (strings, a defaulted label, an integer port, a literal block)',
    ks: 'substituted',
    spec: {
      path: './app',
      namePrefix: 's-',
      postBuild: { substitute: { greeting: 'hello world', port: '8081' } },
    },
  },
  ...(haveSops()
    ? [
        {
          name: 'SOPS decryption (an age-encrypted Secret and an encrypted secretGenerator env file)',
          ks: 'decrypted',
          spec: {
            path: './sops',
            namePrefix: 'd-',
            decryption: { provider: 'sops', secretRef: { name: 'sops-age' } },
          },
        },
      ]
    : []),
];

/** Encrypted by the real sops for an age key made for this run (only when sops is built). */
async function sopsTree(): Promise<{ files: Record<string, MemoryNode>; identity: string }> {
  if (!haveSops()) return { files: {}, identity: '' };
  const age = await newAgeKey();
  const secret =
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\nstringData:\n  password: s3cr3t\n  port: "5432"\n';
  return {
    identity: age.identity,
    files: {
      'sops/kustomization.yaml':
        'resources: [db.yaml]\nsecretGenerator:\n- name: app\n  envs:\n  - app.env\n',
      'sops/db.yaml': sopsEncrypt('db.yaml', secret, {
        age: [age.recipient],
        extraArgs: ['--encrypted-regex', '^(data|stringData)$'],
      }).toString('utf8'),
      'sops/app.env': sopsEncrypt('app.env', 'TOKEN=tok-abc\nUSER=admin\n', {
        age: [age.recipient],
      }).toString('utf8'),
    },
  };
}

type Status = {
  history?: { digest: string }[];
  conditions?: { type: string; status: string; message: string }[];
};
const statusOf = (o: KubeObject | undefined): Status => (o?.['status'] ?? {}) as Status;

describe('history digest: upstream kustomize-controller v1.7.3 and Sluice agree on the same Kustomization', () => {
  let client: KubeClient;
  let ns: string;
  let dir: string;
  let server: ArtifactServer;
  const fluxDigests = new Map<string, string>();
  const ref = (name: string) => ({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    namespace: ns,
    name,
  });

  before(async () => {
    if (skipWithoutFlux) return;
    const c = await getTestCluster();
    await ensureCrds();
    client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
    ns = await createTestNamespace('kshdflux');
    dir = mkdtempSync(join(tmpdir(), 'sluice-hd-flux-'));
    server = await startArtifactServer();
    const sops = await sopsTree();
    if (sops.identity)
      await client.create({
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name: 'sops-age', namespace: ns },
        stringData: { 'identity.agekey': `${sops.identity}\n` },
      });
    const artifact = await server.publish(
      'hd.tar.gz',
      { ...fluxTree(ns), ...sops.files },
      'main@sha1:0123456789abcdef0123456789abcdef01234567',
    );
    await setGitSource(client, ns, 'src', artifact);
    for (const fc of fluxCases) {
      await client.create({
        ...ref(fc.ks),
        metadata: { name: fc.ks, namespace: ns },
        spec: {
          interval: '10m',
          prune: true,
          targetNamespace: ns,
          sourceRef: { kind: 'GitRepository', name: 'src' },
          ...fc.spec,
        },
      });
    }
    // Flux reconciles every case once, then stops; Sluice takes over the same objects afterwards.
    const flux = await startFlux(c.kubeconfigPath, ns, dir);
    try {
      for (const fc of fluxCases) {
        const digest = await waitFor(
          async () => statusOf(await client.getOrUndefined(ref(fc.ks))).history?.[0]?.digest,
          {
            timeoutMs: 60_000,
          },
        ).catch(async (err: unknown) => {
          const status = JSON.stringify(statusOf(await client.getOrUndefined(ref(fc.ks))));
          const log = flux.logTail();
          throw new Error(`${fc.ks}: ${(err as Error).message}; status ${status}; log:\n${log}`, {
            cause: err,
          });
        });
        fluxDigests.set(fc.ks, digest);
      }
    } finally {
      await flux.stop();
    }
  });

  after(async () => {
    if (skipWithoutFlux) return;
    await releaseKustomizations(client, ns);
    await deleteTestNamespace(ns);
    await server.close();
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const fc of fluxCases) {
    it(
      `${fc.name}: status.history[0].digest is identical`,
      { skip: skipWithoutFlux, timeout: 120_000 },
      async () => {
        const flux = fluxDigests.get(fc.ks) ?? '';
        const ready = statusOf(await client.get(ref(fc.ks))).conditions?.find((x) => x.type === 'Ready');
        assert.equal(ready?.status, 'True', `Flux did not apply: ${ready?.message ?? '(no Ready)'}`);
        assert.match(flux, /^sha256:[0-9a-f]{64}$/);
        // Sluice reconciles the same object after Flux stopped; its history starts afresh.
        await client.patchStatus(ref(fc.ks), 'merge', { status: { history: null } });
        const reconciler = new KustomizationReconciler({
          client,
          fetcher: artifactFetcher({ retries: 0 }),
          builder: nativeBuilder(),
          events: memoryEvents(),
        });
        await reconcileOnce(reconciler, ns, fc.ks);
        const after = statusOf(await client.get(ref(fc.ks)));
        assert.equal(after.conditions?.find((x) => x.type === 'Ready')?.status, 'True');
        assert.equal(after.history?.[0]?.digest, flux, `namespace ${ns}`);
      },
    );
  }
});
