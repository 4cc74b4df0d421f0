/**
 * Kubeconfig reading without @kubernetes/client-node: merge order of $KUBECONFIG lists, relative paths,
 * context selection, the in-cluster configuration, and the credentials each user form yields. Exec
 * plugins go through client-node on first use (covered against a real control plane by
 * test/kustomize-controller/remote-kubeconfig.test.ts).
 */
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectionFromKubeConfigText, loadKubeConfig } from '../../runtime/client/index.js';
import { connectionReady } from '../../runtime/client/kubeconfig.js';
import {
  inClusterKubeConfig,
  mergeKubeConfigs,
  selectContext,
} from '../../runtime/client/kubeconfig-file.js';

const dir = mkdtempSync(join(tmpdir(), 'sluice-kubeconfig-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const config = (o: {
  cluster: string;
  server: string;
  user?: string;
  userBody?: string;
  ctx?: string;
  current?: string;
  ns?: string;
}): string =>
  `apiVersion: v1
kind: Config
clusters:
- name: ${o.cluster}
  cluster:
    server: ${o.server}
users:
- name: ${o.user ?? 'u'}
  user: ${o.userBody ?? '{token: t}'}
contexts:
- name: ${o.ctx ?? 'c'}
  context: {cluster: ${o.cluster}, user: ${o.user ?? 'u'}${o.ns ? `, namespace: ${o.ns}` : ''}}
${o.current === undefined ? `current-context: ${o.ctx ?? 'c'}` : o.current ? `current-context: ${o.current}` : ''}
`;

describe('merging kubeconfigs as kubectl does', () => {
  it('the first file to name a cluster, user or context wins, and the first current-context wins', () => {
    const merged = mergeKubeConfigs([
      { text: config({ cluster: 'a', server: 'https://first:1', ctx: 'c1', current: '' }), origin: '1' },
      { text: config({ cluster: 'a', server: 'https://second:2', ctx: 'c1', current: 'c1' }), origin: '2' },
    ]);
    const sel = selectContext(merged);
    assert.equal(sel.contextName, 'c1');
    assert.equal(sel.cluster['server'], 'https://first:1');
  });

  it('relative certificate and token paths are resolved against the file that names them', () => {
    const merged = mergeKubeConfigs([
      {
        text: config({
          cluster: 'a',
          server: 'https://h:1',
          userBody: '{client-certificate: certs/c.crt, client-key: /abs/k.key, tokenFile: t}',
        }),
        baseDir: '/etc/kube',
        origin: 'f',
      },
    ]);
    const sel = selectContext(merged);
    assert.equal(sel.user['client-certificate'], '/etc/kube/certs/c.crt');
    assert.equal(sel.user['client-key'], '/abs/k.key');
    assert.equal(sel.user['tokenFile'], '/etc/kube/t');
  });

  const selectionErrors: Array<[string, string, string | undefined, RegExp]> = [
    [
      'an unknown --context is refused by name',
      config({ cluster: 'a', server: 'https://h:1' }),
      'nope',
      /context "nope" does not exist/,
    ],
    [
      'no current-context and no --context is refused',
      config({ cluster: 'a', server: 'https://h:1', current: '' }),
      undefined,
      /no current cluster/,
    ],
    [
      'a context naming a missing cluster is refused',
      config({ cluster: 'a', server: 'https://h:1' }).replace('cluster: a, user', 'cluster: gone, user'),
      undefined,
      /no current cluster/,
    ],
  ];
  for (const [name, text, ctx, err] of selectionErrors) {
    it(name, () => assert.throws(() => selectContext(mergeKubeConfigs([{ text, origin: 't' }]), ctx), err));
  }

  it('invalid YAML names the file', () => {
    assert.throws(
      () => mergeKubeConfigs([{ text: 'clusters: [', origin: '/x/config' }]),
      /invalid kubeconfig \/x\/config/,
    );
  });
});

describe('credentials of each user form', () => {
  const cases: Array<[string, string, Record<string, string>]> = [
    ['an inline token is a bearer token', '{token: abc}', { Authorization: 'Bearer abc' }],
    [
      'username and password are basic auth',
      '{username: u, password: p}',
      { Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` },
    ],
    ['no credentials send no Authorization', '{}', {}],
  ];
  for (const [name, user, headers] of cases) {
    it(name, async () => {
      const c = connectionFromKubeConfigText(
        config({ cluster: 'a', server: 'https://h:6443/', userBody: user }),
      );
      assert.equal(c.server, 'https://h:6443');
      assert.deepEqual(await c.authHeaders(), headers);
    });
  }

  it('a token file is read, and its namespace, CA data and TLS options are taken from the context and cluster', async () => {
    writeFileSync(join(dir, 'token'), 'from-file\n');
    const ca = Buffer.from('-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n');
    const text = config({
      cluster: 'a',
      server: 'https://h:1',
      userBody: `{tokenFile: ${join(dir, 'token')}}`,
      ns: 'team',
    }).replace(
      'server: https://h:1',
      `server: https://h:1\n    certificate-authority-data: ${ca.toString('base64')}\n    tls-server-name: api.local\n    insecure-skip-tls-verify: true`,
    );
    const c = connectionFromKubeConfigText(text);
    await connectionReady(c);
    assert.equal(c.namespace, 'team');
    assert.deepEqual(await c.authHeaders(), { Authorization: 'Bearer from-file' });
    assert.deepEqual(c.tls, { ca, rejectUnauthorized: false, servername: 'api.local' });
  });

  it('a missing certificate file fails at first use, naming the file', async () => {
    const c = connectionFromKubeConfigText(
      config({
        cluster: 'a',
        server: 'https://h:1',
        userBody: `{client-certificate: ${join(dir, 'missing.crt')}, client-key: ${join(dir, 'missing.key')}}`,
      }),
    );
    await assert.rejects(connectionReady(c), /missing\.(crt|key)/);
  });

  it('--kubeconfig with --context selects that context', () => {
    const path = join(dir, 'two');
    writeFileSync(
      path,
      config({ cluster: 'a', server: 'https://one:1', ctx: 'one' }).replace(
        'contexts:\n',
        'contexts:\n- name: two\n  context: {cluster: a, user: u, namespace: second}\n',
      ),
    );
    const c = loadKubeConfig({ kubeconfigPath: path, context: 'two' });
    assert.equal(c.contextName, 'two');
    assert.equal(c.namespace, 'second');
  });
});

describe('the in-cluster configuration', () => {
  it("is the pod's service account: token file, CA file and namespace, with an IPv6 host bracketed", () => {
    const sa = join(dir, 'sa');
    mkdirSync(sa, { recursive: true });
    writeFileSync(join(sa, 'namespace'), 'flux-system\n');
    const sel = selectContext(
      inClusterKubeConfig({ KUBERNETES_SERVICE_HOST: 'fd00::1', KUBERNETES_SERVICE_PORT: '443' }, sa),
    );
    assert.equal(sel.cluster['server'], 'https://[fd00::1]:443');
    assert.equal(sel.cluster['certificate-authority'], join(sa, 'ca.crt'));
    assert.equal(sel.user['tokenFile'], join(sa, 'token'));
    assert.equal(sel.namespace, 'flux-system');
  });

  it('outside a pod it says so', () => {
    assert.throws(() => inClusterKubeConfig({}), /not running in a pod/);
  });
});
