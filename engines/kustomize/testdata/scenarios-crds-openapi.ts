/** Scenarios for `crds` (OpenAPI definitions that add name references and field specs) and `openapi`. */
import { deploy, type Scenario } from './fixtures.js';

const job = (name: string): string => `apiVersion: batch.example.com/v1
kind: Backup
metadata:
  name: ${name}
spec:
  secret:
    name: creds
  config:
    ref: cfg
  storage:
    bucket: b1
  owner: team-a
  selector: {}
  notes: {}
  schedule: "@daily"
`;

/** OpenAPI definitions in the format kustomize's `crds` field reads. */
const defs = (extra: Record<string, unknown> = {}, spec: Record<string, unknown> = {}): Record<string, unknown> => ({
  'com.example.batch.v1.Backup': {
    Schema: {
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { $ref: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
        spec: { $ref: 'com.example.batch.v1.BackupSpec' },
      },
    },
  },
  'com.example.batch.v1.BackupSpec': {
    Schema: {
      properties: {
        secret: {
          type: 'object',
          'x-kubernetes-object-ref-api-version': 'v1',
          'x-kubernetes-object-ref-kind': 'Secret',
        },
        config: {
          type: 'object',
          'x-kubernetes-object-ref-api-version': 'v1',
          'x-kubernetes-object-ref-kind': 'ConfigMap',
          'x-kubernetes-object-ref-name-key': 'ref',
        },
        ...spec,
      },
    },
  },
  ...extra,
});

const gen = `configMapGenerator:
- name: cfg
  literals: [a=1]
secretGenerator:
- name: creds
  literals: [p=x]
`;

const c = (name: string, kustomization: string, files: Record<string, string> = {}, error?: RegExp): Scenario => ({
  name,
  files: {
    'kustomization.yaml': `resources:\n- backup.yaml\n${kustomization}`,
    'backup.yaml': job('nightly'),
    'crd.json': JSON.stringify(defs(), null, 2),
    ...files,
  },
  error,
});

const toYaml = (v: unknown, indent = ''): string => {
  if (Array.isArray(v)) return v.map((x) => `${indent}- ${JSON.stringify(x)}\n`).join('');
  if (v !== null && typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>).map(([k, x]) =>
      x !== null && typeof x === 'object' && Object.keys(x as object).length > 0
        ? `${indent}${JSON.stringify(k)}:\n${toYaml(x, indent + '  ')}`
        : `${indent}${JSON.stringify(k)}: ${JSON.stringify(x)}\n`).join('');
  }
  return `${indent}${JSON.stringify(v)}\n`;
};

/** A custom kind with a keyed list, and an OpenAPI document that gives kyaml its merge key. */
const fleet = `apiVersion: example.com/v1
kind: Fleet
metadata:
  name: ships
spec:
  ships:
  - name: a
    size: 1
  - name: b
    size: 2
  tags: [x, y]
  crew:
  - rank: cpt
    deck: 1
    who: kirk
  - rank: cpt
    deck: 2
    who: picard
`;

const fleetPatch = `apiVersion: example.com/v1
kind: Fleet
metadata:
  name: ships
spec:
  ships:
  - name: b
    size: 20
  - name: c
    size: 3
  tags: [z]
`;

const fleetSchema = (shipsExt: Record<string, unknown> = { 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' },
  tagsExt: Record<string, unknown> = {}): Record<string, unknown> => ({
  definitions: {
    'com.example.v1.Fleet': {
      type: 'object',
      properties: {
        apiVersion: { type: 'string' },
        kind: { type: 'string' },
        metadata: { type: 'object' },
        spec: { $ref: '#/definitions/com.example.v1.FleetSpec' },
      },
      'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Fleet' }],
    },
    'com.example.v1.FleetSpec': {
      type: 'object',
      properties: {
        ships: { type: 'array', items: { $ref: '#/definitions/com.example.v1.Ship' }, ...shipsExt },
        tags: { type: 'array', items: { type: 'string' }, ...tagsExt },
      },
    },
    'com.example.v1.Ship': {
      type: 'object',
      properties: { name: { type: 'string' }, size: { type: 'integer' } },
    },
  },
});

const o = (name: string, kustomization: string, files: Record<string, string> = {}, error?: RegExp): Scenario => ({
  name,
  files: {
    'kustomization.yaml': `resources:\n- fleet.yaml\npatches:\n- path: patch.yaml\n${kustomization}`,
    'fleet.yaml': fleet,
    'patch.yaml': fleetPatch,
    'schema.json': JSON.stringify(fleetSchema(), null, 2),
    ...files,
  },
  error,
});

export const scenarios: Scenario[] = [
  c('a crds object reference follows generated Secret and ConfigMap names into a custom kind', `crds:\n- crd.json\n${gen}`),
  c('without crds a custom kind keeps the generated names unhashed', gen),
  c('a crds object reference with a name key follows namePrefix', `crds:\n- crd.json\nnamePrefix: p-\nresources:\n- cm.yaml\n`, {
    'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n',
  }),
  c('crds definitions may be YAML', `crds:\n- crd.yaml\n${gen}`, { 'crd.yaml': toYaml(defs()) }),
  c('crds x-kubernetes-annotation, label-selector and identity fields get annotations, labels and the prefix', `crds:
- crd.json
commonAnnotations:
  note: hi
commonLabels:
  app: backup
namePrefix: p-
`, {
    'crd.json': JSON.stringify(defs({}, {
      notes: { type: 'object', 'x-kubernetes-annotation': '' },
      selector: { type: 'object', 'x-kubernetes-label-selector': '' },
      owner: { type: 'string', 'x-kubernetes-identity': '' },
    })),
  }),
  c('crds extensions count only with a string value', `crds:\n- crd.json\ncommonLabels:\n  app: backup\n`, {
    'crd.json': JSON.stringify(defs({}, { selector: { type: 'object', 'x-kubernetes-label-selector': true } })),
  }),
  c('crds references are followed through nested definitions', `crds:\n- crd.json\n${gen}`, {
    'backup.yaml': job('nightly').replace('  storage:\n    bucket: b1\n', '  storage:\n    bucket: b1\n    credentials:\n      name: creds\n'),
    'crd.json': JSON.stringify(defs({
      'com.example.batch.v1.Storage': {
        Schema: {
          properties: {
            credentials: { 'x-kubernetes-object-ref-api-version': 'v1', 'x-kubernetes-object-ref-kind': 'Secret' },
          },
        },
      },
    }, { storage: { $ref: 'com.example.batch.v1.Storage' } })),
  }),
  c('a crds definition without kind, apiVersion and metadata properties adds nothing', `crds:\n- crd.json\n${gen}`, {
    'crd.json': JSON.stringify({
      'com.example.batch.v1.Backup': {
        Schema: { properties: { spec: { $ref: 'com.example.batch.v1.BackupSpec' } } },
      },
      'com.example.batch.v1.BackupSpec': (defs()['com.example.batch.v1.BackupSpec'] as object),
    }),
  }),
  c('two crds files are merged', `crds:\n- crd.json\n- more.json\n${gen}`, {
    'crd.json': JSON.stringify(defs({}, { config: {} })),
    'more.json': JSON.stringify({
      'com.example.batch.v1.Backup': { Schema: { properties: { apiVersion: {}, kind: {}, metadata: {}, config: { $ref: 'cfgref' } } } },
      cfgref: { Schema: { properties: { ref: { 'x-kubernetes-object-ref-api-version': 'v1', 'x-kubernetes-object-ref-kind': 'ConfigMap' } } } },
    }),
    'backup.yaml': job('nightly').replace('  config:\n    ref: cfg\n', '  config:\n    ref: cfg\nconfig:\n  ref:\n    name: cfg\n'),
  }),
  {
    name: 'crds of a base reach the name references of the overlay',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- backup.yaml\ncrds:\n- crd.json\n',
      'base/backup.yaml': job('nightly'),
      'base/crd.json': JSON.stringify(defs()),
      'overlay/kustomization.yaml': `resources:\n- ../base\nnamePrefix: prod-\n${gen}`,
    },
  },
  {
    name: 'crds of a component reach the kustomization using it',
    files: {
      'kustomization.yaml': `resources:\n- backup.yaml\ncomponents:\n- comp\n`,
      'backup.yaml': job('nightly'),
      'comp/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ncrds:\n- crd.json\n${gen}`,
      'comp/crd.json': JSON.stringify(defs()),
    },
  },
  c('a missing crds file is an error', 'crds:\n- nope.json\n', {}, /nope\.json/),
  c('an empty crds file is an error', 'crds:\n- empty.json\n', { 'empty.json': '' }, /.+/),
  c('a crds file that is not a map of definitions is an error', 'crds:\n- bad.yaml\n', { 'bad.yaml': '- a\n- b\n' }, /.+/),
  c('a crds file with invalid JSON is an error', 'crds:\n- bad.json\n', { 'bad.json': '{"a": ' }, /.+/),

  o('an openapi schema gives a custom kind a strategic merge key', 'openapi:\n  path: schema.json\n'),
  o('without an openapi schema a custom kind list is replaced by the patch', ''),
  o('an openapi schema may be YAML', 'openapi:\n  path: schema.yaml\n', { 'schema.yaml': toYaml(fleetSchema()) }),
  o('an openapi merge strategy without a key merges a primitive list', 'openapi:\n  path: schema.json\n', {
    'schema.json': JSON.stringify(fleetSchema(undefined, { 'x-kubernetes-patch-strategy': 'merge' })),
  }),
  o('an openapi patch strategy other than merge replaces the list', 'openapi:\n  path: schema.json\n', {
    'schema.json': JSON.stringify(fleetSchema({ 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'replace' })),
  }),
  o('an openapi merge key without a strategy replaces the list', 'openapi:\n  path: schema.json\n', {
    'schema.json': JSON.stringify(fleetSchema({ 'x-kubernetes-patch-merge-key': 'name' })),
  }),
  o('a patch element can delete a keyed entry of a custom list', 'openapi:\n  path: schema.json\n', {
    'patch.yaml': fleetPatch.replace('  - name: c\n    size: 3\n', '  - name: a\n    $patch: delete\n'),
  }),
  o('openapi version v1.21.2 is the builtin schema', 'openapi:\n  version: v1.21.2\n'),
  o('an unknown builtin openapi version is an error', 'openapi:\n  version: v1.99.0\n', {}, /not built in|version/),
  o('an openapi version together with a path is an error', 'openapi:\n  version: v1.21.2\n  path: schema.json\n', {}, /cannot use both|version/),
  o('a missing openapi schema file is an error', 'openapi:\n  path: nope.json\n', {}, /nope\.json/),
  o('an invalid openapi schema is an error once a patch needs it', 'openapi:\n  path: bad.json\n', { 'bad.json': '{"definitions": [' }, /.+/),
  {
    name: 'an openapi schema replaces the builtin one, so Deployment containers are no longer merged by name',
    files: {
      'kustomization.yaml': 'resources:\n- d.yaml\nopenapi:\n  path: schema.json\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      template:\n        spec:\n          containers:\n          - name: sidecar\n            image: busybox\n',
      'd.yaml': deploy('web'),
      'schema.json': JSON.stringify(fleetSchema()),
    },
  },
  {
    name: 'an openapi schema of a base is used for the overlay patches',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- fleet.yaml\nopenapi:\n  path: schema.json\n',
      'base/fleet.yaml': fleet,
      'base/schema.json': JSON.stringify(fleetSchema()),
      'overlay/kustomization.yaml': 'resources:\n- ../base\npatches:\n- path: patch.yaml\n',
      'overlay/patch.yaml': fleetPatch,
    },
  },
  {
    name: 'the openapi schema of the top kustomization wins over a base one',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- fleet.yaml\nopenapi:\n  path: schema.json\n',
      'base/fleet.yaml': fleet,
      'base/schema.json': JSON.stringify(fleetSchema({ 'x-kubernetes-patch-merge-key': 'size', 'x-kubernetes-patch-strategy': 'merge' })),
      'overlay/kustomization.yaml': 'resources:\n- ../base\nopenapi:\n  path: schema.json\npatches:\n- path: patch.yaml\n',
      'overlay/patch.yaml': fleetPatch,
      'overlay/schema.json': JSON.stringify(fleetSchema()),
    },
  },
  o('a bad openapi schema is never read when no patch or custom kind needs it', 'openapi:\n  path: bad.json\n', {
    'bad.json': '{"definitions": [',
    'kustomization.yaml': 'resources:\n- d.yaml\nopenapi:\n  path: bad.json\n',
    'd.yaml': deploy('web'),
  }),
  o('a bad openapi schema fails as soon as a resource of an unknown kind is read', 'openapi:\n  path: bad.json\n', {
    'bad.json': '{"definitions": [',
    'kustomization.yaml': 'resources:\n- fleet.yaml\nopenapi:\n  path: bad.json\n',
  }, /.+/),
  o('inline openapi properties and a one-key list-map-keys give merge keys', 'openapi:\n  path: schema.json\n', {
    'schema.json': JSON.stringify({
      definitions: {
        fleet: {
          'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Fleet' }],
          properties: {
            spec: {
              type: 'object',
              properties: {
                crew: {
                  type: 'array',
                  'x-kubernetes-list-map-keys': ['who'],
                  'x-kubernetes-list-type': 'map',
                  'x-kubernetes-patch-strategy': 'merge',
                  items: { type: 'object', properties: { tags: { type: 'array', 'x-kubernetes-patch-strategy': 'merge', items: { type: 'string' } } } },
                },
              },
            },
          },
        },
      },
    }),
    'patch.yaml': 'apiVersion: example.com/v1\nkind: Fleet\nmetadata:\n  name: ships\nspec:\n  crew:\n  - who: kirk\n    deck: 3\n    tags: [a]\n  - who: spock\n    rank: cdr\n',
  }),
  o('a $patch replace list element replaces a custom keyed list', 'openapi:\n  path: schema.json\n', {
    'patch.yaml': fleetPatch.replace('  - name: c\n    size: 3\n', '  - $patch: replace\n'),
  }),
  {
    name: 'an openapi schema set by a component is used for the patches of the kustomization using it',
    files: {
      'kustomization.yaml': 'resources:\n- fleet.yaml\ncomponents:\n- comp\npatches:\n- path: patch.yaml\n',
      'fleet.yaml': fleet,
      'patch.yaml': fleetPatch,
      'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nopenapi:\n  path: schema.json\n',
      'comp/schema.json': JSON.stringify(fleetSchema()),
    },
  },
  {
    name: 'the builtin schema stays under a base openapi schema when a custom kind was read before it',
    files: {
      'kustomization.yaml': 'resources:\n- a\n- b\npatches:\n- path: patch.yaml\n- path: dpatch.yaml\n',
      'a/kustomization.yaml': 'resources:\n- fleet.yaml\n',
      'a/fleet.yaml': fleet,
      'b/kustomization.yaml': 'resources:\n- d.yaml\nopenapi:\n  path: schema.json\n',
      'b/d.yaml': deploy('web'),
      'b/schema.json': JSON.stringify(fleetSchema()),
      'patch.yaml': fleetPatch,
      'dpatch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: sidecar\n        image: busybox\n',
    },
  },
  {
    name: 'a base openapi schema read before any custom kind replaces the builtin schema',
    files: {
      'kustomization.yaml': 'resources:\n- b\n- a\npatches:\n- path: patch.yaml\n- path: dpatch.yaml\n',
      'a/kustomization.yaml': 'resources:\n- fleet.yaml\n',
      'a/fleet.yaml': fleet,
      'b/kustomization.yaml': 'resources:\n- d.yaml\nopenapi:\n  path: schema.json\n',
      'b/d.yaml': deploy('web'),
      'b/schema.json': JSON.stringify(fleetSchema()),
      'patch.yaml': fleetPatch,
      'dpatch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: sidecar\n        image: busybox\n',
    },
  },
  {
    name: 'a patch before a base sets an openapi schema keeps the builtin schema for later patches',
    dir: 'top',
    files: {
      'top/kustomization.yaml': 'resources:\n- ../mid\n- ../b\npatches:\n- path: dpatch.yaml\n',
      'mid/kustomization.yaml': 'resources:\n- d.yaml\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: api\n    spec:\n      replicas: 2\n',
      'mid/d.yaml': deploy('api'),
      'b/kustomization.yaml': 'resources:\n- d.yaml\nopenapi:\n  path: schema.json\n',
      'b/d.yaml': deploy('web'),
      'b/schema.json': JSON.stringify(fleetSchema()),
      'top/dpatch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: sidecar\n        image: busybox\n',
    },
  },
  {
    name: 'namePrefix and a generator in an overlay leave the openapi merge of a base patch intact',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- fleet.yaml\nopenapi:\n  path: schema.json\npatches:\n- path: patch.yaml\n',
      'base/fleet.yaml': fleet,
      'base/patch.yaml': fleetPatch,
      'base/schema.json': JSON.stringify(fleetSchema()),
      'overlay/kustomization.yaml': 'resources:\n- ../base\nnamePrefix: x-\nconfigMapGenerator:\n- name: extra\n  literals: [k=v]\npatches:\n- patch: |-\n    apiVersion: example.com/v1\n    kind: Fleet\n    metadata:\n      name: ships\n    spec:\n      ships:\n      - name: d\n        size: 4\n',
    },
  },
  {
    name: 'a custom openapi definition of a builtin kind changes its merge keys',
    files: {
      'kustomization.yaml': 'resources:\n- d.yaml\nopenapi:\n  path: schema.json\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      template:\n        spec:\n          containers:\n          - name: renamed\n            image: nginx:1.25\n            args: [x]\n',
      'd.yaml': deploy('web'),
      'schema.json': JSON.stringify({
        definitions: {
          dep: {
            'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Deployment' }],
            properties: { spec: { $ref: '#/definitions/spec' } },
          },
          spec: { properties: { template: { $ref: '#/definitions/tpl' } } },
          tpl: { properties: { spec: { $ref: '#/definitions/pod' } } },
          pod: {
            properties: {
              containers: { type: 'array', items: { type: 'object' }, 'x-kubernetes-patch-strategy': 'merge', 'x-kubernetes-patch-merge-key': 'image' },
            },
          },
        },
      }),
    },
  },
  o('a delete patch with a bad openapi schema fails like kustomize', 'openapi:\n  path: bad.json\n', {
    'bad.json': 'definitions: [',
    'patch.yaml': 'apiVersion: example.com/v1\nkind: Fleet\nmetadata:\n  name: ships\n$patch: delete\n',
  }, /.+/),
  c('a crds reference to a missing definition and a dotless kind name are read as kustomize reads them', `crds:\n- crd.json\n${gen}`, {
    'backup.yaml': `${job('nightly').replace('kind: Backup', 'kind: Plain')}secret:\n  name: creds\n`,
    'crd.json': JSON.stringify({
      Plain: {
        Schema: {
          properties: {
            apiVersion: {}, kind: {}, metadata: {},
            spec: { $ref: 'nowhere' },
            secret: { 'x-kubernetes-object-ref-api-version': '', 'x-kubernetes-object-ref-kind': 'Secret' },
          },
        },
      },
    }),
  }),
  ...portScenarios(),
  ...scopeScenarios(),
  o('crds definitions give no strategic merge keys: a patched custom list is still replaced', 'crds:\n- crd.json\n', {
    'crd.json': JSON.stringify({
      'com.example.v1.Fleet': { Schema: { properties: { apiVersion: {}, kind: {}, metadata: {}, spec: { $ref: 'com.example.v1.FleetSpec' } } } },
      'com.example.v1.FleetSpec': {
        Schema: {
          properties: {
            ships: { type: 'array', 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge', items: { $ref: 'com.example.v1.Ship' } },
          },
        },
      },
      'com.example.v1.Ship': { Schema: { properties: { name: { type: 'string' } } } },
    }),
  }),
];

function scopeScenarios(): Scenario[] {
  const get = (kind: string): Record<string, unknown> => ({ get: { 'x-kubernetes-group-version-kind': { group: 'example.com', version: 'v1', kind } } });
  const schema = (paths: Record<string, unknown>): string => JSON.stringify({ ...fleetSchema(), paths });
  const files = (paths: Record<string, unknown>, extra = ''): Record<string, string> => ({
    'kustomization.yaml': `resources:\n- fleet.yaml\n- role.yaml\nnamespace: prod\nopenapi:\n  path: schema.json\n${extra}`,
    'fleet.yaml': fleet,
    'role.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: fleet-admin\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: admin\nsubjects:\n- kind: ServiceAccount\n  name: default\n',
    'schema.json': schema(paths),
  });
  return [
    {
      name: 'a custom openapi path without a namespace makes a custom kind cluster-scoped, so namespace skips it',
      files: files({ '/apis/example.com/v1/fleets/{name}': get('Fleet') }),
    },
    {
      name: 'a custom openapi kind with a namespaced path stays namespaced',
      files: files({ '/apis/example.com/v1/fleets': get('Fleet'), '/apis/example.com/v1/namespaces/{namespace}/fleets/{name}': get('Fleet') }),
    },
    {
      name: 'a custom openapi path for a builtin kind does not change its scope',
      files: files({ '/api/v1/configmaps/{name}': { get: { 'x-kubernetes-group-version-kind': { group: '', version: 'v1', kind: 'ConfigMap' } } } },
        'configMapGenerator:\n- name: cfg\n  literals: [a=1]\n'),
    },
  ];
}

function portScenarios(): Scenario[] {
  const dep = (ports: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: dns
spec:
  template:
    spec:
      containers:
      - name: app
        image: coredns
        ports:
${ports}`;
  const patch = (ports: string): string => dep(ports).replace('        image: coredns\n', '');
  const tcp53 = '        - containerPort: 53\n          protocol: TCP\n          name: dns-tcp\n        - containerPort: 9153\n          name: metrics\n';
  const p = (name: string, target: string, ports: string, error?: RegExp): Scenario => ({
    name,
    files: { 'kustomization.yaml': 'resources:\n- d.yaml\npatches:\n- path: p.yaml\n', 'd.yaml': dep(target), 'p.yaml': patch(ports) },
    error,
  });
  const svc = (ports: string): string => `apiVersion: v1\nkind: Service\nmetadata:\n  name: dns\nspec:\n  ports:\n${ports}`;
  return [
    p('a container port with the same number and another protocol is added beside it (ports merge by containerPort and protocol)', tcp53,
      '        - containerPort: 53\n          protocol: UDP\n          name: dns-udp\n'),
    p('a container port patch without protocol leaves a target port that has one unchanged, as kyaml does', tcp53,
      '        - containerPort: 53\n          name: renamed\n'),
    p('a container port patch with a protocol does not reach a target port without one, as kyaml does', '        - containerPort: 80\n          name: web\n',
      '        - containerPort: 80\n          protocol: TCP\n          name: renamed\n'),
    p('container ports without protocols merge by containerPort', '        - containerPort: 80\n          name: web\n        - containerPort: 81\n          name: alt\n',
      '        - containerPort: 81\n          name: alt2\n        - containerPort: 82\n          name: new\n'),
    p('a container port is deleted by containerPort and protocol', tcp53,
      '        - containerPort: 53\n          protocol: TCP\n          $patch: delete\n'),
    {
      name: 'a Service port with another protocol is added and a matching one merged',
      files: {
        'kustomization.yaml': 'resources:\n- s.yaml\npatches:\n- path: p.yaml\n',
        's.yaml': svc('  - port: 53\n    protocol: TCP\n    targetPort: 5353\n  - port: 80\n    targetPort: 8080\n'),
        'p.yaml': svc('  - port: 53\n    protocol: UDP\n    targetPort: 5353\n  - port: 80\n    targetPort: 9090\n'),
      },
    },
    {
      name: 'topology spread constraints merge by topologyKey and whenUnsatisfiable',
      files: {
        'kustomization.yaml': 'resources:\n- d.yaml\npatches:\n- path: p.yaml\n',
        'd.yaml': `${dep('        - containerPort: 53\n')}      topologySpreadConstraints:\n      - topologyKey: zone\n        whenUnsatisfiable: DoNotSchedule\n        maxSkew: 1\n      - topologyKey: host\n        whenUnsatisfiable: ScheduleAnyway\n        maxSkew: 1\n`,
        'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: dns\nspec:\n  template:\n    spec:\n      topologySpreadConstraints:\n      - topologyKey: zone\n        whenUnsatisfiable: ScheduleAnyway\n        maxSkew: 2\n      - topologyKey: host\n        whenUnsatisfiable: ScheduleAnyway\n        maxSkew: 3\n',
      },
    },
    o('a custom list with two x-kubernetes-list-map-keys merges by both keys', 'openapi:\n  path: schema.json\n', {
      'schema.json': JSON.stringify({
        definitions: {
          fleet: {
            'x-kubernetes-group-version-kind': [{ group: 'example.com', version: 'v1', kind: 'Fleet' }],
            properties: {
              spec: {
                properties: {
                  crew: { type: 'array', 'x-kubernetes-list-map-keys': ['rank', 'deck'], 'x-kubernetes-patch-strategy': 'merge', items: { type: 'object' } },
                },
              },
            },
          },
        },
      }),
      'patch.yaml': 'apiVersion: example.com/v1\nkind: Fleet\nmetadata:\n  name: ships\nspec:\n  crew:\n  - rank: cpt\n    deck: 2\n    who: janeway\n  - rank: cpt\n    deck: 3\n    who: sisko\n',
    }),
  ];
}
