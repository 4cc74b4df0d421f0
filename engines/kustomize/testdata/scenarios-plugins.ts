/** Scenarios for the `transformers`, `generators` and `validators` entries (builtin plugin configs). */
import { deploy, type Scenario, svc } from './fixtures.js';

const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;
const rb = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: rb
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: r
subjects:
- kind: ServiceAccount
  name: default
- kind: ServiceAccount
  name: robot
  namespace: elsewhere
- kind: User
  name: alice
`;
/** An inline plugin config, indented as a YAML list entry's block literal. */
const inline = (cfg: string): string => '- |-\n' + cfg.trimEnd().split('\n').map((l) => '  ' + l).join('\n') + '\n';
const plugin = (kind: string, name: string, body: string): string => `apiVersion: builtin\nkind: ${kind}\nmetadata:\n  name: ${name}\n${body}`;

const app = (name: string, kustomization: string, extra: Record<string, string> = {}, error?: RegExp): Scenario => ({
  name,
  files: {
    'kustomization.yaml': `resources:\n- d.yaml\n- s.yaml\n- cm.yaml\n${kustomization}`,
    'd.yaml': deploy('web'),
    's.yaml': svc('web'),
    'cm.yaml': cm('cfg'),
    ...extra,
  },
  error,
});

const labelCfg = plugin('LabelTransformer', 'team', 'labels:\n  team: blue\nfieldSpecs:\n- path: metadata/labels\n  create: true\n- kind: Deployment\n  path: spec/template/metadata/labels\n  create: true\n');

export const scenarios: Scenario[] = [
  app('an inline LabelTransformer sets labels only where its field specs say', 'transformers:\n' + inline(labelCfg)),
  app('a LabelTransformer without fieldSpecs changes nothing', 'transformers:\n' + inline(plugin('LabelTransformer', 'none', 'labels:\n  team: blue\n'))),
  app('a PrefixTransformer plugin runs after the kustomization namePrefix', 'namePrefix: a-\ntransformers:\n' +
    inline(plugin('PrefixTransformer', 'p', 'prefix: b-\nfieldSpecs:\n- path: metadata/name\n'))),
  app('a SuffixTransformer plugin renames and name references follow', 'transformers:\n' +
    inline(plugin('SuffixTransformer', 's', 'suffix: -v2\nfieldSpecs:\n- path: metadata/name\n'))),
  app('a PrefixSuffixTransformer plugin limited to one kind', 'transformers:\n' +
    inline(plugin('PrefixSuffixTransformer', 'ps', 'prefix: pre-\nsuffix: -suf\nfieldSpecs:\n- kind: ConfigMap\n  path: metadata/name\n'))),
  app('a PrefixTransformer prefixing a field other than the name', 'transformers:\n' +
    inline(plugin('PrefixTransformer', 'p', 'prefix: x-\nfieldSpecs:\n- kind: Deployment\n  path: spec/template/spec/containers/name\n'))),
  app('a PrefixTransformer without fieldSpecs is a bad config', 'transformers:\n' + inline(plugin('PrefixTransformer', 'p', 'prefix: x-\n')), {}, /fieldSpecs is not expected to be nil/),
  app('transformer configs read from a file run in file order', 'transformers:\n- cfg/two.yaml\n', {
    'cfg/two.yaml': `${labelCfg}---\n${plugin('AnnotationsTransformer', 'note', 'annotations:\n  note: hi\nfieldSpecs:\n- path: metadata/annotations\n  create: true\n')}`,
  }),
  app('transformer configs built from a kustomization directory', 'transformers:\n- plugins\n', {
    'plugins/kustomization.yaml': 'namePrefix: ignored-\nresources:\n- label.yaml\n',
    'plugins/label.yaml': labelCfg,
  }),
  app('an AnnotationsTransformer reaching pod template annotations', 'transformers:\n' +
    inline(plugin('AnnotationsTransformer', 'a', 'annotations:\n  checksum: abc\nfieldSpecs:\n- kind: Deployment\n  path: spec/template/metadata/annotations\n  create: true\n'))),
  {
    name: 'a NamespaceTransformer plugin sets namespaces and default RoleBinding subjects',
    files: {
      'kustomization.yaml': 'resources:\n- cm.yaml\n- rb.yaml\ntransformers:\n' +
        inline(plugin('NamespaceTransformer', 'ns', 'fieldSpecs:\n- path: metadata/namespace\n  create: true\n').replace('  name: ns\n', '  name: ns\n  namespace: team\n')),
      'cm.yaml': cm('cfg'),
      'rb.yaml': rb,
    },
  },
  {
    name: 'a NamespaceTransformer with unsetOnly keeps namespaces that are already set',
    files: {
      'kustomization.yaml': 'resources:\n- cm.yaml\n- other.yaml\ntransformers:\n' +
        inline(plugin('NamespaceTransformer', 'ns', 'unsetOnly: true\nfieldSpecs:\n- path: metadata/namespace\n  create: true\n').replace('  name: ns\n', '  name: ns\n  namespace: team\n')),
      'cm.yaml': cm('cfg'),
      'other.yaml': cm('other').replace('  name: other\n', '  name: other\n  namespace: kept\n'),
    },
  },
  {
    name: 'a NamespaceTransformer with setRoleBindingSubjects allServiceAccounts',
    files: {
      'kustomization.yaml': 'resources:\n- rb.yaml\ntransformers:\n' +
        inline(plugin('NamespaceTransformer', 'ns', 'setRoleBindingSubjects: allServiceAccounts\nfieldSpecs:\n- path: metadata/namespace\n  create: true\n').replace('  name: ns\n', '  name: ns\n  namespace: team\n')),
      'rb.yaml': rb,
    },
  },
  {
    name: 'a NamespaceTransformer with setRoleBindingSubjects none leaves subjects alone',
    files: {
      'kustomization.yaml': 'resources:\n- rb.yaml\ntransformers:\n' +
        inline(plugin('NamespaceTransformer', 'ns', 'setRoleBindingSubjects: none\nfieldSpecs:\n- path: metadata/namespace\n  create: true\n').replace('  name: ns\n', '  name: ns\n  namespace: team\n')),
      'rb.yaml': rb,
    },
  },
  {
    name: 'a NamespaceTransformer with an unknown setRoleBindingSubjects is a bad config',
    files: {
      'kustomization.yaml': 'resources:\n- rb.yaml\ntransformers:\n' +
        inline(plugin('NamespaceTransformer', 'ns', 'setRoleBindingSubjects: some\n').replace('  name: ns\n', '  name: ns\n  namespace: team\n')),
      'rb.yaml': rb,
    },
    error: /setRoleBindingSubjects/,
  },
  app('an ImageTagTransformer plugin sets a new tag', 'transformers:\n' +
    inline(plugin('ImageTagTransformer', 'img', 'imageTag:\n  name: nginx\n  newTag: "1.27"\nfieldSpecs:\n- path: spec/template/spec/containers/image\n'))),
  app('a ReplicaCountTransformer plugin sets replicas', 'transformers:\n' +
    inline(plugin('ReplicaCountTransformer', 'rc', 'replica:\n  name: web\n  count: 4\nfieldSpecs:\n- kind: Deployment\n  path: spec/replicas\n'))),
  app('a ReplicaCountTransformer matching nothing is an error', 'transformers:\n' +
    inline(plugin('ReplicaCountTransformer', 'rc', 'replica:\n  name: nope\n  count: 4\nfieldSpecs:\n- kind: Deployment\n  path: spec/replicas\n')), {}, /does not match/),
  app('a PatchTransformer plugin with an inline patch and a target', 'transformers:\n' +
    inline(plugin('PatchTransformer', 'pt', 'target:\n  kind: Deployment\npatch: |-\n  - op: replace\n    path: /spec/replicas\n    value: 7\n'))),
  app('a PatchStrategicMergeTransformer plugin with a file path and inline patches', 'transformers:\n' +
    inline(plugin('PatchStrategicMergeTransformer', 'psm', 'paths:\n- patch.yaml\npatches: |-\n  apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: cfg\n  data:\n    extra: "1"\n')), {
    'patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n',
  }),
  app('a PatchJson6902Transformer plugin with jsonOp', 'transformers:\n' +
    inline(plugin('PatchJson6902Transformer', 'j', 'target:\n  version: v1\n  kind: Service\n  name: web\njsonOp: \'[{"op": "add", "path": "/spec/type", "value": "NodePort"}]\'\n'))),
  app('a PatchJson6902Transformer plugin without a target is a bad config', 'transformers:\n' +
    inline(plugin('PatchJson6902Transformer', 'j', 'jsonOp: \'[{"op": "add", "path": "/spec/type", "value": "NodePort"}]\'\n')), {}, /target/),
  app('a ReplacementTransformer plugin copies a Service name into the Deployment', 'transformers:\n' +
    inline(plugin('ReplacementTransformer', 'r', 'replacements:\n- source:\n    kind: Service\n    name: web\n  targets:\n  - select:\n      kind: Deployment\n    fieldPaths:\n    - spec.template.spec.containers.0.name\n'))),
  {
    name: 'a HashTransformer plugin hashes generated names, and the build hashes them again',
    files: {
      'kustomization.yaml': 'configMapGenerator:\n- name: gen\n  literals: [a=b]\ntransformers:\n' + inline(plugin('HashTransformer', 'h', '')),
    },
  },
  app('a ConfigMapGenerator plugin takes its name from metadata and ignores generatorOptions', 'generatorOptions:\n  labels:\n    only: field-generators\ngenerators:\n' +
    inline(plugin('ConfigMapGenerator', 'settings', 'literals:\n- mode=fast\n'))),
  app('a SecretGenerator plugin from a file with its own options', 'generators:\n- gen/secret.yaml\n', {
    'gen/secret.yaml': plugin('SecretGenerator', 'ignored', 'name: creds\ntype: kubernetes.io/basic-auth\nliterals:\n- username=admin\n- password=pw\noptions:\n  disableNameSuffixHash: true\n  labels:\n    kind: auth\n'),
  }),
  {
    name: 'an overlay generator plugin merges into the base generated ConfigMap and references follow the hash',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- d.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\n',
      'base/d.yaml': deploy('web'),
      'overlay/kustomization.yaml': 'namePrefix: o-\nresources:\n- ../base\ngenerators:\n' + inline(plugin('ConfigMapGenerator', 'cfg', 'behavior: merge\nliterals:\n- b=2\n')),
    },
  },
  {
    name: 'base transformers run before the overlay namePrefix',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- cm.yaml\ntransformers:\n' + inline(plugin('PrefixTransformer', 'p', 'prefix: base-\nfieldSpecs:\n- path: metadata/name\n')),
      'base/cm.yaml': cm('cfg'),
      'overlay/kustomization.yaml': 'namePrefix: top-\nresources:\n- ../base\n',
    },
  },
  {
    name: 'a component transformer plugin reaches the resources of the kustomization using it',
    files: {
      'kustomization.yaml': 'resources:\n- cm.yaml\ncomponents:\n- comp\n',
      'cm.yaml': cm('cfg'),
      'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ntransformers:\n' + inline(labelCfg),
    },
  },
  app('a validator that changes nothing lets the build pass', 'validators:\n' +
    inline(plugin('LabelTransformer', 'v', 'labels:\n  team: blue\nfieldSpecs:\n- kind: NoSuchKind\n  path: metadata/labels\n  create: true\n'))),
  app('a validator may only add the validated-by label, which stays', 'validators:\n' +
    inline(plugin('LabelTransformer', 'v', 'labels:\n  validated-by: policy\nfieldSpecs:\n- path: metadata/labels\n  create: true\n'))),
  app('a validator that modifies resources fails the build', 'validators:\n' + inline(labelCfg), {}, /validator shouldn't modify/),
  app('a generator plugin listed under transformers is an error', 'transformers:\n' + inline(plugin('ConfigMapGenerator', 'g', 'literals:\n- a=b\n')), {}, /not a transformer/),
  app('a transformer plugin listed under generators is an error', 'generators:\n' + inline(labelCfg), {}, /not a generator/),
  app('an unknown builtin kind is an error', 'transformers:\n' + inline(plugin('FancyTransformer', 'f', 'x: 1\n')), {}, /unable to load builtin/),
  app('SortOrderTransformer is not a loadable builtin plugin', 'transformers:\n' + inline(plugin('SortOrderTransformer', 's', 'sortOptions:\n  order: fifo\n')), {}, /unable to load builtin/),
  app('an exec plugin is refused without alpha plugins', 'transformers:\n' +
    inline('apiVersion: example.com/v1\nkind: Script\nmetadata:\n  name: s\n  annotations:\n    config.kubernetes.io/function: |\n      exec:\n        path: ./run.sh\n'), {}, /external plugins disabled/),
  app('a container function plugin is refused', 'transformers:\n' +
    inline('apiVersion: example.com/v1\nkind: SetTeam\nmetadata:\n  name: s\n  annotations:\n    config.kubernetes.io/function: |\n      container:\n        image: example.com/fn:v1\n'), {}, /external plugins disabled/),
  app('a plugin config label value written as a number is read as a string', 'transformers:\n' +
    inline(plugin('LabelTransformer', 'num', 'labels:\n  tier: 3\nfieldSpecs:\n- path: metadata/labels\n  create: true\n'))),
  app('a plugin config with a list where labels want a map is a bad config', 'transformers:\n' +
    inline(plugin('LabelTransformer', 'bad', 'labels:\n- tier\nfieldSpecs:\n- path: metadata/labels\n  create: true\n')), {}, /fails configuration/),
  app('a plugin config with a string where create wants a boolean is a bad config', 'transformers:\n' +
    inline(plugin('LabelTransformer', 'bad', 'labels:\n  a: b\nfieldSpecs:\n- path: metadata/labels\n  create: "yes"\n')), {}, /fails configuration/),
  app('an inline config without a name is read as a path and fails', 'transformers:\n' +
    inline('apiVersion: builtin\nkind: LabelTransformer\nlabels:\n  a: b\n'), {}, /./),
  app('a transformers entry naming a missing file fails', 'transformers:\n- nope.yaml\n', {}, /./),
  app('a PatchTransformer config from a subdirectory reads its patch path relative to the kustomization', 'transformers:\n- cfg/patch.yaml\n', {
    'cfg/patch.yaml': plugin('PatchTransformer', 'pt', 'path: patches/replicas.yaml\ntarget:\n  kind: Deployment\n'),
    'patches/replicas.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: any\nspec:\n  replicas: 9\n',
  }),
  {
    name: 'a transformer config file outside the kustomization directory is refused',
    dir: 'app',
    files: {
      'app/kustomization.yaml': 'resources:\n- cm.yaml\ntransformers:\n- ../shared/label.yaml\n',
      'app/cm.yaml': cm('cfg'),
      'shared/label.yaml': labelCfg,
    },
    error: /not in or below|security/,
  },
  {
    name: 'a transformer config kustomization outside the kustomization directory is allowed',
    dir: 'app',
    files: {
      'app/kustomization.yaml': 'resources:\n- cm.yaml\ntransformers:\n- ../shared\n',
      'app/cm.yaml': cm('cfg'),
      'shared/kustomization.yaml': 'resources:\n- label.yaml\n',
      'shared/label.yaml': labelCfg,
    },
  },
  {
    name: 'a generator plugin in a component adds to the kustomization using it',
    files: {
      'kustomization.yaml': 'namePrefix: top-\nresources:\n- cm.yaml\ncomponents:\n- comp\n',
      'cm.yaml': cm('cfg'),
      'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\ngenerators:\n' + inline(plugin('SecretGenerator', 'token', 'literals:\n- t=1\n')),
    },
  },
  app('a generator plugin merging into a field generator of the same kustomization', 'configMapGenerator:\n- name: settings\n  literals: [a=1]\ngenerators:\n' +
    inline(plugin('ConfigMapGenerator', 'settings', 'behavior: merge\nliterals:\n- b=2\n'))),
  app('a generator plugin creating a name a resource already has is an error', 'generators:\n' +
    inline(plugin('ConfigMapGenerator', 'cfg', 'options:\n  disableNameSuffixHash: true\nliterals:\n- b=2\n')), {}, /./),
  {
    name: 'a NamespaceTransformer plugin that makes two resources one id is an error',
    files: {
      'kustomization.yaml': 'resources:\n- r.yaml\ntransformers:\n' +
        inline(plugin('NamespaceTransformer', 'ns', 'fieldSpecs:\n- path: metadata/namespace\n  create: true\n').replace('  name: ns\n', '  name: ns\n  namespace: one\n')),
      'r.yaml': `${cm('cfg').replace('  name: cfg\n', '  name: cfg\n  namespace: a\n')}---\n${cm('cfg').replace('  name: cfg\n', '  name: cfg\n  namespace: b\n')}`,
    },
    error: /ID conflict|conflict/,
  },
  app('a NamespaceTransformer used as a validator fails even when the namespace is unchanged', 'namespace: team\nvalidators:\n' +
    inline(plugin('NamespaceTransformer', 'v', 'fieldSpecs:\n- path: metadata/namespace\n  create: true\n').replace('  name: v\n', '  name: v\n  namespace: team\n')), {}, /validator shouldn't modify/),
  app('a suffix plugin and namePrefix together keep Deployment references to the renamed ConfigMap', 'namePrefix: p-\ntransformers:\n' +
    inline(plugin('SuffixTransformer', 's', 'suffix: -x\nfieldSpecs:\n- path: metadata/name\n')) + 'configMapGenerator:\n- name: extra\n  literals: [e=1]\n'),
  app('two transformer entries run in the order listed', 'transformers:\n' +
    inline(plugin('PrefixTransformer', 'one', 'prefix: one-\nfieldSpecs:\n- path: metadata/name\n')) +
    inline(plugin('PrefixTransformer', 'two', 'prefix: two-\nfieldSpecs:\n- path: metadata/name\n'))),
  app('vars of a transformer config directory do not reach the build', 'transformers:\n- plugins\n', {
    'd.yaml': deploy('web').replace('        image: nginx:1.25\n', '        image: nginx:1.25\n        args: ["$(CFG)"]\n'),
    'plugins/kustomization.yaml': 'resources:\n- label.yaml\nvars:\n- name: CFG\n  objref:\n    kind: LabelTransformer\n    name: team\n    apiVersion: builtin\n',
    'plugins/label.yaml': labelCfg,
  }),
  app('an IAMPolicyGenerator makes a GKE workload-identity ServiceAccount', 'generators:\n' +
    inline(plugin('IAMPolicyGenerator', 'iam', 'cloud: gke\nkubernetesService:\n  namespace: apps\n  name: web-ksa\nserviceAccount:\n  name: web\n  projectId: my-project\n')) +
    inline(plugin('IAMPolicyGenerator', 'iam2', 'cloud: gke\nkubernetesService:\n  name: other-ksa\nserviceAccount:\n  name: other\n'))),
  app('an IAMPolicyGenerator for a cloud other than gke is an error', 'generators:\n' +
    inline(plugin('IAMPolicyGenerator', 'iam', 'cloud: aws\nkubernetesService:\n  name: ksa\nserviceAccount:\n  name: gsa\n  projectId: p\n')), {}, /not supported yet/),
  app('an IAMPolicyGenerator without a Kubernetes service account name is an error', 'generators:\n' +
    inline(plugin('IAMPolicyGenerator', 'iam', 'cloud: gke\nserviceAccount:\n  name: gsa\n  projectId: p\n')), {}, /metadata.name/),
  {
    name: 'a ValueAddTransformer defaults its value to the kustomization directory name',
    dir: 'shop',
    files: {
      'shop/kustomization.yaml': 'resources:\n- r.yaml\n- rb.yaml\ntransformers:\n' + inline(plugin('ValueAddTransformer', 'va',
        'targets:\n- fieldPath: metadata/namespace\n- selector:\n    kind: ConfigMap\n  fieldPath: data/bucket\n- selector:\n    kind: Deployment\n  fieldPath: spec/template/metadata/annotations/site\n')),
      'shop/r.yaml': `${cm('cfg').replace('  name: cfg\n', '  name: cfg\n  namespace: old\n')}---\n${deploy('web')}`,
      'shop/rb.yaml': rb,
    },
  },
  {
    name: 'a ValueAddTransformer inserts its value into file paths at filePathPosition',
    dir: 'app',
    files: {
      'app/kustomization.yaml': 'resources:\n- r.yaml\ntransformers:\n' + inline(plugin('ValueAddTransformer', 'va',
        'value: " PEACH "\ntargets:\n- selector:\n    name: paths\n  fieldPath: data/a\n  filePathPosition: 1\n- selector:\n    name: paths\n  fieldPath: data/b\n  filePathPosition: 1\n' +
        '- selector:\n    name: paths\n  fieldPath: data/c\n  filePathPosition: 2\n- selector:\n    name: paths\n  fieldPath: data/d\n  filePathPosition: 4\n- selector:\n    name: paths\n  fieldPath: data/e\n  filePathPosition: 99\n' +
        '- selector:\n    name: paths\n  fieldPath: data/f\n  filePathPosition: 3\n- selector:\n    name: paths\n  fieldPath: data/g\n  filePathPosition: 1\n- selector:\n    name: paths\n  fieldPath: data/missing\n  filePathPosition: 2\n')),
      'app/r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: paths\ndata:\n  a: pie\n  b: /pie\n  c: raw\n  d: /a/nice/warm/pie\n  e: a/b\n  f: x/./y/../z\n  g: /\n',
    },
  },
  {
    name: 'a ValueAddTransformer value that reads as a number replaces a field as a plain scalar',
    dir: 'app',
    files: {
      'app/kustomization.yaml': 'resources:\n- d.yaml\n- cm.yaml\ntransformers:\n' + inline(plugin('ValueAddTransformer', 'va',
        'value: "5"\ntargets:\n- selector:\n    kind: Deployment\n  fieldPath: spec/replicas\n- selector:\n    kind: ConfigMap\n  fieldPath: data/k\n- selector:\n    kind: ConfigMap\n  fieldPath: data/new\\/key\n')),
      'app/d.yaml': deploy('web'),
      'app/cm.yaml': cm('cfg'),
    },
  },
  {
    name: 'ValueAddTransformer targets can come from targetFilePath',
    dir: 'app',
    files: {
      'app/kustomization.yaml': 'resources:\n- cm.yaml\ntransformers:\n' + inline(plugin('ValueAddTransformer', 'va', 'value: v1\ntargetFilePath: targets.yaml\n')),
      'app/targets.yaml': 'targets:\n- selector:\n    kind: ConfigMap\n  fieldPath: data/version\n',
      'app/cm.yaml': cm('cfg'),
    },
  },
  app('a ValueAddTransformer without targets is a bad config', 'transformers:\n' + inline(plugin('ValueAddTransformer', 'va', 'value: x\n')), {}, /at least one target/),
  app('a ValueAddTransformer onto a map field is an error', 'transformers:\n' +
    inline(plugin('ValueAddTransformer', 'va', 'value: x\ntargets:\n- selector:\n    kind: Deployment\n  fieldPath: spec/template\n')), {}, /./),
  app('a PatchJson6902Transformer plugin whose target has no name is a bad config', 'transformers:\n' +
    inline(plugin('PatchJson6902Transformer', 'j', 'target:\n  version: v1\n  kind: Service\njsonOp: \'[{"op": "add", "path": "/spec/type", "value": "NodePort"}]\'\n')), {}, /target name/),
  app('a patchesJson6902 field entry whose target has no name is an error too', 'patchesJson6902:\n- target:\n    version: v1\n    kind: Service\n  patch: \'[{"op": "add", "path": "/spec/type", "value": "NodePort"}]\'\n', {}, /target name/),
  app('a patchesJson6902 entry with an empty operation list is an error', 'patchesJson6902:\n- target:\n    version: v1\n    kind: Service\n    name: web\n  patch: "[]"\n', {}, /empty/),
  app('a patchesJson6902 entry with both path and patch is an error', 'patchesJson6902:\n- target:\n    version: v1\n    kind: Service\n    name: web\n  path: p.yaml\n  patch: \'[{"op": "add", "path": "/spec/type", "value": "NodePort"}]\'\n', {
    'p.yaml': '- op: add\n  path: /spec/type\n  value: NodePort\n',
  }, /not both/),
  app('a patchesJson6902 target matching nothing is not an error', 'patchesJson6902:\n- target:\n    version: v1\n    kind: Service\n    name: nope\n  patch: \'[{"op": "add", "path": "/spec/type", "value": "NodePort"}]\'\n'),
  app('plugin config numbers are read back as YAML 1.1 and written as Go formats them', 'transformers:\n' +
    inline(plugin('LabelTransformer', 'nums', 'labels:\n  a: 010\n  b: 0x1F\n  c: 1.50\n  d: true\n  e: 1e3\n  f: 3.14159265358979\n  g: 0.0001\n  h: 12345678.9\n  i: -0.5\nfieldSpecs:\n- path: metadata/labels\n  create: true\n')) +
    inline(plugin('ReplicaCountTransformer', 'octal', 'replica:\n  name: web\n  count: 010\nfieldSpecs:\n- kind: Deployment\n  path: spec/replicas\n'))),
  app('a plugin config may omit fields and use any field-name case', 'transformers:\n' +
    inline(plugin('LabelTransformer', 'case', 'Labels:\n  team: green\nFieldSpecs:\n- path: metadata/labels\n  Create: true\nunknownField: ignored\n'))),
];
