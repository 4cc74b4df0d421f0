/** Scenarios composing kustomizations: overlays over overlays, components, diamonds, and their errors. */
import { deploy, type Scenario, svc } from './fixtures.js';

const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  k: v\n`;
const component = (body: string): string => `apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n${body}`;
const baseFiles: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n- d.yaml\n- s.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\nsecretGenerator:\n- name: creds\n  literals: [p=q]\n',
  'base/d.yaml': deploy('web'),
  'base/s.yaml': svc('web'),
};
const overlay = (name: string, kustomization: string, extra: Record<string, string> = {}, error?: RegExp): Scenario => ({
  name,
  dir: 'overlay',
  files: { ...baseFiles, 'overlay/kustomization.yaml': kustomization, ...extra },
  error,
});

export const scenarios: Scenario[] = [
  overlay('an overlay with a namespace and prefix over a base with generators', 'namespace: dev\nnamePrefix: dev-\nresources:\n- ../base\n'),
  overlay('an overlay replacing a base generator', 'resources:\n- ../base\nconfigMapGenerator:\n- name: cfg\n  behavior: replace\n  literals: [z=9]\n'),
  overlay('an overlay merging into a base Secret generator', 'resources:\n- ../base\nsecretGenerator:\n- name: creds\n  behavior: merge\n  literals: [extra=1]\n'),
  overlay('an overlay merge that turns off the hash', 'resources:\n- ../base\nconfigMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [b=2]\n  options:\n    disableNameSuffixHash: true\n'),
  overlay('an overlay merge with labels and annotations', 'resources:\n- ../base\nconfigMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [b=2]\n  options:\n    labels:\n      l: x\n    annotations:\n      a: x\n'),
  overlay('an overlay merging into a generator the base does not have is an error', 'resources:\n- ../base\nconfigMapGenerator:\n- name: nope\n  behavior: merge\n  literals: [b=2]\n', {}, /does not exist/),
  overlay('an overlay patching a base resource by its base name after the base prefixed it', 'resources:\n- ../base\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      replicas: 3\n', {
    'base/kustomization.yaml': 'namePrefix: b-\nresources:\n- d.yaml\n- s.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\nsecretGenerator:\n- name: creds\n  literals: [p=q]\n',
  }),
  overlay('an overlay over two bases', 'resources:\n- ../base\n- ../other\n', {
    'other/kustomization.yaml': 'namePrefix: o-\nresources:\n- d.yaml\n',
    'other/d.yaml': deploy('web'),
  }),
  overlay('two bases with the same resource id conflict', 'resources:\n- ../base\n- ../other\n', {
    'other/kustomization.yaml': 'resources:\n- d.yaml\n',
    'other/d.yaml': deploy('web'),
  }, /already registered id/),
  overlay('a diamond: two overlays of one base, each prefixed, combined', 'resources:\n- ../left\n- ../right\n', {
    'left/kustomization.yaml': 'namePrefix: l-\nresources:\n- ../base\n',
    'right/kustomization.yaml': 'namePrefix: r-\nresources:\n- ../base\n',
  }),
  overlay('a diamond with namespaces instead of prefixes', 'resources:\n- ../left\n- ../right\n', {
    'left/kustomization.yaml': 'namespace: left\nresources:\n- ../base\n',
    'right/kustomization.yaml': 'namespace: right\nresources:\n- ../base\n',
  }),
  overlay('a diamond without renaming conflicts', 'resources:\n- ../left\n- ../right\n', {
    'left/kustomization.yaml': 'resources:\n- ../base\n',
    'right/kustomization.yaml': 'resources:\n- ../base\n',
  }, /already registered id/),
  overlay('three levels of overlays with prefixes, suffixes and labels', 'namePrefix: top-\ncommonLabels:\n  level: top\nresources:\n- ../mid\n', {
    'mid/kustomization.yaml': 'nameSuffix: -mid\ncommonLabels:\n  level: mid\n  mid: "yes"\nresources:\n- ../base\n',
  }),
  overlay('an overlay with its own resources next to a base', 'resources:\n- ../base\n- extra.yaml\nnamePrefix: x-\n', { 'overlay/extra.yaml': cm('extra') }),
  overlay('an overlay listing bases with the legacy bases field', 'bases:\n- ../base\nnamespace: legacy\n'),
  overlay('a cycle between kustomizations is refused', 'resources:\n- ../loop\n', {
    'loop/kustomization.yaml': 'resources:\n- ../overlay\n',
  }, /cycle/),
  overlay('a missing base directory is an error', 'resources:\n- ../nowhere\n', {}, /./),
  overlay('a remote resource is refused without a fetcher', 'resources:\n- https://127.0.0.1:9/example/repo//dir?ref=v1\n', {}, /./),
  // components
  overlay('a component adds a label to everything in the overlay', 'resources:\n- ../base\ncomponents:\n- ../comp\n', {
    'comp/kustomization.yaml': component('commonLabels:\n  feature: on-ish\n'),
  }),
  overlay('a component adds a resource and a patch', 'resources:\n- ../base\ncomponents:\n- ../comp\n', {
    'comp/kustomization.yaml': component('resources:\n- extra.yaml\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      replicas: 5\n'),
    'comp/extra.yaml': cm('from-component'),
  }),
  overlay('two components apply in order', 'resources:\n- ../base\ncomponents:\n- ../c1\n- ../c2\n', {
    'c1/kustomization.yaml': component('patches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      replicas: 5\n'),
    'c2/kustomization.yaml': component('replicas:\n- name: web\n  count: 7\n'),
  }),
  overlay('a component merging into the base generator', 'resources:\n- ../base\ncomponents:\n- ../comp\n', {
    'comp/kustomization.yaml': component('configMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [fromComponent=1]\n'),
  }),
  overlay('a component sees the overlay prefix only after it runs', 'namePrefix: o-\nresources:\n- ../base\ncomponents:\n- ../comp\n', {
    'comp/kustomization.yaml': component('namePrefix: c-\n'),
  }),
  overlay('a component with images and replacements', 'resources:\n- ../base\ncomponents:\n- ../comp\n', {
    'comp/kustomization.yaml': component('images:\n- name: nginx\n  newTag: "1.99"\nreplacements:\n- source:\n    kind: Service\n    name: web\n  targets:\n  - select:\n      kind: Deployment\n    fieldPaths:\n    - spec.template.metadata.annotations.svc\n    options:\n      create: true\n'),
  }),
  overlay('a Kustomization listed under components is refused', 'resources:\n- ../base\ncomponents:\n- ../notcomp\n', {
    'notcomp/kustomization.yaml': 'namePrefix: x-\n',
  }, /./),
  overlay('a Component listed under resources is refused', 'resources:\n- ../base\n- ../comp\n', {
    'comp/kustomization.yaml': component('namePrefix: x-\n'),
  }, /./),
  overlay('a component included by a base and an overlay', 'resources:\n- ../base2\ncomponents:\n- ../comp\n', {
    'base2/kustomization.yaml': 'resources:\n- ../base\ncomponents:\n- ../comp\n',
    'comp/kustomization.yaml': component('commonAnnotations:\n  touched: "true"\n'),
  }),
  overlay('a Component with the wrong apiVersion is refused', 'resources:\n- ../base\ncomponents:\n- ../comp\n', {
    'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Component\nnamePrefix: x-\n',
  }, /./),
  // name references across levels
  overlay('hashed generator names reach Deployments after several prefixes', 'namePrefix: a-\nresources:\n- ../mid\n', {
    'mid/kustomization.yaml': 'namePrefix: b-\nnamespace: mid\nresources:\n- ../base\n',
  }),
  overlay('a ServiceAccount renamed in a base is followed by a RoleBinding in the overlay', 'namePrefix: o-\nresources:\n- ../base\n- rb.yaml\n', {
    'base/kustomization.yaml': 'namePrefix: b-\nresources:\n- sa.yaml\n',
    'base/sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: runner\n',
    'overlay/rb.yaml': 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: rb\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: view\nsubjects:\n- kind: ServiceAccount\n  name: runner\n',
  }),
  overlay('references with two candidates of the same name resolve by prefix', 'resources:\n- ../left\n- ../right\n', {
    'left/kustomization.yaml': 'namePrefix: l-\nresources:\n- ../base\n',
    'right/kustomization.yaml': 'namePrefix: r-\nresources:\n- ../base\n- cm.yaml\n',
    'right/cm.yaml': cm('solo'),
  }),
  {
    name: 'a file and a directory resource mixed, with a nested kustomization two levels deep',
    files: {
      'kustomization.yaml': 'resources:\n- a/b\n- top.yaml\n',
      'top.yaml': cm('top'),
      'a/b/kustomization.yaml': 'resources:\n- c\nnamePrefix: ab-\n',
      'a/b/c/kustomization.yaml': 'resources:\n- r.yaml\n',
      'a/b/c/r.yaml': cm('deep'),
    },
  },
  {
    name: 'a resource file listed twice is a conflict',
    files: { 'kustomization.yaml': 'resources:\n- r.yaml\n- r.yaml\n', 'r.yaml': cm('x') },
    error: /already registered id/,
  },
  {
    name: 'the same name in two namespaces is not a conflict',
    files: {
      'kustomization.yaml': 'resources:\n- a.yaml\n- b.yaml\n',
      'a.yaml': cm('x').replace('name: x', 'name: x\n  namespace: a'),
      'b.yaml': cm('x').replace('name: x', 'name: x\n  namespace: b'),
    },
  },
  {
    name: 'a namespace on the overlay collapsing two namespaces is a conflict',
    files: {
      'kustomization.yaml': 'namespace: one\nresources:\n- a.yaml\n- b.yaml\n',
      'a.yaml': cm('x').replace('name: x', 'name: x\n  namespace: a'),
      'b.yaml': cm('x').replace('name: x', 'name: x\n  namespace: b'),
    },
    error: /./,
  },
  {
    name: 'a resource without a name is refused',
    files: { 'kustomization.yaml': 'resources:\n- r.yaml\n', 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n' },
    error: /./,
  },
  {
    name: 'a resource without a kind is refused',
    files: { 'kustomization.yaml': 'resources:\n- r.yaml\n', 'r.yaml': 'apiVersion: v1\nmetadata:\n  name: x\n' },
    error: /./,
  },
  {
    name: 'invalid YAML in a resource is an error',
    files: { 'kustomization.yaml': 'resources:\n- r.yaml\n', 'r.yaml': 'a: [b\n' },
    error: /./,
  },
  {
    name: 'a Service in a sub-kustomization keeps its selector when an overlay adds commonLabels',
    files: {
      'kustomization.yaml': 'commonLabels:\n  app: override\nresources:\n- sub\n',
      'sub/kustomization.yaml': 'resources:\n- s.yaml\n',
      'sub/s.yaml': svc('x').replace('spec:\n', 'spec:\n  selector:\n    app: x\n'),
    },
  },
];
