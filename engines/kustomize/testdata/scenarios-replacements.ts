/** Scenarios for `replacements` (inline and from files). */
import { deploy, type Scenario, svc } from './fixtures.js';

const cm = (name: string, data: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n${data}`;
const one = (name: string, kustomization: string, extra: Record<string, string> = {}, error?: RegExp): Scenario => ({
  name,
  files: {
    'kustomization.yaml': `resources:\n- d.yaml\n- s.yaml\n- c.yaml\n${kustomization}`,
    'd.yaml': deploy('web'),
    's.yaml': svc('web'),
    'c.yaml': cm('env', '  host: db.internal\n  port: "5432"\n  count: "3"\n  flag: "true"\n  path: a/b/c\n  image: reg.io/app:v9\n'),
    ...extra,
  },
  error,
});

export const scenarios: Scenario[] = [
  one('a replacement copies a ConfigMap value into a container image', `replacements:
- source:
    kind: ConfigMap
    name: env
    fieldPath: data.image
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - spec.template.spec.containers.[name=app].image
`),
  one('a replacement into an int field keeps the int type', `replacements:
- source:
    kind: ConfigMap
    name: env
    fieldPath: data.count
  targets:
  - select:
      kind: Deployment
      name: web
    fieldPaths:
    - spec.replicas
`),
  one('a replacement of a non-number into an int field fails', `replacements:
- source:
    kind: ConfigMap
    name: env
    fieldPath: data.host
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - spec.replicas
`, {}, /cannot be decoded as the target's int/),
  one('the default source field is metadata.name and the default target field is metadata.name', `replacements:
- source:
    kind: Service
  targets:
  - select:
      kind: ConfigMap
`),
  one('a replacement with create adds a missing annotation', `replacements:
- source:
    kind: ConfigMap
    name: env
    fieldPath: data.port
  targets:
  - select:
      kind: Service
    fieldPaths:
    - metadata.annotations.port
    options:
      create: true
`),
  one('a created field takes the type its text resolves to', `replacements:
- source:
    kind: ConfigMap
    name: env
    fieldPath: data.port
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - spec.minReadySeconds
    options:
      create: true
`),
  one('a missing target field without create is an error', `replacements:
- source:
    kind: ConfigMap
    name: env
    fieldPath: data.port
  targets:
  - select:
      kind: Service
    fieldPaths:
    - metadata.annotations.port
`, {}, /unable to find field/),
  one('a delimiter and index replace one part of the target', `replacements:
- source:
    kind: ConfigMap
    name: env
    fieldPath: data.host
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - spec.template.spec.containers.0.image
    options:
      delimiter: ':'
      index: 0
`),
  one('a negative index prefixes and a large index suffixes the delimited target', `replacements:
- source:
    kind: ConfigMap
    name: env
    fieldPath: data.host
  targets:
  - select:
      kind: ConfigMap
    fieldPaths:
    - data.path
    options:
      delimiter: /
      index: -1
  - select:
      kind: ConfigMap
    fieldPaths:
    - data.image
    options:
      delimiter: /
      index: 9
`),
  one('a source delimiter picks one part of the source value', `replacements:
- source:
    kind: ConfigMap
    name: env
    fieldPath: data.image
    options:
      delimiter: ':'
      index: 1
  targets:
  - select:
      kind: Service
    fieldPaths:
    - metadata.labels.version
    options:
      create: true
`),
  one('a source index out of bounds is an error', `replacements:
- source:
    kind: ConfigMap
    name: env
    fieldPath: data.image
    options:
      delimiter: ':'
      index: 5
  targets:
  - select:
      kind: Service
`, {}, /out of bounds/),
  one('a source selecting nothing is an error', `replacements:
- source:
    kind: Secret
  targets:
  - select:
      kind: Service
`, {}, /nothing selected/),
  one('a missing source field is an error', `replacements:
- source:
    kind: ConfigMap
    fieldPath: data.nope
  targets:
  - select:
      kind: Service
`, {}, /is missing for replacement source/),
  one('sourceValue sets a literal', `replacements:
- sourceValue: literal-value
  targets:
  - select:
      kind: Service
    fieldPaths:
    - spec.ports.0.name
    options:
      create: true
`),
  one('reject excludes targets by kind', `replacements:
- source:
    kind: ConfigMap
    fieldPath: data.host
  targets:
  - select:
      name: web
    reject:
    - kind: Deployment
    fieldPaths:
    - metadata.annotations.host
    options:
      create: true
`),
  one('select by label selector', `replacements:
- source:
    kind: ConfigMap
    fieldPath: data.host
  targets:
  - select:
      labelSelector: app=web
    fieldPaths:
    - metadata.annotations.host
    options:
      create: true
`, { 'd.yaml': deploy('web').replace('metadata:\n  name: web', 'metadata:\n  name: web\n  labels:\n    app: web') }),
  one('a wildcard path sets every container', `replacements:
- source:
    kind: ConfigMap
    fieldPath: data.image
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - spec.template.spec.containers.*.image
`, { 'd.yaml': deploy('web').replace('      containers:\n', '      containers:\n      - name: side\n        image: busybox\n') }),
  one('a map value replaces a map target', `replacements:
- source:
    kind: Deployment
    fieldPath: spec.selector.matchLabels
  targets:
  - select:
      kind: Service
    fieldPaths:
    - spec.selector
    options:
      create: true
`),
  one('a list selector with create appends a new element', `replacements:
- source:
    kind: ConfigMap
    fieldPath: data.host
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - spec.template.spec.containers.[name=app].env.[name=DB_HOST].value
    options:
      create: true
`),
  one('replacements from a file holding a list', 'replacements:\n- path: r.yaml\n', {
    'r.yaml': '- source:\n    kind: ConfigMap\n    fieldPath: data.port\n  targets:\n  - select:\n      kind: Service\n    fieldPaths:\n    - spec.ports.0.targetPort\n',
  }),
  one('replacements from a file holding one replacement', 'replacements:\n- path: r.yaml\n', {
    'r.yaml': 'source:\n  kind: ConfigMap\n  fieldPath: data.flag\ntargets:\n- select:\n    kind: Service\n  fieldPaths:\n  - metadata.annotations.flag\n  options:\n    create: true\n',
  }),
  one('a replacement with both path and inline source is an error', 'replacements:\n- path: r.yaml\n  source:\n    kind: ConfigMap\n', {
    'r.yaml': '[]\n',
  }, /cannot specify both path and inline/),
  one('a replacement without targets is an error', 'replacements:\n- source:\n    kind: ConfigMap\n', {}, /must specify a source and at least one target/),
  {
    name: 'replacements see names after namePrefix and select by the original name',
    files: {
      'kustomization.yaml': `namePrefix: p-
resources:
- d.yaml
- s.yaml
replacements:
- source:
    kind: Service
    name: web
  targets:
  - select:
      kind: Deployment
      name: web
    fieldPaths:
    - metadata.annotations.svc
    options:
      create: true
`,
      'd.yaml': deploy('web'),
      's.yaml': svc('web'),
    },
  },
  {
    name: 'an overlay replacement reads a value the base generated with a hash',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- d.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\n',
      'base/d.yaml': deploy('web'),
      'overlay/kustomization.yaml': `resources:
- ../base
replacements:
- source:
    kind: ConfigMap
    name: cfg
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - metadata.annotations.cfg-name
    options:
      create: true
`,
    },
  },
  {
    name: 'a replacement in a component applies to the including kustomization',
    files: {
      'kustomization.yaml': 'resources:\n- d.yaml\n- c.yaml\ncomponents:\n- comp\n',
      'd.yaml': deploy('web'),
      'c.yaml': cm('env', '  tag: "2.0"\n'),
      'comp/kustomization.yaml': `apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
replacements:
- source:
    kind: ConfigMap
    fieldPath: data.tag
  targets:
  - select:
      kind: Deployment
    fieldPaths:
    - spec.template.metadata.annotations.tag
    options:
      create: true
`,
    },
  },
];
