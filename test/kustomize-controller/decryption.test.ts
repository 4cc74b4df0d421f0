/**
 * SOPS decryption, strict substitution and impersonation on the real control plane. Fixtures are
 * encrypted at test time by the real sops CLI with throwaway age and OpenPGP keys; a failure must
 * leave the cluster as it was, with Flux's reason and text and no plaintext or key in any message.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { KustomizationReconciler } from '../../controllers/kustomize/reconciler.js';
import { nativeBuilder } from '../../controllers/kustomize/builder.js';
import { artifactFetcher, celCompiler } from '../../controllers/kustomize/wiring.js';
import type { MemoryNode } from '../../engines/tar/index.js';
import { KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { assertStatus } from '../../runtime/conditions/index.js';
import {
  createTestNamespace,
  deleteTestNamespace,
  ensureCrds,
  getTestCluster,
  waitFor,
} from '../harness/index.js';
import { haveSops, newAgeKey, newPgpKey, sopsEncrypt, type AgeKey, type PgpKey } from '../sops/oracle.js';
import {
  memoryEvents,
  reconcileOnce,
  setGitSource,
  startArtifactServer,
  type ArtifactServer,
  releaseKustomizations,
} from './support.js';

const skip = haveSops() ? false : 'sops binary not built (npm run setup / scripts/build-sops.sh)';

let client: KubeClient;
let server: ArtifactServer;
let ns: string;
const events = memoryEvents();
let reconciler: KustomizationReconciler;
let strict: KustomizationReconciler;
let age: AgeKey;
let otherAge: AgeKey;
let pgp: PgpKey;
let rev = 0;

const ksRef = (name: string) => ({
  apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
  kind: 'Kustomization',
  namespace: ns,
  name,
});

function ready(obj: KubeObject): { status: string; reason: string; message: string } | undefined {
  const st = obj['status'] as
    { conditions?: { type: string; status: string; reason: string; message: string }[] } | undefined;
  return st?.conditions?.find((c) => c.type === 'Ready');
}

/** Publishes `files` under `app/` as a new revision of GitRepository `repo`. */
async function publish(files: Record<string, string | Buffer>): Promise<string> {
  rev++;
  const revision = `main@sha1:${String(rev).padStart(40, '0')}`;
  const tree: Record<string, MemoryNode> = {};
  for (const [k, v] of Object.entries(files)) tree[`app/${k}`] = typeof v === 'string' ? v : { content: v };
  await setGitSource(client, ns, 'repo', await server.publish(`dec/${rev}.tar.gz`, tree, revision));
  return revision;
}

async function upsertKs(name: string, spec: Record<string, unknown>): Promise<void> {
  const full = {
    interval: '10m',
    prune: true,
    path: './app',
    sourceRef: { kind: 'GitRepository', name: 'repo' },
    ...spec,
  };
  const cur = await client.getOrUndefined(ksRef(name));
  if (cur)
    await client.patch(ksRef(name), 'merge', { spec: { ...full, decryption: spec['decryption'] ?? null } });
  else await client.create({ ...ksRef(name), metadata: { name, namespace: ns }, spec: full });
}

async function keySecret(name: string, data: Record<string, string>): Promise<void> {
  const ref = { apiVersion: 'v1', kind: 'Secret', namespace: ns, name };
  await client.delete(ref).catch(() => undefined);
  await client.create({ ...ref, metadata: { name, namespace: ns }, stringData: data });
}

const secretData = async (name: string): Promise<Record<string, string>> => {
  const s = await client.get({ apiVersion: 'v1', kind: 'Secret', namespace: ns, name });
  return Object.fromEntries(
    Object.entries((s['data'] ?? {}) as Record<string, string>).map(([k, v]) => [
      k,
      Buffer.from(v, 'base64').toString('utf8'),
    ]),
  );
};

before(async () => {
  const c = await getTestCluster();
  await ensureCrds();
  client = KubeClient.fromKubeConfig({ kubeconfigPath: c.kubeconfigPath });
  server = await startArtifactServer();
  ns = await createTestNamespace('ksdec');
  const deps = {
    client,
    fetcher: artifactFetcher({ retries: 0 }),
    builder: nativeBuilder(),
    events,
    cel: celCompiler(),
  };
  reconciler = new KustomizationReconciler({ ...deps, options: { healthPollMs: 200 } });
  strict = new KustomizationReconciler({
    ...deps,
    options: { healthPollMs: 200, strictSubstitutions: true },
  });
  if (!skip) {
    age = await newAgeKey();
    otherAge = await newAgeKey();
    pgp = newPgpKey();
  }
});

after(async () => {
  await releaseKustomizations(client, ns);
  await deleteTestNamespace(ns);
  await server.close();
  client.close();
});

const dbSecret = (password: string): string =>
  `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\nstringData:\n  password: ${password}\n`;

describe('SOPS decryption', { skip }, () => {
  it('decrypts an age-encrypted Secret manifest and a PGP-encrypted secretGenerator env file', async () => {
    const encSecret = sopsEncrypt('db.yaml', dbSecret('s3cr3t-one'), {
      age: [age.recipient],
      extraArgs: ['--encrypted-regex', '^(data|stringData)$'],
    });
    const encEnv = sopsEncrypt('app.env', 'TOKEN=tok-abc\nUSER=admin\n', {
      pgp: [pgp.fingerprint],
      gnupgHome: pgp.gnupgHome,
    });
    const revision = await publish({
      'kustomization.yaml': `namespace: ${ns}\nresources:\n- db.yaml\nsecretGenerator:\n- name: app\n  envs:\n  - app.env\ngeneratorOptions:\n  disableNameSuffixHash: true\n`,
      'db.yaml': encSecret,
      'app.env': encEnv,
    });
    await keySecret('sops-keys', {
      'identity.agekey': `${age.identity}\n`,
      'team.asc': pgp.armoredPrivateKey,
    });
    await upsertKs('dec', { decryption: { provider: 'sops', secretRef: { name: 'sops-keys' } } });
    await reconcileOnce(reconciler, ns, 'dec');
    const ks = await client.get(ksRef('dec'));
    assert.deepEqual(
      { status: ready(ks)?.status, message: ready(ks)?.message },
      { status: 'True', message: `Applied revision: ${revision}` },
    );
    assertStatus(ks as never);
    assert.deepEqual(await secretData('db'), { password: 's3cr3t-one' });
    assert.deepEqual(await secretData('app'), { TOKEN: 'tok-abc', USER: 'admin' });
  });

  it('a file encrypted for another key fails with BuildFailed, applies nothing and leaks nothing', async () => {
    const encSecret = sopsEncrypt('db.yaml', dbSecret('s3cr3t-two'), {
      age: [otherAge.recipient],
      extraArgs: ['--encrypted-regex', '^(data|stringData)$'],
    });
    await publish({
      'kustomization.yaml': `namespace: ${ns}\nresources:\n- db.yaml\n- cm.yaml\n`,
      'db.yaml': encSecret,
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  a: "1"\n',
    });
    const before = events.list.length;
    await reconcileOnce(reconciler, ns, 'dec');
    const ks = await client.get(ksRef('dec'));
    const r = ready(ks);
    assert.equal(r?.status, 'False');
    assert.equal(r?.reason, 'BuildFailed');
    assert.match(
      r?.message ?? '',
      new RegExp(
        `^decryption failed for 'Secret\\.v1\\.\\[noGrp\\]/db': failed to decrypt and format '${ns}/db' Secret data: cannot get sops data key: `,
      ),
    );
    assertStatus(ks as never);
    const texts = [r?.message ?? '', ...events.list.slice(before).map((e) => e.message)].join('\n');
    for (const secret of ['s3cr3t-two', age.identity, otherAge.identity, 'tok-abc'])
      assert.ok(!texts.includes(secret), 'no plaintext or key material in conditions or events');
    assert.deepEqual(await secretData('db'), { password: 's3cr3t-one' }, 'the old Secret is untouched');
    assert.equal(
      await client.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'extra' }),
      undefined,
      'nothing of the failed revision was applied',
    );
  });

  it('a missing decryption Secret fails with BuildFailed and the API NotFound text', async () => {
    await upsertKs('dec', { decryption: { provider: 'sops', secretRef: { name: 'absent' } } });
    await reconcileOnce(reconciler, ns, 'dec');
    const r = ready(await client.get(ksRef('dec')));
    assert.equal(r?.reason, 'BuildFailed');
    assert.match(r?.message ?? '', /secrets "absent" not found/);
  });

  it('decryption.serviceAccountName without the ObjectLevelWorkloadIdentity gate stalls', async () => {
    await upsertKs('dec', { decryption: { provider: 'sops', serviceAccountName: 'kms' } });
    await reconcileOnce(reconciler, ns, 'dec');
    const ks = await client.get(ksRef('dec'));
    const conds = (
      ks['status'] as { conditions: { type: string; status: string; reason: string; message: string }[] }
    ).conditions;
    const msg =
      'to use spec.decryption.serviceAccountName for decryption authentication please enable the ObjectLevelWorkloadIdentity feature gate in the controller';
    assert.deepEqual(
      conds
        .filter((c) => c.type === 'Ready' || c.type === 'Stalled')
        .map((c) => [c.type, c.status, c.reason, c.message])
        .sort(),
      [
        ['Ready', 'False', 'FeatureGateDisabled', msg],
        ['Stalled', 'True', 'FeatureGateDisabled', msg],
      ],
    );
    assertStatus(ks as never);
  });

  it('a Secret still encrypted without decryption configured is refused before apply', async () => {
    await upsertKs('dec', {});
    await reconcileOnce(reconciler, ns, 'dec');
    const r = ready(await client.get(ksRef('dec')));
    assert.equal(r?.reason, 'BuildFailed');
    assert.equal(
      r?.message,
      `Secret/${ns}/db is SOPS encrypted, configuring decryption is required for this secret to be reconciled`,
    );
  });
});

describe('post-build substitution in strict mode', () => {
  it('a variable without value or default is BuildFailed naming the resource and the variable', async () => {
    await publish({
      'cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: vars\n  namespace: ${ns}\ndata:\n  a: "\${defined}"\n  b: "\${missing}"\n  c: "\${withDefault:=x}"\n`,
    });
    await upsertKs('strict', { postBuild: { substitute: { defined: 'one' } } });
    await reconcileOnce(strict, ns, 'strict');
    const ks = await client.get(ksRef('strict'));
    assert.deepEqual(
      { reason: ready(ks)?.reason, message: ready(ks)?.message },
      {
        reason: 'BuildFailed',
        message: `post build failed for 'ConfigMap.v1.[noGrp]/vars': envsubst error: variable substitution failed: variable not set (strict mode): "missing"`,
      },
    );
    assertStatus(ks as never);
    assert.equal(
      await client.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'vars' }),
      undefined,
    );
    // Without the gate the same revision applies, the missing variable becoming empty.
    await reconcileOnce(reconciler, ns, 'strict');
    const after = ready(await client.get(ksRef('strict')));
    assert.equal(after?.status, 'True', after?.message);
    const cm = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'vars' });
    assert.deepEqual(cm['data'], { a: 'one', b: '', c: 'x' });
  });
});

describe('impersonation', () => {
  it('a service account without rights fails with ReconciliationFailed and applies nothing', async () => {
    await client.create({
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'powerless', namespace: ns },
    });
    await publish({
      'cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: tenant\n  namespace: ${ns}\ndata:\n  a: "1"\n`,
    });
    await upsertKs('tenant', { serviceAccountName: 'powerless' });
    await reconcileOnce(reconciler, ns, 'tenant');
    const ks = await client.get(ksRef('tenant'));
    const r = ready(ks);
    assert.equal(r?.reason, 'ReconciliationFailed');
    assert.match(
      r?.message ?? '',
      new RegExp(`User "system:serviceaccount:${ns}:powerless" cannot (get|patch) resource "configmaps"`),
    );
    assertStatus(ks as never);
    assert.equal(
      await client.getOrUndefined({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'tenant' }),
      undefined,
    );
  });

  it('--default-service-account applies to Kustomizations without serviceAccountName', async () => {
    const withDefault = new KustomizationReconciler({
      client,
      fetcher: artifactFetcher({ retries: 0 }),
      builder: nativeBuilder(),
      events,
      options: { healthPollMs: 200, defaultServiceAccount: 'powerless' },
    });
    await upsertKs('tenant', { serviceAccountName: null });
    await reconcileOnce(withDefault, ns, 'tenant');
    assert.equal(ready(await client.get(ksRef('tenant')))?.reason, 'ReconciliationFailed');
    // Granting the account rights on ConfigMaps lets the same revision apply.
    await client.create({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'configmaps', namespace: ns },
      rules: [
        { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'create', 'patch', 'delete'] },
      ],
    });
    await client.create({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'powerless-configmaps', namespace: ns },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'configmaps' },
      subjects: [{ kind: 'ServiceAccount', name: 'powerless', namespace: ns }],
    });
    // The API server's RBAC cache follows the binding within moments.
    await waitFor(
      async () => {
        await reconcileOnce(withDefault, ns, 'tenant');
        return ready(await client.get(ksRef('tenant')))?.status === 'True';
      },
      { what: 'applied once the account has rights', timeoutMs: 15_000 },
    );
    const granted = ready(await client.get(ksRef('tenant')));
    assert.equal(granted?.status, 'True', granted?.message);
    const cm = await client.get({ apiVersion: 'v1', kind: 'ConfigMap', namespace: ns, name: 'tenant' });
    assert.equal(cm.metadata.labels?.['kustomize.toolkit.fluxcd.io/name'], 'tenant');
  });
});
