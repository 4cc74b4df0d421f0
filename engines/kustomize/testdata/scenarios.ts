/**
 * Kustomize scenarios: each is a filesystem tree (relative path → content) built at `dir` (default ".").
 * Used by kustomize.test.ts (in-memory, expected YAML inline where given) and differential.test.ts
 * (every tree also built by the real kustomize v5.7.1; outputs must be byte-identical).
 */
import { deploy, type Scenario, svc } from './fixtures.js';

export type { Scenario } from './fixtures.js';

export const scenarios: Scenario[] = [
  {
    name: 'a single resource file is printed with sorted keys',
    files: { 'kustomization.yaml': 'resources:\n- svc.yaml\n', 'svc.yaml': svc('web') },
    expected: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - port: 80
    targetPort: 8080
`,
  },
  {
    name: 'namespace is set on namespaced kinds but not on cluster-scoped ones',
    files: {
      'kustomization.yaml': 'namespace: prod\nresources:\n- r.yaml\n',
      'r.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: cr\n---\n' + svc('s'),
    },
    expected: `apiVersion: v1
kind: Namespace
metadata:
  name: prod
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: cr
---
apiVersion: v1
kind: Service
metadata:
  name: s
  namespace: prod
spec:
  ports:
  - port: 80
    targetPort: 8080
`,
  },
  {
    name: 'namePrefix and nameSuffix rename resources and the references to them',
    files: {
      'kustomization.yaml': 'namePrefix: p-\nnameSuffix: -s\nresources:\n- d.yaml\n- cm.yaml\n',
      'd.yaml': deploy('web'),
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: creds\nstringData:\n  p: x\n',
    },
  },
  {
    name: 'configMapGenerator literals get a content hash and references follow',
    files: {
      'kustomization.yaml': 'resources:\n- d.yaml\nconfigMapGenerator:\n- name: cfg\n  literals:\n  - A=1\n  - B=yes\nsecretGenerator:\n- name: creds\n  literals:\n  - password=s3cret\n',
      'd.yaml': deploy('web'),
    },
  },
  {
    name: 'generator files and env files, with generatorOptions labels and annotations',
    files: {
      'kustomization.yaml': 'generatorOptions:\n  labels:\n    gen: "yes"\n  annotations:\n    note: x\nconfigMapGenerator:\n- name: files\n  files:\n  - app.properties\n  - renamed.txt=other.txt\n  envs:\n  - vars.env\n',
      'app.properties': 'a=1\nb=2\n',
      'other.txt': 'line one\nline two\n',
      'vars.env': '# comment\nX=1\nY=two words\n',
    },
  },
  {
    name: 'disableNameSuffixHash keeps the generated name',
    files: {
      'kustomization.yaml': 'configMapGenerator:\n- name: plain\n  literals: [k=v]\n  options:\n    disableNameSuffixHash: true\n',
    },
  },
  {
    name: 'commonLabels reach selectors and pod templates',
    files: { 'kustomization.yaml': 'commonLabels:\n  team: a\nresources:\n- d.yaml\n- s.yaml\n', 'd.yaml': deploy('web'), 's.yaml': svc('web') },
  },
  {
    name: 'labels without includeSelectors only touch metadata; with includeTemplates also templates',
    files: {
      'kustomization.yaml': 'labels:\n- pairs:\n    a: b\n- pairs:\n    t: "1"\n  includeTemplates: true\nresources:\n- d.yaml\n',
      'd.yaml': deploy('web'),
    },
  },
  {
    name: 'commonAnnotations are strings even when they look like numbers',
    files: { 'kustomization.yaml': 'commonAnnotations:\n  num: "123"\n  b: "true"\nresources:\n- d.yaml\n', 'd.yaml': deploy('web') },
  },
  {
    name: 'a commonAnnotations key that YAML 1.1 reads as a boolean (n) fails the build',
    files: { 'kustomization.yaml': 'commonAnnotations:\n  n: "123"\nresources:\n- d.yaml\n', 'd.yaml': deploy('web') },
    error: /key 'false' is not a string/,
  },
  {
    name: 'an unquoted YAML 1.1 boolean (on) as a commonLabels value is refused like kustomize',
    files: { 'kustomization.yaml': 'commonLabels:\n  tier: on\nresources:\n- d.yaml\n', 'd.yaml': deploy('web') },
    error: /cannot unmarshal bool into Go struct field Kustomization.commonLabels of type string/,
  },
  {
    name: 'images set newName, newTag and digest',
    files: {
      'kustomization.yaml': 'images:\n- name: nginx\n  newName: registry.local/nginx\n  newTag: "1.27"\nresources:\n- d.yaml\n',
      'd.yaml': deploy('web'),
    },
  },
  {
    name: 'images digest replaces the tag',
    files: {
      'kustomization.yaml': 'images:\n- name: nginx\n  digest: sha256:abc\nresources:\n- d.yaml\n',
      'd.yaml': deploy('web'),
    },
  },
  {
    name: 'replicas sets the count',
    files: { 'kustomization.yaml': 'replicas:\n- name: web\n  count: 5\nresources:\n- d.yaml\n', 'd.yaml': deploy('web') },
  },
  {
    name: 'strategic merge patch merges containers by name, patch elements first',
    files: {
      'kustomization.yaml': 'resources:\n- d.yaml\npatches:\n- path: p.yaml\n',
      'd.yaml': deploy('web'),
      'p.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: sidecar\n        image: busybox\n      - name: app\n        image: nginx:2\n',
    },
  },
  {
    name: 'patch with a target regex hits every Deployment',
    files: {
      'kustomization.yaml': 'resources:\n- a.yaml\n- b.yaml\npatches:\n- target:\n    kind: Deployment\n    name: "w.*"\n  patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: any\n    spec:\n      replicas: 3\n',
      'a.yaml': deploy('web'),
      'b.yaml': deploy('worker'),
    },
  },
  {
    name: 'JSON 6902 patch in patches with add, replace and remove',
    files: {
      'kustomization.yaml': 'resources:\n- d.yaml\npatches:\n- target:\n    kind: Deployment\n    name: web\n  patch: |-\n    - op: replace\n      path: /spec/replicas\n      value: 7\n    - op: add\n      path: /metadata/labels\n      value: {x: y}\n    - op: remove\n      path: /spec/template/spec/volumes/0\n',
      'd.yaml': deploy('web'),
    },
  },
  {
    name: 'patchesJson6902 with a file path and negative index',
    files: {
      'kustomization.yaml': 'resources:\n- d.yaml\npatchesJson6902:\n- target:\n    group: apps\n    version: v1\n    kind: Deployment\n    name: web\n  path: p.yaml\n',
      'd.yaml': deploy('web'),
      'p.yaml': '- op: add\n  path: /spec/template/spec/containers/-1/args\n  value: ["--a", "--b"]\n',
    },
  },
  {
    name: 'patchesStrategicMerge with $patch: delete removes a resource',
    files: {
      'kustomization.yaml': 'resources:\n- a.yaml\n- s.yaml\npatchesStrategicMerge:\n- del.yaml\n',
      'a.yaml': deploy('web'),
      's.yaml': svc('web'),
      'del.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n$patch: delete\n',
    },
  },
  {
    name: 'overlay over a base with prefix, namespace and generator merge',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- d.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\n',
      'base/d.yaml': deploy('web'),
      'overlay/kustomization.yaml': 'namespace: stage\nnamePrefix: stage-\nresources:\n- ../base\nconfigMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [b=2]\n',
    },
  },
  {
    name: 'overlays over overlays stack prefixes',
    dir: 'top',
    files: {
      'base/kustomization.yaml': 'resources:\n- s.yaml\n',
      'base/s.yaml': svc('api'),
      'mid/kustomization.yaml': 'namePrefix: mid-\nresources:\n- ../base\n',
      'top/kustomization.yaml': 'namePrefix: top-\ncommonLabels:\n  layer: top\nresources:\n- ../mid\n',
    },
  },
  {
    name: 'a component adds a patch and a generator to the including kustomization',
    dir: 'app',
    files: {
      'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nconfigMapGenerator:\n- name: cfg\n  literals: [feature=on]\npatches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: web\n    spec:\n      replicas: 2\n',
      'app/kustomization.yaml': 'namePrefix: app-\nresources:\n- d.yaml\ncomponents:\n- ../comp\n',
      'app/d.yaml': deploy('web'),
    },
  },
  {
    name: 'sortOptions fifo keeps input order',
    files: {
      'kustomization.yaml': 'sortOptions:\n  order: fifo\nresources:\n- r.yaml\n',
      'r.yaml': svc('z') + '---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n',
    },
  },
  {
    name: 'legacy sort puts Namespaces and ConfigMaps before Deployments and webhooks last',
    files: {
      'kustomization.yaml': 'resources:\n- r.yaml\n',
      'r.yaml': 'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: w\n---\n' + deploy('d') + '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: n\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
    },
  },
  {
    name: 'scalars keep yaml.v3 meaning and print with yaml.v2 quoting',
    files: {
      'kustomization.yaml': 'resources:\n- r.yaml\n',
      'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  a: "yes"\n  b: "0777"\n  c: "1.5"\n  d: ""\n  e: "a: b"\n  f: "multi\\nline\\n"\n  g: "2024-01-01"\n  h: "#x"\n',
    },
  },
  {
    name: 'local-config resources are dropped',
    files: {
      'kustomization.yaml': 'resources:\n- r.yaml\n',
      'r.yaml': svc('a') + '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: l\n  annotations:\n    config.kubernetes.io/local-config: "true"\n',
    },
  },
  {
    name: 'a missing resource file is an error naming it',
    files: { 'kustomization.yaml': 'resources:\n- nope.yaml\n' },
    error: /nope\.yaml/,
  },
  {
    name: 'a duplicate resource id is rejected',
    files: { 'kustomization.yaml': 'resources:\n- a.yaml\n- b.yaml\n', 'a.yaml': svc('x'), 'b.yaml': svc('x') },
    error: /already registered id/,
  },
  {
    name: 'a patch file outside the kustomization root is refused',
    dir: 'app',
    files: {
      'app/kustomization.yaml': 'resources:\n- s.yaml\npatches:\n- path: ../p.yaml\n',
      'app/s.yaml': svc('x'),
      'p.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n',
    },
    error: /not in or below/,
  },
  {
    name: 'a strategic merge patch with no matching resource is an error',
    files: {
      'kustomization.yaml': 'resources:\n- s.yaml\npatches:\n- patch: |-\n    apiVersion: v1\n    kind: Service\n    metadata:\n      name: other\n',
      's.yaml': svc('x'),
    },
    error: /no resource matches/,
  },
];

