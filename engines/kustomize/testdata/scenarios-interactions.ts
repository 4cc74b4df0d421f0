/**
 * Scenarios of fields meeting across kustomizations: overlays three and four deep, diamonds, components
 * with patches and generators under prefixes, generators merged over three levels, replacements and vars
 * after renames, labels and selectors across overlays, images in init containers and CronJobs, namespaces
 * on RoleBinding subjects, and sortOptions in overlays. Outputs are recorded from kustomize v5.7.1.
 */
import { deploy, type Scenario, svc } from './fixtures.js';

const cm = (name: string, data = 'k: v'): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  ${data}\n`;
const sa = (name: string): string => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n`;
const component = (body: string): string => `apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n${body}`;
const k = (...lines: string[]): string => lines.join('\n') + '\n';

/** base: Deployment web (envFrom cfg, secret creds), Service web, generated cfg and creds. */
const base: Record<string, string> = {
  'base/kustomization.yaml': k('resources:', '- d.yaml', '- s.yaml', 'configMapGenerator:', '- name: cfg', '  literals: [a=1]', 'secretGenerator:', '- name: creds', '  literals: [p=q]'),
  'base/d.yaml': deploy('web'),
  'base/s.yaml': svc('web'),
};

const tree = (name: string, dir: string, files: Record<string, string>, error?: RegExp): Scenario => ({
  name,
  dir,
  files: { ...base, ...files },
  error,
});

const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 1 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
          - name: init
            image: busybox:1.36
          containers:
          - name: job
            image: nginx:1.25
            envFrom:
            - configMapRef:
                name: cfg
          restartPolicy: OnFailure
`;

const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: web
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      initContainers:
      - name: migrate
        image: registry.local:5000/tools/migrate:v1
      containers:
      - name: db
        image: postgres:16
        volumeMounts:
        - name: data
          mountPath: /var/lib/postgresql
      volumes:
      - name: data
        persistentVolumeClaim:
          claimName: data
`;

const pvc = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

const rbac = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: bind
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: reader
subjects:
- kind: ServiceAccount
  name: runner
  namespace: default
- kind: ServiceAccount
  name: default
- kind: User
  name: alice
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get]
`;

const clusterBinding = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: cluster-bind
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: view
subjects:
- kind: ServiceAccount
  name: runner
  namespace: default
`;

const hpa = `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web
  minReplicas: 1
  maxReplicas: 3
`;

const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`;

const replicasPatch = (name: string, n: number): string =>
  `patches:\n- patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: ${name}\n    spec:\n      replicas: ${n}\n`;

const overlaysDeep: Scenario[] = [
  tree('four levels of overlays stack four prefixes and the envFrom reference follows', 'l4', {
    'l2/kustomization.yaml': k('namePrefix: b-', 'resources:', '- ../base'),
    'l3/kustomization.yaml': k('namePrefix: c-', 'resources:', '- ../l2'),
    'l4/kustomization.yaml': k('namePrefix: d-', 'resources:', '- ../l3'),
  }),
  tree('the namespace of the outermost of three overlays wins', 'top', {
    'mid/kustomization.yaml': k('namespace: mid', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('namespace: top', 'resources:', '- ../mid'),
  }),
  tree('suffixes at three levels append in order', 'top', {
    'mid/kustomization.yaml': k('nameSuffix: -m', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('nameSuffix: -t', 'resources:', '- ../mid'),
  }),
  tree('prefixes and suffixes at alternating levels keep references', 'top', {
    'mid/kustomization.yaml': k('namePrefix: p1-', 'resources:', '- ../base'),
    'upper/kustomization.yaml': k('nameSuffix: -s1', 'resources:', '- ../mid'),
    'top/kustomization.yaml': k('namePrefix: p2-', 'nameSuffix: -s2', 'resources:', '- ../upper'),
  }),
  tree('commonAnnotations at three levels accumulate and the outer value wins', 'top', {
    'mid/kustomization.yaml': k('commonAnnotations:', '  team: mid', '  mid: "true"', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('commonAnnotations:', '  team: top', 'resources:', '- ../mid'),
  }),
  tree('replicas in two overlays: the outer one wins', 'top', {
    'mid/kustomization.yaml': k('replicas:', '- name: web', '  count: 2', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('replicas:', '- name: web', '  count: 5', 'resources:', '- ../mid'),
  }),
  tree('replicas by the base name after an overlay prefix', 'top', {
    'mid/kustomization.yaml': k('namePrefix: mid-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('replicas:', '- name: web', '  count: 4', 'resources:', '- ../mid'),
  }),
  tree('replicas by the prefixed name after an overlay prefix', 'top', {
    'mid/kustomization.yaml': k('namePrefix: mid-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('replicas:', '- name: mid-web', '  count: 4', 'resources:', '- ../mid'),
  }),
  tree('an outer overlay patches by the name two levels down', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'upper/kustomization.yaml': k('namePrefix: u-', 'resources:', '- ../mid'),
    'top/kustomization.yaml': `resources:\n- ../upper\n${replicasPatch('web', 7)}`,
  }),
  tree('an outer overlay patches by the current prefixed name', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': `resources:\n- ../mid\n${replicasPatch('m-web', 6)}`,
  }),
  tree('a JSON 6902 patch in an outer overlay targets the base name', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'patches:', '- target:', '    kind: Deployment', '    name: web', '  patch: |-', '    - op: replace', '      path: /spec/replicas', '      value: 9'),
  }),
  tree('a patch target by a label that the base added with commonLabels', 'top', {
    'mid/kustomization.yaml': k('commonLabels:', '  tier: backend', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'patches:', '- target:', '    labelSelector: tier=backend', '    kind: Service', '  patch: |-', '    - op: add', '      path: /spec/type', '      value: NodePort'),
  }),
  tree('a name regex target in an overlay matches prefixed and original names', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'patches:', '- target:', '    name: "w.*"', '  patch: |-', '    - op: add', '      path: /metadata/annotations', '      value: {matched: "yes"}'),
  }),
  tree('a strategic merge patch in an outer overlay changes a generated ConfigMap and its hash', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'patches:', '- patch: |-', '    apiVersion: v1', '    kind: ConfigMap', '    metadata:', '      name: cfg', '    data:', '      a: "2"'),
  }),
  tree('patchesStrategicMerge deletes a base resource from two levels up', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'patchesStrategicMerge:', '- |-', '  apiVersion: v1', '  kind: Service', '  metadata:', '    name: m-web', '  $patch: delete'),
  }),
  tree('an overlay resource clashing with a prefixed base resource is a conflict', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', '- extra.yaml'),
    'top/extra.yaml': svc('m-web'),
  }, /already registered id/),
  tree('a base in the parent directory of its overlay is a cycle', 'base/overlay', {
    'base/overlay/kustomization.yaml': k('resources:', '- ..'),
  }, /cycle detected/),
  tree('a component in the parent directory of its kustomization is a cycle', 'comp/sub', {
    'comp/kustomization.yaml': component(k('commonLabels:', '  a: b')),
    'comp/sub/kustomization.yaml': k('resources:', '- ../../base', 'components:', '- ..'),
  }, /cycle detected/),
  tree('a base two levels above its overlay is a cycle', 'base/a/b', {
    'base/a/b/kustomization.yaml': k('resources:', '- ../..'),
  }, /cycle detected/),
  tree('a sibling base that is not an ancestor is not a cycle', 'base/overlay', {
    'base/overlay/kustomization.yaml': k('resources:', '- ../../other'),
    'other/kustomization.yaml': k('resources:', '- cm.yaml'),
    'other/cm.yaml': cm('sibling'),
  }),
  tree('an overlay resource with the base resource original name is not a conflict', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', '- extra.yaml'),
    'top/extra.yaml': svc('web'),
  }),
];

const diamonds: Scenario[] = [
  tree('a diamond with different suffixes builds both copies', 'top', {
    'a/kustomization.yaml': k('nameSuffix: -a', 'resources:', '- ../base'),
    'b/kustomization.yaml': k('nameSuffix: -b', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../a', '- ../b'),
  }),
  tree('a diamond where only one side is prefixed builds both copies', 'top', {
    'a/kustomization.yaml': k('namePrefix: a-', 'resources:', '- ../base'),
    'b/kustomization.yaml': k('resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../a', '- ../b'),
  }),
  tree('a diamond where both sides set the same namespace conflicts', 'top', {
    'a/kustomization.yaml': k('namespace: same', 'resources:', '- ../base'),
    'b/kustomization.yaml': k('namespace: same', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../a', '- ../b'),
  }, /already registered id/),
  tree('a diamond where one side sets a namespace and the other a prefix', 'top', {
    'a/kustomization.yaml': k('namespace: ns-a', 'resources:', '- ../base'),
    'b/kustomization.yaml': k('namePrefix: b-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('namespace: shared', 'resources:', '- ../a', '- ../b'),
  }),
  tree('a diamond with prefixes and a top namespace keeps each copy\'s references apart', 'top', {
    'a/kustomization.yaml': k('namePrefix: a-', 'resources:', '- ../base'),
    'b/kustomization.yaml': k('namePrefix: b-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('namespace: prod', 'commonLabels:', '  app.kubernetes.io/part-of: shop', 'resources:', '- ../a', '- ../b'),
  }),
  tree('a diamond patched at the top by the shared base name hits both copies by target', 'top', {
    'a/kustomization.yaml': k('namePrefix: a-', 'resources:', '- ../base'),
    'b/kustomization.yaml': k('namePrefix: b-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../a', '- ../b', 'patches:', '- target:', '    kind: Deployment', '    name: web', '  patch: |-', '    - op: replace', '      path: /spec/replicas', '      value: 2'),
  }),
  tree('an untargeted patch by the shared base name of a diamond is ambiguous', 'top', {
    'a/kustomization.yaml': k('namePrefix: a-', 'resources:', '- ../base'),
    'b/kustomization.yaml': k('namePrefix: b-', 'resources:', '- ../base'),
    'top/kustomization.yaml': `resources:\n- ../a\n- ../b\n${replicasPatch('web', 2)}`,
  }, /./),
  tree('a diamond whose sides merge different literals into their own generator copies', 'top', {
    'a/kustomization.yaml': k('namePrefix: a-', 'resources:', '- ../base', 'configMapGenerator:', '- name: cfg', '  behavior: merge', '  literals: [side=a]'),
    'b/kustomization.yaml': k('namePrefix: b-', 'resources:', '- ../base', 'configMapGenerator:', '- name: cfg', '  behavior: merge', '  literals: [side=b]'),
    'top/kustomization.yaml': k('resources:', '- ../a', '- ../b'),
  }),
  tree('merging into a generator both diamond sides carry is ambiguous', 'top', {
    'a/kustomization.yaml': k('namePrefix: a-', 'resources:', '- ../base'),
    'b/kustomization.yaml': k('namePrefix: b-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../a', '- ../b', 'configMapGenerator:', '- name: cfg', '  behavior: merge', '  literals: [z=1]'),
  }, /./),
];

const generators: Scenario[] = [
  tree('a generator merged at two overlay levels keeps every literal', 'top', {
    'mid/kustomization.yaml': k('resources:', '- ../base', 'configMapGenerator:', '- name: cfg', '  behavior: merge', '  literals: [b=2]'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'configMapGenerator:', '- name: cfg', '  behavior: merge', '  literals: [c=3, a=override]'),
  }),
  tree('a generator replaced in the middle and merged on top', 'top', {
    'mid/kustomization.yaml': k('resources:', '- ../base', 'configMapGenerator:', '- name: cfg', '  behavior: replace', '  literals: [only=mid]'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'configMapGenerator:', '- name: cfg', '  behavior: merge', '  literals: [top=1]'),
  }),
  tree('a generator merged under two prefixes is found by its base name', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base', 'configMapGenerator:', '- name: cfg', '  behavior: merge', '  literals: [b=2]'),
    'top/kustomization.yaml': k('namePrefix: t-', 'resources:', '- ../mid', 'configMapGenerator:', '- name: cfg', '  behavior: merge', '  literals: [c=3]'),
  }),
  tree('a Secret generator merged over three levels keeps its type', 'top', {
    'base/kustomization.yaml': k('resources:', '- d.yaml', 'secretGenerator:', '- name: creds', '  type: kubernetes.io/basic-auth', '  literals: [username=u, password=p]', 'configMapGenerator:', '- name: cfg', '  literals: [a=1]'),
    'mid/kustomization.yaml': k('resources:', '- ../base', 'secretGenerator:', '- name: creds', '  behavior: merge', '  type: kubernetes.io/basic-auth', '  literals: [password=mid]'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'secretGenerator:', '- name: creds', '  behavior: merge', '  type: kubernetes.io/basic-auth', '  literals: [extra=top]'),
  }),
  tree('generatorOptions of a middle overlay label only its own generators', 'top', {
    'mid/kustomization.yaml': k('resources:', '- ../base', 'generatorOptions:', '  labels:', '    from: mid', 'configMapGenerator:', '- name: mid-cfg', '  literals: [m=1]'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'configMapGenerator:', '- name: top-cfg', '  literals: [t=1]'),
  }),
  tree('a merge with generatorOptions disableNameSuffixHash in the middle drops the base hash', 'top', {
    'mid/kustomization.yaml': k('resources:', '- ../base', 'generatorOptions:', '  disableNameSuffixHash: true', 'configMapGenerator:', '- name: cfg', '  behavior: merge', '  literals: [b=2]'),
    'top/kustomization.yaml': k('namePrefix: t-', 'resources:', '- ../mid'),
  }),
  tree('a generator in an overlay with the base name in another namespace is a new object', 'top', {
    'top/kustomization.yaml': k('resources:', '- ../base', 'configMapGenerator:', '- name: cfg', '  namespace: other', '  literals: [x=1]'),
  }),
  tree('an outer namespace overrides a generator namespace from the base', 'top', {
    'base/kustomization.yaml': k('resources:', '- d.yaml', 'configMapGenerator:', '- name: cfg', '  namespace: base-ns', '  literals: [a=1]', 'secretGenerator:', '- name: creds', '  literals: [p=q]'),
    'top/kustomization.yaml': k('namespace: top-ns', 'resources:', '- ../base'),
  }),
  tree('a generator in a middle overlay is referenced by a Deployment from the base after a top prefix', 'top', {
    'base/d.yaml': deploy('web').replace('name: cfg', 'name: extra'),
    'mid/kustomization.yaml': k('resources:', '- ../base', 'configMapGenerator:', '- name: extra', '  literals: [e=1]'),
    'top/kustomization.yaml': k('namePrefix: t-', 'resources:', '- ../mid'),
  }),
];

const components: Scenario[] = [
  tree('a component adds a generator and a patch under an overlay prefix', 'top', {
    'comp/kustomization.yaml': component(k('configMapGenerator:', '- name: feature', '  literals: [on=true]', 'patches:', '- patch: |-', '    apiVersion: apps/v1', '    kind: Deployment', '    metadata:', '      name: web', '    spec:', '      template:', '        spec:', '          containers:', '          - name: app', '            envFrom:', '            - configMapRef:', '                name: feature')),
    'top/kustomization.yaml': k('namePrefix: p-', 'resources:', '- ../base', 'components:', '- ../comp'),
  }),
  tree('a component in a middle overlay runs before the top prefix', 'top', {
    'comp/kustomization.yaml': component(k('commonLabels:', '  feature: x', 'images:', '- name: nginx', '  newTag: "1.27"')),
    'mid/kustomization.yaml': k('resources:', '- ../base', 'components:', '- ../comp'),
    'top/kustomization.yaml': k('namePrefix: top-', 'resources:', '- ../mid'),
  }),
  tree('a component includes another component', 'top', {
    'inner/kustomization.yaml': component(k('commonAnnotations:', '  inner: "yes"')),
    'outer/kustomization.yaml': component(k('components:', '- ../inner', 'commonAnnotations:', '  outer: "yes"')),
    'top/kustomization.yaml': k('resources:', '- ../base', 'components:', '- ../outer'),
  }),
  tree('a component with its own resource that the overlay prefix renames', 'top', {
    'comp/kustomization.yaml': component(k('resources:', '- sa.yaml', 'patches:', '- patch: |-', '    apiVersion: apps/v1', '    kind: Deployment', '    metadata:', '      name: web', '    spec:', '      template:', '        spec:', '          serviceAccountName: runner')),
    'comp/sa.yaml': sa('runner'),
    'top/kustomization.yaml': k('namePrefix: p-', 'resources:', '- ../base', 'components:', '- ../comp'),
  }),
  tree('a component replacement reads a value the overlay generated', 'top', {
    'comp/kustomization.yaml': component(k('replacements:', '- source:', '    kind: ConfigMap', '    name: settings', '    fieldPath: data.image', '  targets:', '  - select:', '      kind: Deployment', '    fieldPaths:', '    - spec.template.spec.containers.[name=app].image')),
    'top/kustomization.yaml': k('resources:', '- ../base', 'configMapGenerator:', '- name: settings', '  literals: [image=busybox:stable]', 'components:', '- ../comp'),
  }),
  tree('a component merges into a generator the including overlay defines', 'top', {
    'comp/kustomization.yaml': component(k('configMapGenerator:', '- name: local', '  behavior: merge', '  literals: [c=1]')),
    'top/kustomization.yaml': k('resources:', '- ../base', 'configMapGenerator:', '- name: local', '  literals: [o=1]', 'components:', '- ../comp'),
  }),
  tree('fifo output shows a component resource before the overlay generator', 'top', {
    'comp/kustomization.yaml': component(k('resources:', '- sa.yaml')),
    'comp/sa.yaml': sa('runner'),
    'top/kustomization.yaml': k('sortOptions:', '  order: fifo', 'resources:', '- ../base', 'configMapGenerator:', '- name: late', '  literals: [x=1]', 'components:', '- ../comp'),
  }),
  tree('two components patch the same container in listed order', 'top', {
    'one/kustomization.yaml': component(k('patches:', '- target:', '    kind: Deployment', '  patch: |-', '    - op: replace', '      path: /spec/template/spec/containers/0/image', '      value: one:1')),
    'two/kustomization.yaml': component(k('patches:', '- target:', '    kind: Deployment', '  patch: |-', '    - op: replace', '      path: /spec/template/spec/containers/0/image', '      value: two:2')),
    'top/kustomization.yaml': k('resources:', '- ../base', 'components:', '- ../one', '- ../two'),
  }),
  tree('an overlay with only a component and generators builds', 'top', {
    'comp/kustomization.yaml': component(k('commonLabels:', '  c: "1"')),
    'top/kustomization.yaml': k('configMapGenerator:', '- name: solo', '  literals: [s=1]', 'components:', '- ../comp'),
  }),
];

const references: Scenario[] = [
  tree('a replacement in an overlay copies a prefixed Service name into a ConfigMap', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', '- c.yaml', 'replacements:', '- source:', '    kind: Service', '    name: web', '  targets:', '  - select:', '      kind: ConfigMap', '      name: endpoints', '    fieldPaths:', '    - data.service'),
    'top/c.yaml': cm('endpoints', 'service: unset'),
  }),
  tree('a replacement after a namespace reads the new namespace', 'top', {
    'mid/kustomization.yaml': k('namespace: shop', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', '- c.yaml', 'replacements:', '- source:', '    kind: Service', '    fieldPath: metadata.namespace', '  targets:', '  - select:', '      kind: ConfigMap', '      name: endpoints', '    fieldPaths:', '    - data.ns'),
    'top/c.yaml': cm('endpoints', 'ns: unset'),
  }),
  tree('a replacement into a generated ConfigMap changes its hash', 'top', {
    'top/kustomization.yaml': k('resources:', '- ../base', 'replacements:', '- source:', '    kind: Deployment', '    fieldPath: spec.template.spec.containers.0.image', '  targets:', '  - select:', '      kind: ConfigMap', '      name: cfg', '    fieldPaths:', '    - data.a'),
  }),
  tree('a local-config source feeds an overlay replacement and is dropped', 'top', {
    'top/kustomization.yaml': k('resources:', '- ../base', '- values.yaml', 'replacements:', '- source:', '    kind: ConfigMap', '    name: values', '    fieldPath: data.tag', '  targets:', '  - select:', '      kind: Deployment', '    fieldPaths:', '    - spec.template.spec.containers.[name=app].image', '    options:', '      delimiter: ":"', '      index: 1'),
    'top/values.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: values\n  annotations:\n    config.kubernetes.io/local-config: "true"\ndata:\n  tag: "1.29"\n',
  }),
  tree('vars defined in a middle overlay see the top prefix', 'top', {
    'base/d.yaml': deploy('web', '').replace('image: nginx:1.25', 'image: nginx:1.25\n        args: ["--upstream=$(SVC)"]'),
    'mid/kustomization.yaml': k('resources:', '- ../base', 'vars:', '- name: SVC', '  objref:', '    kind: Service', '    name: web', '    apiVersion: v1'),
    'top/kustomization.yaml': k('namePrefix: t-', 'resources:', '- ../mid'),
  }),
  tree('a var in each diamond side with different names resolves per copy', 'top', {
    'base/d.yaml': deploy('web', '').replace('image: nginx:1.25', 'image: nginx:1.25\n        args: ["$(A_SVC)", "$(B_SVC)"]'),
    'a/kustomization.yaml': k('namePrefix: a-', 'resources:', '- ../base', 'vars:', '- name: A_SVC', '  objref:', '    kind: Service', '    name: web', '    apiVersion: v1'),
    'b/kustomization.yaml': k('namePrefix: b-', 'resources:', '- ../base', 'vars:', '- name: B_SVC', '  objref:', '    kind: Service', '    name: web', '    apiVersion: v1'),
    'top/kustomization.yaml': k('resources:', '- ../a', '- ../b'),
  }),
  tree('a var naming a generated ConfigMap resolves to its prefixed hashed name', 'top', {
    'base/d.yaml': deploy('web', '').replace('image: nginx:1.25', 'image: nginx:1.25\n        env:\n        - name: CFG\n          value: $(CFG_NAME)'),
    'top/kustomization.yaml': k('namePrefix: t-', 'resources:', '- ../base', 'vars:', '- name: CFG_NAME', '  objref:', '    kind: ConfigMap', '    name: cfg', '    apiVersion: v1'),
  }),
  tree('a HorizontalPodAutoscaler follows a Deployment renamed at two levels', 'top', {
    'base/kustomization.yaml': k('resources:', '- d.yaml', '- hpa.yaml'),
    'base/hpa.yaml': hpa,
    'mid/kustomization.yaml': k('nameSuffix: -v2', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('namePrefix: prod-', 'resources:', '- ../mid'),
  }),
  tree('an Ingress in an overlay follows a Service renamed in the base', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('namespace: edge', 'resources:', '- ../mid', '- ingress.yaml'),
    'top/ingress.yaml': ingress,
  }),
  tree('a StatefulSet follows a claim and a Service renamed by an overlay', 'top', {
    'base/kustomization.yaml': k('resources:', '- s.yaml', '- sts.yaml', '- pvc.yaml'),
    'base/sts.yaml': statefulSet,
    'base/pvc.yaml': pvc,
    'top/kustomization.yaml': k('namePrefix: x-', 'resources:', '- ../base'),
  }),
];

const labelsAndImages: Scenario[] = [
  tree('base commonLabels reach selectors while overlay labels without selectors do not', 'top', {
    'mid/kustomization.yaml': k('commonLabels:', '  app: shop', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('labels:', '- pairs:', '    env: prod', 'resources:', '- ../mid'),
  }),
  tree('an overlay commonLabels value replaces the base value in selectors too', 'top', {
    'mid/kustomization.yaml': k('commonLabels:', '  env: dev', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('commonLabels:', '  env: prod', 'resources:', '- ../mid'),
  }),
  tree('labels with includeTemplates in the middle and commonLabels on top', 'top', {
    'mid/kustomization.yaml': k('labels:', '- pairs:', '    release: r1', '  includeTemplates: true', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('commonLabels:', '  owner: ops', 'resources:', '- ../mid'),
  }),
  tree('labels with includeSelectors in an overlay over a StatefulSet and its claims', 'top', {
    'base/kustomization.yaml': k('resources:', '- s.yaml', '- sts.yaml', '- pvc.yaml'),
    'base/sts.yaml': statefulSet,
    'base/pvc.yaml': pvc,
    'top/kustomization.yaml': k('labels:', '- pairs:', '    tier: data', '  includeSelectors: true', 'resources:', '- ../base'),
  }),
  tree('images across overlays: the base sets a tag, the overlay renames the image', 'top', {
    'base/kustomization.yaml': k('resources:', '- cron.yaml', 'images:', '- name: nginx', '  newTag: "1.26"'),
    'base/cron.yaml': cronJob,
    'top/kustomization.yaml': k('resources:', '- ../base', 'images:', '- name: nginx', '  newName: mirror.local/nginx'),
  }),
  tree('an overlay image entry matches the name the base gave the image', 'top', {
    'base/kustomization.yaml': k('resources:', '- cron.yaml', 'images:', '- name: busybox', '  newName: mirror.local/busybox'),
    'base/cron.yaml': cronJob,
    'top/kustomization.yaml': k('resources:', '- ../base', 'images:', '- name: mirror.local/busybox', '  digest: sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3'),
  }),
  tree('images in StatefulSet init containers with a registry port, set from an overlay', 'top', {
    'base/kustomization.yaml': k('resources:', '- s.yaml', '- sts.yaml', '- pvc.yaml'),
    'base/sts.yaml': statefulSet,
    'base/pvc.yaml': pvc,
    'top/kustomization.yaml': k('namePrefix: p-', 'resources:', '- ../base', 'images:', '- name: registry.local:5000/tools/migrate', '  newTag: v2', '- name: postgres', '  newName: registry.local:5000/postgres', '  digest: sha256:0000000000000000000000000000000000000000000000000000000000000000'),
  }),
  tree('a digest in an overlay replaces the tag a base set', 'top', {
    'mid/kustomization.yaml': k('resources:', '- ../base', 'images:', '- name: nginx', '  newTag: "1.27"'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'images:', '- name: nginx', '  digest: sha256:1111111111111111111111111111111111111111111111111111111111111111'),
  }),
  tree('a CronJob from a base gets prefixed envFrom, labels and init image in one overlay', 'top', {
    'base/kustomization.yaml': k('resources:', '- cron.yaml', 'configMapGenerator:', '- name: cfg', '  literals: [a=1]'),
    'base/cron.yaml': cronJob,
    'top/kustomization.yaml': k('namePrefix: job-', 'commonLabels:', '  run: nightly', 'resources:', '- ../base', 'images:', '- name: busybox', '  newTag: "1.37"'),
  }),
];

const namespacesAndSorting: Scenario[] = [
  tree('an overlay namespace moves RoleBinding subjects that pointed at the default namespace', 'top', {
    'base/kustomization.yaml': k('resources:', '- rbac.yaml', '- sa.yaml'),
    'base/rbac.yaml': rbac,
    'base/sa.yaml': sa('runner'),
    'top/kustomization.yaml': k('namespace: team', 'resources:', '- ../base'),
  }),
  tree('a RoleBinding subject follows a ServiceAccount prefixed in the base and moved by the overlay', 'top', {
    'base/kustomization.yaml': k('namePrefix: b-', 'resources:', '- rbac.yaml', '- sa.yaml'),
    'base/rbac.yaml': rbac,
    'base/sa.yaml': sa('runner'),
    'top/kustomization.yaml': k('namespace: team', 'resources:', '- ../base'),
  }),
  tree('a ClusterRoleBinding subject follows a ServiceAccount moved by two overlays', 'top', {
    'base/kustomization.yaml': k('resources:', '- crb.yaml', '- sa.yaml'),
    'base/crb.yaml': clusterBinding,
    'base/sa.yaml': sa('runner'),
    'mid/kustomization.yaml': k('namespace: first', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('namespace: second', 'namePrefix: t-', 'resources:', '- ../mid'),
  }),
  tree('fifo order in a base is ignored when the top uses the legacy order', 'top', {
    'base/kustomization.yaml': k('sortOptions:', '  order: fifo', 'resources:', '- s.yaml', '- d.yaml', 'configMapGenerator:', '- name: cfg', '  literals: [a=1]'),
    'top/kustomization.yaml': k('resources:', '- ../base'),
  }),
  tree('fifo order at the top lists base resources, then overlay resources, then generators', 'top', {
    'top/kustomization.yaml': k('sortOptions:', '  order: fifo', 'resources:', '- extra.yaml', '- ../base', 'configMapGenerator:', '- name: top', '  literals: [t=1]'),
    'top/extra.yaml': sa('first'),
  }),
  tree('legacy orderFirst at the top reorders resources from a base', 'top', {
    'top/kustomization.yaml': k('sortOptions:', '  order: legacy', '  legacySortOptions:', '    orderFirst: [Service, Deployment]', '    orderLast: [ConfigMap]', 'resources:', '- ../base'),
  }),
];

const clusterRbac = `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: viewer
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: viewer-binding
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: viewer
subjects:
- kind: ServiceAccount
  name: runner
  namespace: default
`;

const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  template:
    spec:
      serviceAccountName: runner
      imagePullSecrets:
      - name: pull
      containers:
      - name: m
        image: nginx@sha256:2222222222222222222222222222222222222222222222222222222222222222
        volumeMounts:
        - name: cfg
          mountPath: /cfg
      volumes:
      - name: cfg
        projected:
          sources:
          - configMap:
              name: cfg
          - secret:
              name: creds
      restartPolicy: Never
`;

const webhook = `apiVersion: admissionregistration.k8s.io/v1
kind: ValidatingWebhookConfiguration
metadata:
  name: guard
webhooks:
- name: guard.example.com
  admissionReviewVersions: [v1]
  sideEffects: None
  clientConfig:
    service:
      name: web
      namespace: default
      path: /validate
`;

const crossings: Scenario[] = [
  tree('a ClusterRole prefixed in a base is followed by the ClusterRoleBinding and the overlay namespace moves its subject', 'top', {
    'base/kustomization.yaml': k('namePrefix: b-', 'resources:', '- rbac.yaml', '- sa.yaml'),
    'base/rbac.yaml': clusterRbac,
    'base/sa.yaml': sa('runner'),
    'top/kustomization.yaml': k('namespace: ops', 'nameSuffix: -x', 'resources:', '- ../base'),
  }),
  tree('a Job reaches a generated ConfigMap and Secret through projected volumes after two renames', 'top', {
    'base/kustomization.yaml': k('resources:', '- job.yaml', '- sa.yaml', 'configMapGenerator:', '- name: cfg', '  literals: [a=1]', 'secretGenerator:', '- name: creds', '  literals: [p=q]', '- name: pull', '  type: kubernetes.io/dockerconfigjson', '  literals:', '  - .dockerconfigjson={}'),
    'base/job.yaml': job,
    'base/sa.yaml': sa('runner'),
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('nameSuffix: -t', 'resources:', '- ../mid'),
  }),
  tree('an image pinned by digest in a base takes an overlay tag and keeps no digest', 'top', {
    'base/kustomization.yaml': k('resources:', '- job.yaml', '- sa.yaml'),
    'base/job.yaml': job,
    'base/sa.yaml': sa('runner'),
    'top/kustomization.yaml': k('resources:', '- ../base', 'images:', '- name: nginx', '  newTag: "1.28"'),
  }),
  tree('commonLabels in an overlay reach a Job template but not a Job selector it does not have', 'top', {
    'base/kustomization.yaml': k('resources:', '- job.yaml', '- sa.yaml'),
    'base/job.yaml': job,
    'base/sa.yaml': sa('runner'),
    'top/kustomization.yaml': k('commonLabels:', '  run: once', 'resources:', '- ../base'),
  }),
  tree('a webhook service reference follows a prefixed Service and the overlay namespace', 'top', {
    'base/kustomization.yaml': k('namePrefix: b-', 'resources:', '- s.yaml', '- webhook.yaml'),
    'base/webhook.yaml': webhook,
    'top/kustomization.yaml': k('namespace: guard-system', 'resources:', '- ../base'),
  }),
  tree('a patch target by the new namespace after an overlay namespace', 'top', {
    'mid/kustomization.yaml': k('namespace: moved', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'patches:', '- target:', '    kind: Service', '    namespace: moved', '  patch: |-', '    - op: add', '      path: /metadata/annotations', '      value: {ns: moved}'),
  }),
  tree('a patch target by the original namespace after an overlay namespace', 'top', {
    'base/s.yaml': svc('web').replace('name: web', 'name: web\n  namespace: first'),
    'mid/kustomization.yaml': k('namespace: moved', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'patches:', '- target:', '    kind: Service', '    namespace: first', '  patch: |-', '    - op: add', '      path: /metadata/annotations', '      value: {ns: first}'),
  }),
  tree('a replacement rejects by the original name after a prefix', 'top', {
    'base/kustomization.yaml': k('resources:', '- d.yaml', '- d2.yaml'),
    'base/d2.yaml': deploy('worker'),
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'replacements:', '- source:', '    kind: Deployment', '    name: web', '    fieldPath: metadata.name', '  targets:', '  - select:', '      kind: Deployment', '    reject:', '    - name: web', '    fieldPaths:', '    - spec.template.metadata.annotations.peer', '    options:', '      create: true'),
  }),
  tree('a replacement selects by the namespace an overlay gave', 'top', {
    'mid/kustomization.yaml': k('namespace: shop', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', '- c.yaml', 'replacements:', '- source:', '    kind: Service', '    namespace: shop', '    fieldPath: metadata.name', '  targets:', '  - select:', '      kind: ConfigMap', '      name: endpoints', '    fieldPaths:', '    - data.svc'),
    'top/c.yaml': cm('endpoints', 'svc: unset'),
  }),
  tree('vars in a component resolve with the overlay prefix', 'top', {
    'base/d.yaml': deploy('web', '').replace('image: nginx:1.25', 'image: nginx:1.25\n        args: ["$(WEB_SVC)"]'),
    'comp/kustomization.yaml': component(k('vars:', '- name: WEB_SVC', '  objref:', '    kind: Service', '    name: web', '    apiVersion: v1')),
    'top/kustomization.yaml': k('namePrefix: p-', 'resources:', '- ../base', 'components:', '- ../comp'),
  }),
  tree('replicas in an overlay for a Deployment a component added', 'top', {
    'comp/kustomization.yaml': component(k('resources:', '- worker.yaml')),
    'comp/worker.yaml': deploy('worker'),
    'top/kustomization.yaml': k('resources:', '- ../base', 'components:', '- ../comp', 'replicas:', '- name: worker', '  count: 4'),
  }),
  tree('a HorizontalPodAutoscaler follows a StatefulSet renamed by an overlay suffix', 'top', {
    'base/kustomization.yaml': k('resources:', '- s.yaml', '- sts.yaml', '- pvc.yaml', '- hpa.yaml'),
    'base/sts.yaml': statefulSet,
    'base/pvc.yaml': pvc,
    'base/hpa.yaml': hpa.replace('kind: Deployment\n    name: web', 'kind: StatefulSet\n    name: db'),
    'top/kustomization.yaml': k('nameSuffix: -blue', 'resources:', '- ../base'),
  }),
  tree('a secretGenerator in an overlay is followed by imagePullSecrets in a base Job after a prefix', 'top', {
    'base/kustomization.yaml': k('resources:', '- job.yaml', '- sa.yaml'),
    'base/job.yaml': job,
    'base/sa.yaml': sa('runner'),
    'top/kustomization.yaml': k('namePrefix: t-', 'resources:', '- ../base', 'secretGenerator:', '- name: pull', '  type: kubernetes.io/dockerconfigjson', '  literals:', '  - .dockerconfigjson={}', 'configMapGenerator:', '- name: cfg', '  literals: [a=1]'),
  }),
  tree('fifo order with components lists component resources after base resources', 'top', {
    'comp/kustomization.yaml': component(k('resources:', '- sa.yaml', 'configMapGenerator:', '- name: comp-cfg', '  literals: [c=1]')),
    'comp/sa.yaml': sa('runner'),
    'top/kustomization.yaml': k('sortOptions:', '  order: fifo', 'resources:', '- ../base', 'components:', '- ../comp', 'configMapGenerator:', '- name: top-cfg', '  literals: [t=1]'),
  }),
  tree('labels with custom fields in an overlay reach a custom resource', 'top', {
    'base/kustomization.yaml': k('resources:', '- cr.yaml'),
    'base/cr.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  selector:\n    labels:\n      keep: me\n',
    'top/kustomization.yaml': k('labels:', '- pairs:', '    team: a', '  fields:', '  - path: spec/selector/labels', '    kind: Widget', '    create: true', 'resources:', '- ../base'),
  }),
  tree('a patch target by the original name after an overlay suffix', 'top', {
    'mid/kustomization.yaml': k('nameSuffix: -v1', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'patches:', '- target:', '    kind: Deployment', '    name: web', '  patch: |-', '    apiVersion: apps/v1', '    kind: Deployment', '    metadata:', '      name: ignored', '    spec:', '      paused: true'),
  }),
];

const crd = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names:
    kind: Widget
    plural: widgets
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
`;

const ns = (name: string): string => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n`;

const more: Scenario[] = [
  tree('an overlay deletes with $patch a resource a component added', 'top', {
    'comp/kustomization.yaml': component(k('resources:', '- sa.yaml')),
    'comp/sa.yaml': sa('runner'),
    'top/kustomization.yaml': k('resources:', '- ../base', 'components:', '- ../comp', 'patches:', '- patch: |-', '    apiVersion: v1', '    kind: ServiceAccount', '    metadata:', '      name: runner', '    $patch: delete'),
  }),
  tree('a generator replaced without a hash in the middle and merged on top keeps no hash', 'top', {
    'mid/kustomization.yaml': k('resources:', '- ../base', 'configMapGenerator:', '- name: cfg', '  behavior: replace', '  literals: [r=1]', '  options:', '    disableNameSuffixHash: true'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'configMapGenerator:', '- name: cfg', '  behavior: merge', '  literals: [m=2]'),
  }),
  tree('merging into a base generator that has its own namespace needs the namespace', 'top', {
    'base/kustomization.yaml': k('resources:', '- d.yaml', 'configMapGenerator:', '- name: cfg', '  namespace: apps', '  literals: [a=1]'),
    'top/kustomization.yaml': k('resources:', '- ../base', 'configMapGenerator:', '- name: cfg', '  behavior: merge', '  literals: [b=2]'),
  }, /./),
  tree('merging into a base generator with the same namespace works', 'top', {
    'base/kustomization.yaml': k('resources:', '- d.yaml', 'configMapGenerator:', '- name: cfg', '  namespace: apps', '  literals: [a=1]'),
    'top/kustomization.yaml': k('resources:', '- ../base', 'configMapGenerator:', '- name: cfg', '  namespace: apps', '  behavior: merge', '  literals: [b=2]'),
  }),
  tree('a generator merged on top by its name after a middle suffix', 'top', {
    'mid/kustomization.yaml': k('nameSuffix: -mid', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'secretGenerator:', '- name: creds', '  behavior: merge', '  literals: [extra=1]'),
  }),
  tree('a reference across namespaces is not rewritten', 'top', {
    'base/kustomization.yaml': k('resources:', '- d.yaml', 'configMapGenerator:', '- name: cfg', '  namespace: other', '  literals: [a=1]', 'secretGenerator:', '- name: creds', '  literals: [p=q]'),
    'top/kustomization.yaml': k('namePrefix: t-', 'resources:', '- ../base'),
  }),
  tree('a List of resources in a base gets the overlay prefix and namespace', 'top', {
    'base/kustomization.yaml': k('resources:', '- list.yaml'),
    'base/list.yaml': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: one\n  data:\n    a: "1"\n- apiVersion: v1\n  kind: Service\n  metadata:\n    name: two\n  spec:\n    ports:\n    - port: 80\n',
    'top/kustomization.yaml': k('namePrefix: l-', 'namespace: listed', 'resources:', '- ../base'),
  }),
  tree('a prefix and namespace from overlays leave a CustomResourceDefinition and a Namespace as kustomize does', 'top', {
    'base/kustomization.yaml': k('resources:', '- crd.yaml', '- ns.yaml', '- cr.yaml'),
    'base/crd.yaml': crd,
    'base/ns.yaml': ns('apps'),
    'base/cr.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n',
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('namespace: target', 'resources:', '- ../mid'),
  }),
  tree('an overlay namespace collapses two namespaced copies into a conflict', 'top', {
    'a/kustomization.yaml': k('namespace: one', 'resources:', '- ../base'),
    'b/kustomization.yaml': k('namespace: two', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('namespace: all', 'resources:', '- ../a', '- ../b'),
  }, /./),
  tree('includeSelectors labels in the middle and a commonLabels value on top for the same key', 'top', {
    'mid/kustomization.yaml': k('labels:', '- pairs:', '    app: mid', '  includeSelectors: true', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('commonLabels:', '  app: top', 'resources:', '- ../mid'),
  }),
  tree('images newName with a registry port and a digest from an overlay over a base tag', 'top', {
    'mid/kustomization.yaml': k('resources:', '- ../base', 'images:', '- name: nginx', '  newTag: "1.26"'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'images:', '- name: nginx', '  newName: registry.local:5000/web/nginx', '  digest: sha256:3333333333333333333333333333333333333333333333333333333333333333'),
  }),
  tree('a JSON 6902 patch in an overlay appends an env var to every container of a renamed Deployment', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'patches:', '- target:', '    kind: Deployment', '  patch: |-', '    - op: add', '      path: /spec/template/spec/containers/0/env', '      value: [{name: A, value: "1"}]', '    - op: add', '      path: /spec/template/spec/containers/0/env/-', '      value: {name: B, value: "2"}'),
  }),
  tree('a var from a ConfigMap data key with a dot', 'top', {
    'base/kustomization.yaml': k('resources:', '- d.yaml', '- c.yaml'),
    'base/c.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  app.mode: fast\n',
    'base/d.yaml': deploy('web', '').replace('image: nginx:1.25', 'image: nginx:1.25\n        args: ["--mode=$(MODE)"]'),
    'top/kustomization.yaml': k('namePrefix: v-', 'resources:', '- ../base', 'vars:', '- name: MODE', '  objref:', '    kind: ConfigMap', '    name: settings', '    apiVersion: v1', '  fieldref:', '    fieldPath: data.app.mode'),
  }, /./),
  tree('an Ingress TLS secret and default backend follow generated names from an overlay', 'top', {
    'base/kustomization.yaml': k('resources:', '- s.yaml', '- ingress.yaml'),
    'base/ingress.yaml': ingress.replace('spec:\n  rules:', 'spec:\n  defaultBackend:\n    service:\n      name: web\n      port:\n        number: 80\n  tls:\n  - secretName: tls\n    hosts: [web.example.com]\n  rules:'),
    'top/kustomization.yaml': k('namePrefix: edge-', 'resources:', '- ../base', 'secretGenerator:', '- name: tls', '  type: kubernetes.io/tls', '  literals: [tls.crt=c, tls.key=k]'),
  }),
];

const policy = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app: web
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
  - from:
    - podSelector:
        matchLabels:
          role: client
`;

const daemonSet = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
  template:
    metadata:
      labels:
        app: agent
    spec:
      initContainers:
      - name: init
        image: busybox:1.36
        env:
        - name: TOKEN
          valueFrom:
            secretKeyRef:
              name: creds
              key: p
      containers:
      - name: agent
        image: nginx:1.25
        volumeMounts:
        - name: cfg
          mountPath: /etc/agent
      volumes:
      - name: cfg
        configMap:
          name: cfg
          items:
          - key: a
            path: a.conf
`;

const clusterRoleBinding = `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: view-binding
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: viewer
subjects:
- kind: ServiceAccount
  name: runner
  namespace: elsewhere
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: viewer
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: viewer
rules: []
`;

const componentsMore: Scenario[] = [
  tree('a component sets the namespace and the overlay prefix applies after it', 'top', {
    'comp/kustomization.yaml': component(k('namespace: from-component')),
    'top/kustomization.yaml': k('namePrefix: p-', 'resources:', '- ../base', 'components:', '- ../comp'),
  }),
  tree('two components each add a prefix and both stack in listed order', 'top', {
    'one/kustomization.yaml': component(k('namePrefix: one-')),
    'two/kustomization.yaml': component(k('namePrefix: two-')),
    'top/kustomization.yaml': k('resources:', '- ../base', 'components:', '- ../one', '- ../two'),
  }),
  tree('a component suffix and an overlay generator reference the hashed name', 'top', {
    'base/d.yaml': deploy('web').replace('name: cfg', 'name: extra'),
    'comp/kustomization.yaml': component(k('nameSuffix: -c')),
    'top/kustomization.yaml': k('resources:', '- ../base', 'configMapGenerator:', '- name: extra', '  literals: [e=1]', 'components:', '- ../comp'),
  }),
  tree('patchesStrategicMerge in a component by the original name of a prefixed base resource', 'top', {
    'mid/kustomization.yaml': k('namePrefix: m-', 'resources:', '- ../base'),
    'comp/kustomization.yaml': component(k('patchesStrategicMerge:', '- |-', '  apiVersion: apps/v1', '  kind: Deployment', '  metadata:', '    name: web', '  spec:', '    minReadySeconds: 5')),
    'top/kustomization.yaml': k('resources:', '- ../mid', 'components:', '- ../comp'),
  }),
  tree('a RoleBinding roleRef to a ClusterRole picks the ClusterRole among same-named roles after a prefix', 'top', {
    'base/kustomization.yaml': k('resources:', '- rb.yaml', '- sa.yaml'),
    'base/rb.yaml': clusterRoleBinding,
    'base/sa.yaml': sa('runner'),
    'top/kustomization.yaml': k('namePrefix: p-', 'namespace: team', 'resources:', '- ../base'),
  }),
  tree('commonLabels reach PodDisruptionBudget and NetworkPolicy selectors', 'top', {
    'base/kustomization.yaml': k('resources:', '- d.yaml', '- policy.yaml'),
    'base/policy.yaml': policy,
    'top/kustomization.yaml': k('commonLabels:', '  tier: web', 'resources:', '- ../base'),
  }),
  tree('labels without selectors leave PodDisruptionBudget and NetworkPolicy selectors alone', 'top', {
    'base/kustomization.yaml': k('resources:', '- d.yaml', '- policy.yaml'),
    'base/policy.yaml': policy,
    'top/kustomization.yaml': k('labels:', '- pairs:', '    tier: web', '  includeTemplates: true', 'resources:', '- ../base'),
  }),
  tree('a DaemonSet follows generated names into secretKeyRef and configMap items after an overlay suffix', 'top', {
    'base/kustomization.yaml': k('resources:', '- ds.yaml', 'configMapGenerator:', '- name: cfg', '  literals: [a=1]', 'secretGenerator:', '- name: creds', '  literals: [p=q]'),
    'base/ds.yaml': daemonSet,
    'top/kustomization.yaml': k('nameSuffix: -edge', 'commonLabels:', '  fleet: edge', 'resources:', '- ../base', 'images:', '- name: busybox', '  newName: mirror.local/busybox'),
  }),
];

export const scenarios: Scenario[] = [
  ...componentsMore,
  ...more,
  ...crossings,
  ...overlaysDeep,
  ...diamonds,
  ...generators,
  ...components,
  ...references,
  ...labelsAndImages,
  ...namespacesAndSorting,
];
