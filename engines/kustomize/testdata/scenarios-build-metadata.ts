/** Scenarios for `buildMetadata`: origin and transformer annotations and the managed-by label. */
import { deploy, type Scenario, svc } from './fixtures.js';

const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;
const all = 'buildMetadata: [originAnnotations, transformerAnnotations, managedByLabel]\n';
const inline = (cfg: string): string => '- |-\n' + cfg.trimEnd().split('\n').map((l) => '  ' + l).join('\n') + '\n';
const labelCfg = 'apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n  name: team\nlabels:\n  team: blue\nfieldSpecs:\n- path: metadata/labels\n  create: true\n';

const base: Record<string, string> = {
  'base/kustomization.yaml': 'namePrefix: b-\nresources:\n- d.yaml\n- svc/s.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\n',
  'base/d.yaml': deploy('web'),
  'base/svc/s.yaml': svc('web'),
};
const overlay = (name: string, kustomization: string, extra: Record<string, string> = {}): Scenario => ({
  name,
  dir: 'overlay',
  files: { ...base, 'overlay/kustomization.yaml': kustomization, ...extra },
});

export const scenarios: Scenario[] = [
  {
    name: 'originAnnotations name the file each resource came from',
    files: { 'kustomization.yaml': 'buildMetadata: [originAnnotations]\nresources:\n- ./cm.yaml\n- more/d.yaml\n', 'cm.yaml': cm('c'), 'more/d.yaml': deploy('web') },
  },
  {
    name: 'managedByLabel alone adds the label and no annotations',
    files: { 'kustomization.yaml': 'buildMetadata: [managedByLabel]\nresources:\n- cm.yaml\n', 'cm.yaml': cm('c') },
  },
  {
    name: 'transformerAnnotations alone list the kustomization fields that ran',
    files: {
      'kustomization.yaml': 'buildMetadata: [transformerAnnotations]\nnamespace: prod\nnamePrefix: p-\nnameSuffix: -s\ncommonLabels:\n  app: x\ncommonAnnotations:\n  note: hello\nresources:\n- cm.yaml\n',
      'cm.yaml': cm('c'),
    },
  },
  {
    name: 'every transformer kind of a kustomization is recorded in the order kustomize runs them',
    files: {
      'kustomization.yaml': all + 'resources:\n- d.yaml\nreplicas:\n- name: web\n  count: 2\nimages:\n- name: nginx\n  newTag: "1.27"\nlabels:\n- pairs:\n    tier: web\npatches:\n- patch: |-\n    - op: add\n' +
        '      path: /spec/template/metadata/labels/p\n      value: "1"\n  target:\n    kind: Deployment\npatchesStrategicMerge:\n- |-\n  apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: web\n  spec:\n    minReadySeconds: 5\n' +
        'patchesJson6902:\n- target:\n    group: apps\n    version: v1\n    kind: Deployment\n    name: web\n  patch: \'[{"op": "add", "path": "/spec/paused", "value": false}]\'\n' +
        'replacements:\n- sourceValue: r\n  targets:\n  - select:\n      kind: Deployment\n    fieldPaths:\n    - metadata.annotations.r\n    options:\n      create: true\n',
      'd.yaml': deploy('web'),
    },
  },
  {
    name: 'generated ConfigMaps and Secrets are configured in the kustomization file',
    files: {
      'kustomization.yaml': all + 'configMapGenerator:\n- name: cfg\n  literals: [a=1]\nsecretGenerator:\n- name: creds\n  literals: [p=q]\n',
    },
  },
  overlay('an overlay over a base: origins and transformations carry the base path', all + 'namespace: prod\nresources:\n- ../base\n'),
  overlay('buildMetadata in a base only has no effect', 'resources:\n- ../base\n', {
    'base/kustomization.yaml': all + 'namePrefix: b-\nresources:\n- d.yaml\n- svc/s.yaml\n',
  }),
  overlay('a generator merge keeps the base origin and a replace takes the overlay generator', all + 'resources:\n- ../base\n- ../other\nconfigMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [b=2]\n- name: o-cfg\n  behavior: replace\n  literals: [c=3]\n', {
    'other/kustomization.yaml': 'configMapGenerator:\n- name: o-cfg\n  literals: [x=1]\n',
  }),
  {
    name: 'transformer and generator plugins are recorded with the file that configures them',
    files: {
      'kustomization.yaml': all + 'namePrefix: p-\nresources:\n- cm.yaml\ntransformers:\n- plugins/label.yaml\n' + inline(labelCfg.replace('name: team', 'name: inline').replace('team: blue', 'other: x')) +
        'generators:\n- plugins/gen.yaml\n',
      'cm.yaml': cm('c'),
      'plugins/label.yaml': labelCfg,
      'plugins/gen.yaml': 'apiVersion: builtin\nkind: ConfigMapGenerator\nmetadata:\n  name: generated\n  namespace: ns1\nliterals:\n- x=y\n',
    },
  },
  {
    name: 'plugin configs from a kustomization directory are configured in their own file',
    files: {
      'kustomization.yaml': all + 'resources:\n- cm.yaml\ntransformers:\n- plugins\n',
      'cm.yaml': cm('c'),
      'plugins/kustomization.yaml': 'resources:\n- label.yaml\n',
      'plugins/label.yaml': labelCfg,
    },
  },
  {
    name: 'a component records its transformers with the component path',
    files: {
      'kustomization.yaml': all + 'resources:\n- cm.yaml\ncomponents:\n- comp\n',
      'cm.yaml': cm('c'),
      'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nresources:\n- extra.yaml\ncommonLabels:\n  comp: "yes"\n',
      'comp/extra.yaml': cm('extra'),
    },
  },
  {
    name: 'an origin annotation in a resource file is removed without buildMetadata, with an empty annotation map',
    files: {
      'kustomization.yaml': 'resources:\n- cm.yaml\n',
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations: {}\n  labels: {}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n  annotations:\n    config.kubernetes.io/origin: |\n      path: elsewhere.yaml\n    alpha.config.kubernetes.io/transformations: x\n',
    },
  },
  {
    name: 'an unknown buildMetadata option is ignored but still tracks origins internally',
    files: { 'kustomization.yaml': 'buildMetadata: [somethingElse]\nnamePrefix: p-\nresources:\n- cm.yaml\n', 'cm.yaml': cm('c') },
  },
  {
    name: 'the managed-by label overrides one already set and sort order is unchanged',
    files: {
      'kustomization.yaml': 'buildMetadata: [managedByLabel]\nsortOptions:\n  order: fifo\nresources:\n- r.yaml\n',
      'r.yaml': `${deploy('web')}---\n${cm('c').replace('  name: c\n', '  name: c\n  labels:\n    app.kubernetes.io/managed-by: helm\n')}`,
    },
  },
  {
    name: 'validators are not recorded as transformations',
    files: {
      'kustomization.yaml': all + 'resources:\n- cm.yaml\nvalidators:\n' + inline(labelCfg.replace('team: blue', 'validated-by: policy')),
      'cm.yaml': cm('c'),
    },
  },
  {
    name: 'items of a List file share the file origin and paths are cleaned',
    files: {
      'kustomization.yaml': all + 'resources:\n- ./lists/../lists/all.yaml\n',
      'lists/all.yaml': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: one\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: two\n',
    },
  },
  {
    name: 'a local-config resource is dropped and a deleted resource leaves no trace',
    files: {
      'kustomization.yaml': all + 'resources:\n- r.yaml\npatches:\n- patch: |-\n    $patch: delete\n    apiVersion: v1\n    kind: ConfigMap\n    metadata:\n      name: gone\n',
      'r.yaml': `${cm('kept')}---\n${cm('gone')}---\n${cm('local').replace('  name: local\n', '  name: local\n  annotations:\n    config.kubernetes.io/local-config: "true"\n')}`,
    },
  },
  {
    name: 'a file name with spaces is written plainly in the origin',
    files: { 'kustomization.yaml': 'buildMetadata: [originAnnotations]\nresources:\n- my config.yaml\n', 'my config.yaml': cm('c') },
  },
  {
    name: 'replacements and vars still resolve with origins tracked',
    files: {
      'kustomization.yaml': all + 'resources:\n- d.yaml\n- s.yaml\nvars:\n- name: SVC\n  objref:\n    kind: Service\n    name: web\n    apiVersion: v1\nreplacements:\n- source:\n    kind: Service\n    name: web\n  targets:\n  - select:\n      kind: Deployment\n    fieldPaths:\n    - metadata.annotations.svc\n    options:\n      create: true\n',
      'd.yaml': deploy('web').replace('        image: nginx:1.25\n', '        image: nginx:1.25\n        args: ["$(SVC)"]\n'),
      's.yaml': svc('web'),
    },
  },
  {
    name: 'a patch replacing all annotations drops the origin, and the next transformer becomes the origin',
    files: {
      'kustomization.yaml': all + 'namePrefix: p-\ncommonLabels:\n  a: b\nresources:\n- cm.yaml\npatches:\n- target:\n    kind: ConfigMap\n  patch: |-\n    - op: replace\n      path: /metadata/annotations\n      value:\n        only: this\n' +
        'transformers:\n' + inline(labelCfg),
      'cm.yaml': cm('c').replace('  name: c\n', '  name: c\n  annotations:\n    before: x\n'),
    },
  },
  {
    name: 'an overlay patch removing annotations erases the base transformations too',
    dir: 'overlay',
    files: {
      ...base,
      'overlay/kustomization.yaml': all + 'resources:\n- ../base\npatches:\n- target:\n    kind: Service\n  patch: |-\n    - op: add\n      path: /metadata/annotations\n      value: {}\nnameSuffix: -o\n',
    },
  },
  {
    name: 'a null annotation map is dropped without buildMetadata while a null label map stays',
    files: {
      'kustomization.yaml': 'resources:\n- cm.yaml\n',
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n  labels:\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n  annotations: ~\n',
    },
  },
  {
    name: 'a patch selecting by annotation does not see origins as its own annotations',
    files: {
      'kustomization.yaml': all + 'resources:\n- cm.yaml\npatches:\n- target:\n    annotationSelector: note=x\n  patch: |-\n    - op: add\n      path: /data/p\n      value: "1"\n',
      'cm.yaml': cm('c').replace('  name: c\n', '  name: c\n  annotations:\n    note: x\n'),
    },
  },
];
