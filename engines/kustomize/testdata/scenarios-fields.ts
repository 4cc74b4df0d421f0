/** Scenarios per kustomization field (names, labels, annotations, images, replicas, generators, sorting). */
import { deploy, type Scenario, svc } from './fixtures.js';

const cm = (name: string, data = '  a: "1"\n'): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${data}`;
const secret = (name: string): string => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: ${name}\ntype: Opaque\ndata:\n  k: dg==\n`;
const sa = (name: string): string => `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: ${name}\n`;

/** A kustomization over a Deployment, a Service, the ConfigMap `cfg` and the Secret `creds`. */
const app = (name: string, kustomization: string, extra: Record<string, string> = {}, error?: RegExp): Scenario => ({
  name,
  files: {
    'kustomization.yaml': `resources:\n- d.yaml\n- s.yaml\n- c.yaml\n${kustomization}`,
    'd.yaml': deploy('web'),
    's.yaml': svc('web'),
    'c.yaml': cm('cfg') + '---\n' + secret('creds'),
    ...extra,
  },
  error,
});

const rbac = `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: reader
rules:
- apiGroups: [""]
  resources: [pods]
  verbs: [get]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: reader
subjects:
- kind: ServiceAccount
  name: runner
- kind: ServiceAccount
  name: default
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: admin-ish
rules: []
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata:
  name: bind-admin
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ClusterRole
  name: admin-ish
subjects:
- kind: ServiceAccount
  name: runner
  namespace: other
`;

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  serviceAccountName: runner
  imagePullSecrets:
  - name: pull
  containers:
  - name: c
    image: busybox
    env:
    - name: A
      valueFrom:
        configMapKeyRef:
          name: cfg
          key: a
    - name: B
      valueFrom:
        secretKeyRef:
          name: creds
          key: k
  volumes:
  - name: v1
    configMap:
      name: cfg
  - name: v2
    projected:
      sources:
      - configMap:
          name: cfg
      - secret:
          name: creds
  - name: v3
    persistentVolumeClaim:
      claimName: data
`;

const refs = `${sa('runner')}---\n${secret('pull')}---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n`;

const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: ing
spec:
  tls:
  - secretName: creds
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`;

const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: web
  replicas: 1
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
      - name: db
        image: postgres:16
  volumeClaimTemplates:
  - metadata:
      name: pgdata
    spec:
      accessModes: [ReadWriteOnce]
`;

const cronJob = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 0 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: Never
          containers:
          - name: job
            image: nginx
            envFrom:
            - configMapRef:
                name: cfg
          initContainers:
          - name: init
            image: nginx:1.0@sha256:0000000000000000000000000000000000000000000000000000000000000000
`;

export const scenarios: Scenario[] = [
  // names and references
  app('namePrefix renames every resource and rewrites envFrom and volume references', 'namePrefix: a-\n'),
  app('nameSuffix renames every resource and rewrites references', 'nameSuffix: -z\n'),
  app('namePrefix and nameSuffix together', 'namePrefix: a-\nnameSuffix: -z\n'),
  app('a prefix does not rename a Namespace', 'namePrefix: a-\n', { 's.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\n' }),
  app('a prefix rewrites Pod env, projected volumes, image pull secrets, claims and service accounts', 'namePrefix: x-\n', { 's.yaml': pod + '---\n' + refs }),
  app('a namespace rewrites RoleBinding subjects named default but not others', 'namespace: ns\n', { 's.yaml': rbac }),
  app('a prefix rewrites role references and subjects', 'namePrefix: x-\nnamespace: ns\n', { 's.yaml': rbac + '---\n' + sa('runner') }),
  app('a prefix rewrites Ingress backends and TLS secrets', 'namePrefix: x-\n', { 's.yaml': ingress + '---\n' + svc('web') }),
  app('a StatefulSet serviceName follows the Service rename', 'nameSuffix: -one\n', { 's.yaml': statefulSet + '---\n' + svc('web') }),
  app('a CronJob envFrom follows the ConfigMap rename', 'namePrefix: c-\n', { 's.yaml': cronJob }),
  app('a prefix applied to a HorizontalPodAutoscaler target', 'namePrefix: h-\n', {
    's.yaml': 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: hpa\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n  minReplicas: 1\n  maxReplicas: 3\n',
  }),
  app('a reference to a resource not in the build is left alone', 'namePrefix: p-\n', {
    'c.yaml': cm('unrelated'),
  }),
  // namespace
  app('namespace sets metadata.namespace on every namespaced resource', 'namespace: team-a\n'),
  app('namespace replaces an existing namespace', 'namespace: team-b\n', { 'c.yaml': cm('cfg').replace('name: cfg', 'name: cfg\n  namespace: old') + '---\n' + secret('creds') }),
  app('namespace on a ClusterRoleBinding subject with a namespace of its own is kept', 'namespace: ns\n', { 's.yaml': rbac }),
  app('namespace leaves a CustomResourceDefinition alone', 'namespace: ns\n', {
    's.yaml': 'apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata:\n  name: widgets.example.com\nspec:\n  group: example.com\n  names:\n    kind: Widget\n    plural: widgets\n  scope: Namespaced\n  versions: []\n',
  }),
  app('namespace on a webhook configuration sets the service namespace', 'namespace: hooks\n', {
    's.yaml': 'apiVersion: admissionregistration.k8s.io/v1\nkind: ValidatingWebhookConfiguration\nmetadata:\n  name: vw\nwebhooks:\n- name: a.example.com\n  clientConfig:\n    service:\n      name: web\n      namespace: x\n  admissionReviewVersions: [v1]\n  sideEffects: None\n',
  }),
  // labels and annotations
  app('commonLabels reach Service selectors and Deployment selectors', 'commonLabels:\n  env: prod\n'),
  app('commonLabels on a StatefulSet reach volumeClaimTemplates', 'commonLabels:\n  env: prod\n', { 's.yaml': statefulSet }),
  app('commonLabels on a CronJob reach the job template', 'commonLabels:\n  env: prod\n', { 's.yaml': cronJob }),
  app('commonLabels values stay strings', 'commonLabels:\n  version: "1.0"\n  enabled: "true"\n'),
  app('labels with includeSelectors behave like commonLabels', 'labels:\n- pairs:\n    env: prod\n  includeSelectors: true\n'),
  app('labels with includeTemplates but no selectors', 'labels:\n- pairs:\n    env: prod\n  includeTemplates: true\n'),
  app('labels with custom fields', 'labels:\n- pairs:\n    team: x\n  fields:\n  - path: spec/template/metadata/annotations\n    kind: Deployment\n    create: true\n'),
  app('commonLabels win over labels with the same key', 'commonLabels:\n  a: b\nlabels:\n- pairs:\n    a: c\n', {}),
  app('commonAnnotations reach pod templates', 'commonAnnotations:\n  owner: me\n'),
  app('commonAnnotations with a multi-line value', 'commonAnnotations:\n  note: |\n    line one\n    line two\n'),
  app('commonAnnotations on a CronJob', 'commonAnnotations:\n  owner: me\n', { 's.yaml': cronJob }),
  app('an unquoted number as a commonLabels value is refused', 'commonLabels:\n  n1: 5\n', {}, /cannot unmarshal number/),
  // images
  app('images newTag only', 'images:\n- name: nginx\n  newTag: "2"\n'),
  app('images newName only', 'images:\n- name: nginx\n  newName: my.registry/nginx\n'),
  app('images digest', 'images:\n- name: nginx\n  digest: sha256:1111111111111111111111111111111111111111111111111111111111111111\n'),
  app('images on init containers and CronJobs', 'images:\n- name: nginx\n  newName: x/nginx\n  newTag: v3\n', { 's.yaml': cronJob }),
  app('images that match no container change nothing', 'images:\n- name: redis\n  newTag: "7"\n'),
  app('images with a registry port in the name', 'images:\n- name: localhost:5000/app\n  newTag: b\n', {
    'd.yaml': deploy('web').replace('image: nginx:1.25', 'image: localhost:5000/app:a'),
  }),
  app('images keep a digest when only the name changes', 'images:\n- name: nginx\n  newName: mirror/nginx\n', { 's.yaml': cronJob }),
  app('imageTags (deprecated) are appended to images', 'imageTags:\n- name: nginx\n  newTag: "9"\n', {}),
  // replicas
  app('replicas on a StatefulSet', 'replicas:\n- name: db\n  count: 3\n', { 's.yaml': statefulSet }),
  app('replicas with a name that matches nothing is an error', 'replicas:\n- name: nope\n  count: 3\n', {}, /does not match a config/),
  app('replicas given as a string are refused', 'replicas:\n- name: web\n  count: "3"\n', {}, /cannot unmarshal string/),
  app('replicas of zero', 'replicas:\n- name: web\n  count: 0\n'),
  // generators
  app('configMapGenerator with literals containing equals signs and quotes', 'configMapGenerator:\n- name: lit\n  literals:\n  - A=b=c\n  - B="quoted"\n  - C=\'single\'\n  - D=\n'),
  app('configMapGenerator with a file under a different key', 'configMapGenerator:\n- name: f\n  files:\n  - conf=settings.ini\n', { 'settings.ini': '[a]\nb = c\n' }),
  app('configMapGenerator with an env file', 'configMapGenerator:\n- name: e\n  envs:\n  - a.env\n', { 'a.env': 'A=1\n# c\n\nB=two\n' }),
  app('configMapGenerator with the deprecated env field', 'configMapGenerator:\n- name: e\n  env: a.env\n', { 'a.env': 'A=1\n' }),
  app('configMapGenerator with immutable and per-generator labels', 'configMapGenerator:\n- name: i\n  literals: [a=b]\n  options:\n    immutable: true\n    labels:\n      x: yy\n    annotations:\n      z: w\n'),
  app('configMapGenerator with a namespace of its own', 'configMapGenerator:\n- name: ns-cm\n  namespace: elsewhere\n  literals: [a=b]\n'),
  app('secretGenerator with a type', 'secretGenerator:\n- name: tls\n  type: kubernetes.io/tls\n  literals:\n  - tls.crt=c\n  - tls.key=k\n'),
  app('secretGenerator from files', 'secretGenerator:\n- name: sf\n  files:\n  - password.txt\n', { 'password.txt': 'hunter2\n' }),
  app('secretGenerator with disableNameSuffixHash in generatorOptions', 'generatorOptions:\n  disableNameSuffixHash: true\nsecretGenerator:\n- name: plain\n  literals: [a=b]\n'),
  app('generatorOptions labels merge with per-generator labels', 'generatorOptions:\n  labels:\n    a: "1"\n    b: "2"\nconfigMapGenerator:\n- name: g\n  literals: [k=v]\n  options:\n    labels:\n      b: "3"\n'),
  app('a generated ConfigMap hash is referenced by envFrom', 'configMapGenerator:\n- name: cfg\n  behavior: replace\n  literals: [x=y]\n'),
  app('behavior merge on a resource ConfigMap', 'configMapGenerator:\n- name: cfg\n  behavior: merge\n  literals: [b=2]\n'),
  app('behavior create on an existing name is refused', 'configMapGenerator:\n- name: cfg\n  literals: [b=2]\n', {}, /./),
  app('a binary file goes to binaryData', 'configMapGenerator:\n- name: bin\n  files:\n  - blob.bin\n', { 'blob.bin': '\u0000\u0001\u00ff' }),
  {
    name: 'a generator file outside the kustomization root is refused',
    dir: 'app',
    files: { 'app/kustomization.yaml': 'configMapGenerator:\n- name: out\n  files:\n  - ../x.txt\n', 'x.txt': 'secret' },
    error: /security; file '\/x.txt' is not in or below '\/app'/,
  },
  app('an infinite float cannot be printed through JSON', '', { 's.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: inf\ndata: {}\nspec:\n  i: .inf\n' }, /unsupported value/),
  app('a repeated generator key is refused', 'configMapGenerator:\n- name: dup\n  literals:\n  - a=1\n  - a=2\n', {}, /repeats the key/),
  app('a literal without = is refused', 'configMapGenerator:\n- name: bad\n  literals:\n  - novalue\n', {}, /./),
  app('an unknown generator behavior creates, like kustomize', 'configMapGenerator:\n- name: bad\n  behavior: upsert\n  literals: [a=b]\n'),
  app('a missing env file is an error', 'configMapGenerator:\n- name: e\n  envs:\n  - missing.env\n', {}, /./),
  // sorting
  app('legacy order with custom orderFirst and orderLast', 'sortOptions:\n  order: legacy\n  legacySortOptions:\n    orderFirst: [Service]\n    orderLast: [ConfigMap]\n'),
  app('fifo order keeps resources as listed', 'sortOptions:\n  order: fifo\n'),
  app('fifo with legacySortOptions is refused', 'sortOptions:\n  order: fifo\n  legacySortOptions:\n    orderFirst: [Service]\n', {}, /legacySortOptions/),
  app('an unknown sort order is refused', 'sortOptions:\n  order: random\n', {}, /./),
  // kustomization file itself
  app('an unknown kustomization field is refused', 'unknownField: 1\n', {}, /unknown field/),
  app('kustomization field names match case-insensitively like encoding/json', 'NamePrefix: ci-\n'),
  app('a Component kind at the top builds like a Kustomization', 'kind: Component\napiVersion: kustomize.config.k8s.io/v1alpha1\n'),
  app('a wrong kind is refused', 'kind: Deployment\n', {}, /./),
  {
    name: 'Kustomization is accepted as the file name',
    files: { Kustomization: 'resources:\n- s.yaml\n', 's.yaml': svc('a') },
  },
  {
    name: 'kustomization.yml is accepted as the file name',
    files: { 'kustomization.yml': 'resources:\n- s.yaml\n', 's.yaml': svc('a') },
  },
  {
    name: 'two kustomization files in one directory are refused',
    files: { 'kustomization.yml': 'resources: []\n', 'kustomization.yaml': 'resources: []\n' },
    error: /multiple kustomization files|Found multiple/,
  },
  {
    name: 'a directory without a kustomization is refused',
    files: { 'kustomization.yaml': 'resources:\n- sub\n', 'sub/s.yaml': svc('a') },
    error: /./,
  },
  {
    name: 'an empty kustomization is an error',
    files: { 'kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n' },
    error: /kustomization.yaml is empty/,
  },
  {
    name: 'a List kind is split into its items',
    files: {
      'kustomization.yaml': 'resources:\n- l.yaml\n',
      'l.yaml': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: b\n',
    },
  },
  {
    name: 'empty documents and comments in a resource file are skipped',
    files: { 'kustomization.yaml': 'resources:\n- r.yaml\n', 'r.yaml': '# head\n---\n---\n' + svc('a') + '---\n# tail\n' },
  },
  {
    name: 'anchors and aliases in resources are expanded',
    files: {
      'kustomization.yaml': 'resources:\n- r.yaml\n',
      'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: &l\n    x: y\n  annotations: *l\ndata:\n  <<: {m: "1"}\n  n: "2"\n',
    },
  },
  {
    name: 'block scalars, long strings and special characters print like kustomize',
    files: {
      'kustomization.yaml': 'resources:\n- r.yaml\n',
      'r.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: s\ndata:\n  script: |\n    #!/bin/sh\n    echo "hi"\n\n    exit 0\n  folded: >\n    a b\n    c\n  long: ${'word '.repeat(30).trim()}\n  colon: "a: b"\n  hash: "x #y"\n  lead: " space"\n  trail: "space "\n  tab: "a\\tb"\n  unicode: "héllo ✓"\n  star: "*x"\n  bang: "!x"\n  percent: "%x"\n  at: "@x"\n  back: "\`x"\n  brace: "{x}"\n  bracket: "[x]"\n  dash: "- x"\n  question: "? x"\n  pipe: "| x"\n  gt: "> x"\n  amp: "&x"\n  nul: "null"\n  tilde: "~"\n  yes: "yes"\n  no: "n"\n  octal: "0o17"\n  hex: "0x1F"\n  float: "1e3"\n  inf: ".inf"\n  date: "2001-12-14t21:59:43.10-05:00"\n  empty: ""\n`,
    },
  },
  {
    name: 'a plain number as a map key in a resource fails the build like kustomize',
    files: { 'kustomization.yaml': 'resources:\n- r.yaml\n', 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  1: x\n' },
    error: /map key "1" is not a string/,
  },
  {
    name: 'quoted number and boolean map keys in a resource are strings',
    files: { 'kustomization.yaml': 'resources:\n- r.yaml\n', 'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  "1": x\n  \'true\': y\n  on: z\n' },
  },
  {
    name: 'numbers, booleans and nulls in resources print through JSON',
    files: {
      'kustomization.yaml': 'resources:\n- r.yaml\n',
      'r.yaml': 'apiVersion: example.com/v1\nkind: Thing\nmetadata:\n  name: t\nspec:\n  a: 1\n  b: 1.50\n  c: 1e3\n  d: 0x1F\n  e: 0o17\n  f: true\n  g: ~\n  h: null\n  j: -0\n  k: 12345678901234567890\n  l: 1_000\n  m: 2001-12-14\n  n: 0.1\n  o: -1.5e-7\n  p: []\n  q: {}\n',
    },
  },
];
