/** Scenarios for `configurations`: transformer configs merged into the builtin field specs. */
import { deploy, type Scenario } from './fixtures.js';

/** A custom kind with fields no builtin config knows. */
const app = (name: string, extra = ''): string => `apiVersion: example.com/v1
kind: App
metadata:
  name: ${name}
spec:
  image: nginx:1.25
  configRef: cfg
  secretRef:
    name: creds
  size: 1
  target: web
  containers:
  - name: main
    image: redis:7
  - name: side
    image: busybox
  sidecars:
  - image: busybox:1.0
  - image: alpine
${extra}`;

const cm = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cfg
data:
  a: "1"
`;

const nameRefConfig = `nameReference:
- kind: ConfigMap
  version: v1
  fieldSpecs:
  - kind: App
    path: spec/configRef
- kind: Secret
  fieldSpecs:
  - kind: App
    path: spec/secretRef/name
`;

const k = (name: string, kustomization: string, files: Record<string, string> = {}, error?: RegExp): Scenario => ({
  name,
  files: {
    'kustomization.yaml': `resources:\n- app.yaml\n${kustomization}`,
    'app.yaml': app('shop'),
    ...files,
  },
  error,
});

export const scenarios: Scenario[] = [
  k('a configured nameReference follows a generated ConfigMap hash into a custom kind', `configurations:
- config.yaml
configMapGenerator:
- name: cfg
  literals: [a=1]
secretGenerator:
- name: creds
  literals: [p=x]
`, { 'config.yaml': nameRefConfig }),
  k('without the configuration the custom field keeps the unhashed name', `configMapGenerator:
- name: cfg
  literals: [a=1]
`),
  {
    name: 'a configured nameReference follows namePrefix and nameSuffix into a custom kind',
    files: {
      'kustomization.yaml': 'resources:\n- app.yaml\n- cm.yaml\nnamePrefix: p-\nnameSuffix: -s\nconfigurations:\n- config.yaml\n',
      'app.yaml': app('shop'),
      'cm.yaml': cm,
      'config.yaml': nameRefConfig,
    },
  },
  k('configured image field specs let images update a custom kind', `configurations:
- images.yaml
images:
- name: nginx
  newTag: "1.27"
- name: redis
  newName: registry.local/redis
  digest: sha256:24a0c4b4a4c0eb97a1aabb8e29f18e917d05abfe1b7a7c07857230879ce7d3d3
`, { 'images.yaml': 'images:\n- kind: App\n  path: spec/image\n' }),
  k('a kind-specific image spec with the create of a general builtin spec at the same path is an error', `configurations:
- images.yaml
images:
- name: busybox
  newTag: "1.36"
`, { 'images.yaml': 'images:\n- kind: App\n  path: spec/containers[]/image\n' }, /conflicting fieldspecs/),
  k('image field specs through a list path reach every element', `configurations:
- images.yaml
images:
- name: busybox
  newTag: "1.36"
`, { 'images.yaml': 'images:\n- kind: App\n  path: spec/sidecars[]/image\n' }),
  k('configured commonLabels paths create a custom selector', `configurations:
- labels.yaml
commonLabels:
  team: blue
`, { 'labels.yaml': 'commonLabels:\n- kind: App\n  path: spec/selector/matchLabels\n  create: true\n' }),
  k('a commonLabels path without create only updates an existing map', `configurations:
- labels.yaml
commonLabels:
  team: blue
`, { 'labels.yaml': 'commonLabels:\n- kind: App\n  path: spec/selector/matchLabels\n' }),
  k('configured commonAnnotations paths reach a custom kind', `configurations:
- ann.yaml
commonAnnotations:
  owner: ops
`, { 'ann.yaml': 'commonAnnotations:\n- kind: App\n  path: spec/template/annotations\n  create: true\n' }),
  k('configured templateLabels are used by labels with includeTemplates', `configurations:
- tl.yaml
labels:
- pairs:
    tier: web
  includeTemplates: true
`, { 'tl.yaml': 'templateLabels:\n- kind: App\n  path: spec/podLabels\n  create: true\n' }),
  k('configured labels field specs are used by every labels entry', `configurations:
- l.yaml
labels:
- pairs:
    tier: web
`, { 'l.yaml': 'labels:\n- kind: App\n  path: spec/extraLabels\n  create: true\n' }),
  k('a configured namespace field spec sets a custom field', `configurations:
- ns.yaml
namespace: prod
`, { 'ns.yaml': 'namespace:\n- kind: App\n  path: spec/targetNamespace\n  create: true\n' }),
  k('a configured namePrefix field spec prefixes a custom field too', `configurations:
- np.yaml
namePrefix: p-
nameSuffix: -s
`, { 'np.yaml': 'namePrefix:\n- kind: App\n  path: spec/target\nnameSuffix:\n- kind: App\n  path: spec/target\n' }),
  k('a kind-specific metadata/name prefix spec replaces the general one for every kind', `resources:
- d.yaml
configurations:
- np.yaml
namePrefix: p-
`, { 'np.yaml': 'namePrefix:\n- kind: App\n  path: metadata/name\n', 'd.yaml': deploy('web') }),
  k('configured replicas field specs let replicas set a custom count', `configurations:
- r.yaml
replicas:
- name: shop
  count: 3
`, { 'r.yaml': 'replicas:\n- kind: App\n  path: spec/size\n' }),
  k('replicas naming only a custom kind without a config is an error', `replicas:
- name: shop
  count: 3
`, {}, /does not match a config|resource with name/),
  k('configured varReference lets vars expand in a custom field', `resources:
- cm.yaml
configurations:
- v.yaml
vars:
- name: CFG
  objref:
    kind: ConfigMap
    name: cfg
    apiVersion: v1
  fieldref:
    fieldpath: data.a
`, { 'v.yaml': 'varReference:\n- kind: App\n  path: spec/target\n', 'cm.yaml': cm, 'app.yaml': app('shop').replace('target: web', 'target: svc-$(CFG)') }),
  k('two configuration files are merged', `configurations:
- images.yaml
- labels.yaml
images:
- name: nginx
  newTag: "2"
commonLabels:
  a: b
`, {
    'images.yaml': 'images:\n- kind: App\n  path: spec/image\n',
    'labels.yaml': 'commonLabels:\n- kind: App\n  path: spec/selector\n  create: true\n',
  }),
  k('a configuration repeating a builtin field spec changes nothing', `configurations:
- c.yaml
commonLabels:
  a: b
`, { 'c.yaml': 'commonLabels:\n- path: metadata/labels\n  create: true\n' }),
  k('an empty configuration file is accepted', `configurations:
- c.yaml
commonLabels:
  a: b
`, { 'c.yaml': '' }),
  k('yes reads as true for create in a configuration (YAML 1.1)', `configurations:
- c.yaml
commonLabels:
  a: b
`, { 'c.yaml': 'commonLabels:\n- kind: App\n  path: spec/sel\n  create: yes\n' }),
  k('a missing configuration file is an error', 'configurations:\n- nope.yaml\n', {}, /nope\.yaml/),
  k('an unknown field in a configuration file is an error', 'configurations:\n- c.yaml\n', {
    'c.yaml': 'commonLabel:\n- path: a\n',
  }, /unknown field|commonLabel/),
  k('a quoted create in a configuration file is an error', 'configurations:\n- c.yaml\n', {
    'c.yaml': 'commonLabels:\n- kind: App\n  path: spec/sel\n  create: "true"\n',
  }, /create|bool/),
  k('a configuration spec conflicting in create with another of the same path is an error', 'configurations:\n- c.yaml\n', {
    'c.yaml': 'commonLabels:\n- kind: App\n  path: metadata/labels\n  create: false\n',
  }, /conflicting fieldspecs/),
  {
    name: 'a configuration file outside the kustomization root is refused',
    dir: 'app',
    files: {
      'app/kustomization.yaml': 'resources:\n- app.yaml\nconfigurations:\n- ../c.yaml\n',
      'app/app.yaml': app('shop'),
      'c.yaml': 'images:\n- kind: App\n  path: spec/image\n',
    },
    error: /security|not in or below/,
  },
  {
    name: 'configurations of a base reach the overlay name references and transformers',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- app.yaml\nconfigurations:\n- config.yaml\n',
      'base/app.yaml': app('shop'),
      'base/config.yaml': `${nameRefConfig}images:\n- kind: App\n  path: spec/image\n`,
      'overlay/kustomization.yaml': `resources:
- ../base
namePrefix: prod-
images:
- name: nginx
  newTag: "9"
configMapGenerator:
- name: cfg
  literals: [x=y]
`,
    },
  },
  {
    name: 'configurations of an overlay do not change how its base was transformed',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- app.yaml\ncommonLabels:\n  base: "yes"\n',
      'base/app.yaml': app('shop'),
      'overlay/kustomization.yaml': 'resources:\n- ../base\nconfigurations:\n- l.yaml\ncommonLabels:\n  top: "yes"\n',
      'overlay/l.yaml': 'commonLabels:\n- kind: App\n  path: spec/selector\n  create: true\n',
    },
  },
  {
    name: 'configurations of one base do not apply to a sibling base',
    files: {
      'kustomization.yaml': 'resources:\n- a\n- b\n',
      'a/kustomization.yaml': 'resources:\n- app.yaml\nconfigurations:\n- l.yaml\ncommonLabels:\n  side: a\n',
      'a/app.yaml': app('one'),
      'a/l.yaml': 'commonLabels:\n- kind: App\n  path: spec/selector\n  create: true\n',
      'b/kustomization.yaml': 'resources:\n- app.yaml\ncommonLabels:\n  side: b\n',
      'b/app.yaml': app('two'),
    },
  },
  {
    name: 'configurations of a component apply to the transformers of the kustomization using it',
    files: {
      'kustomization.yaml': 'resources:\n- app.yaml\ncomponents:\n- comp\ncommonLabels:\n  top: "yes"\n',
      'app.yaml': app('shop'),
      'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nconfigurations:\n- l.yaml\n',
      'comp/l.yaml': 'commonLabels:\n- kind: App\n  path: spec/selector\n  create: true\n',
    },
  },
  {
    name: 'a configured nameReference to a custom kind follows its prefixed name',
    files: {
      'kustomization.yaml': 'resources:\n- app.yaml\n- route.yaml\nnamePrefix: x-\nconfigurations:\n- c.yaml\n',
      'app.yaml': app('shop'),
      'route.yaml': 'apiVersion: example.com/v1\nkind: Route\nmetadata:\n  name: r\nspec:\n  apps:\n  - name: shop\n    weight: 1\n  - name: other\n    weight: 2\n',
      'c.yaml': 'nameReference:\n- kind: App\n  group: example.com\n  fieldSpecs:\n  - kind: Route\n    path: spec/apps\n',
    },
  },
  {
    name: 'a configured nameReference from a builtin kind annotation follows a generated Secret',
    files: {
      'kustomization.yaml': 'resources:\n- d.yaml\nconfigurations:\n- c.yaml\nsecretGenerator:\n- name: tls\n  literals: [k=v]\n',
      'd.yaml': deploy('web').replace('metadata:\n  name: web\n', 'metadata:\n  name: web\n  annotations:\n    tls-secret: tls\n'),
      'c.yaml': 'nameReference:\n- kind: Secret\n  version: v1\n  fieldSpecs:\n  - kind: Deployment\n    path: metadata/annotations/tls-secret\n',
    },
  },
  k('a configuration file may be JSON', `configurations:
- c.json
images:
- name: nginx
  newName: mirror/nginx
`, { 'c.json': '{"images": [{"kind": "App", "path": "spec/image"}]}' }),
  k('a nameReference entry without fieldSpecs changes nothing', `configurations:
- c.yaml
configMapGenerator:
- name: cfg
  literals: [a=1]
`, { 'c.yaml': 'nameReference:\n- kind: ConfigMap\n  version: v1\n' }),
  k('a configured namespace field spec without create leaves a missing field missing', `configurations:
- ns.yaml
namespace: prod
`, { 'ns.yaml': 'namespace:\n- kind: App\n  path: spec/targetNamespace\n' }),
  k('a configured image spec on a builtin kind updates that field', `resources:
- d.yaml
configurations:
- c.yaml
images:
- name: nginx
  newTag: "1.27"
`, {
    'd.yaml': deploy('web').replace('  template:\n    metadata:\n', '  template:\n    metadata:\n      annotations:\n        mirror: nginx:1.25\n'),
    'c.yaml': 'images:\n- kind: Deployment\n  path: spec/template/metadata/annotations/mirror\n',
  }),
  k('a nameSuffix field spec for a custom kind follows the generated hash through a nameReference', `configurations:
- c.yaml
nameSuffix: -v2
configMapGenerator:
- name: cfg
  literals: [a=1]
`, { 'c.yaml': `${nameRefConfig}nameSuffix:\n- kind: App\n  path: spec/target\n` }),
  {
    name: 'configurations and crds of the same kustomization are both used',
    files: {
      'kustomization.yaml': 'resources:\n- app.yaml\nconfigurations:\n- c.yaml\ncrds:\n- crd.json\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\nsecretGenerator:\n- name: creds\n  literals: [p=x]\n',
      'app.yaml': app('shop'),
      'c.yaml': 'nameReference:\n- kind: ConfigMap\n  version: v1\n  fieldSpecs:\n  - kind: App\n    path: spec/configRef\n',
      'crd.json': JSON.stringify({
        'com.example.v1.App': { Schema: { properties: { apiVersion: {}, kind: {}, metadata: {}, spec: { $ref: 'spec' } } } },
        spec: { Schema: { properties: { secretRef: { 'x-kubernetes-object-ref-api-version': 'v1', 'x-kubernetes-object-ref-kind': 'Secret' } } } },
      }),
    },
  },
  {
    name: 'configs of two overlays of one base meet at the top for name references',
    dir: 'top',
    files: {
      'base/kustomization.yaml': 'resources:\n- app.yaml\n- cm.yaml\n',
      'base/app.yaml': app('shop'),
      'base/cm.yaml': cm,
      'one/kustomization.yaml': 'resources:\n- ../base\nnamePrefix: one-\nconfigurations:\n- c.yaml\n',
      'one/c.yaml': 'nameReference:\n- kind: ConfigMap\n  version: v1\n  fieldSpecs:\n  - kind: App\n    path: spec/configRef\n',
      'two/kustomization.yaml': 'resources:\n- ../base\nnamePrefix: two-\n',
      'top/kustomization.yaml': 'resources:\n- ../one\n- ../two\n',
    },
  },
  {
    name: 'a varReference configured in a base serves vars declared in the overlay',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- app.yaml\n- cm.yaml\nconfigurations:\n- v.yaml\n',
      'base/app.yaml': app('shop').replace('target: web', 'target: $(CFG_A)'),
      'base/cm.yaml': cm,
      'base/v.yaml': 'varReference:\n- kind: App\n  path: spec/target\n',
      'overlay/kustomization.yaml': 'resources:\n- ../base\nnamePrefix: o-\nvars:\n- name: CFG_A\n  objref:\n    kind: ConfigMap\n    name: cfg\n    apiVersion: v1\n  fieldref:\n    fieldpath: metadata.name\n',
    },
  },
  {
    name: 'configurations of a component inside a base reach the overlay name references',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- app.yaml\ncomponents:\n- ../comp\n',
      'base/app.yaml': app('shop'),
      'comp/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nconfigurations:\n- c.yaml\n',
      'comp/c.yaml': nameRefConfig,
      'overlay/kustomization.yaml': 'resources:\n- ../base\nsecretGenerator:\n- name: creds\n  literals: [k=v]\nconfigMapGenerator:\n- name: cfg\n  literals: [k=v]\n',
    },
  },
  k('a labels entry field equal to a configured labels spec is applied once', `configurations:
- l.yaml
labels:
- pairs:
    tier: web
  fields:
  - kind: App
    path: spec/extraLabels
    create: true
`, { 'l.yaml': 'labels:\n- kind: App\n  path: spec/extraLabels\n  create: true\n' }),
  k('a configured commonLabels path through a scalar fails like kustomize', 'configurations:\n- c.yaml\ncommonLabels:\n  a: b\n',
    { 'c.yaml': 'commonLabels:\n- kind: App\n  path: spec/image/labels\n  create: true\n' }, /expected sequence or mapping node/),
  k('a configured commonLabels path ending on a scalar fails like kustomize', 'configurations:\n- c.yaml\ncommonLabels:\n  a: b\n',
    { 'c.yaml': 'commonLabels:\n- kind: App\n  path: spec/image\n' }, /expected MappingNode/),
  k('a configured commonAnnotations path through scalar list elements fails like kustomize', 'configurations:\n- c.yaml\ncommonAnnotations:\n  a: b\n',
    { 'c.yaml': 'commonAnnotations:\n- kind: App\n  path: spec/containers/image/notes\n  create: true\n' }, /expected sequence or mapping node/),
  k('a configured namePrefix path on a map fails like kustomize', 'configurations:\n- c.yaml\nnamePrefix: p-\n',
    { 'c.yaml': 'namePrefix:\n- kind: App\n  path: spec/secretRef\n' }, /expected ScalarNode/),
  k('a configured nameSuffix path on a list fails like kustomize', 'configurations:\n- c.yaml\nnameSuffix: -s\n',
    { 'c.yaml': 'nameSuffix:\n- kind: App\n  path: spec/containers\n' }, /expected ScalarNode/),
  k('a configured namespace path on a map fails like kustomize', 'configurations:\n- c.yaml\nnamespace: prod\n',
    { 'c.yaml': 'namespace:\n- kind: App\n  path: spec/secretRef\n' }, /scalar/),
  k('a configured namePrefix path on a number prefixes its text', 'configurations:\n- c.yaml\nnamePrefix: p-\n',
    { 'c.yaml': 'namePrefix:\n- kind: App\n  path: spec/size\n' }),
  k('a labels entry field conflicting in create with a configured labels spec fails like kustomize', 'configurations:\n- c.yaml\nlabels:\n- pairs:\n    a: b\n  fields:\n  - kind: App\n    path: spec/extra\n    create: false\n',
    { 'c.yaml': 'labels:\n- kind: App\n  path: spec/extra\n  create: true\n' }, /failed to merge labels: conflicting fieldspecs/),
  {
    name: 'a labels entry field conflicting in create with a builtin selector spec fails like kustomize',
    files: {
      'kustomization.yaml': 'resources:\n- d.yaml\nlabels:\n- pairs:\n    a: b\n  includeSelectors: true\n  fields:\n  - kind: Deployment\n    path: spec/selector/matchLabels\n    create: false\n',
      'd.yaml': deploy('web'),
    },
    error: /failed to merge labels: conflicting fieldspecs/,
  },
  k('a general labels entry field and a kind-specific configured labels spec are both applied', 'configurations:\n- c.yaml\nlabels:\n- pairs:\n    a: b\n  fields:\n  - path: spec/extra\n    create: true\n',
    { 'c.yaml': 'labels:\n- kind: App\n  path: spec/extra\n  create: true\n' }),
  k('a kind-specific templateLabels spec on metadata/labels with another create fails like kustomize', 'configurations:\n- c.yaml\nlabels:\n- pairs:\n    a: b\n  includeTemplates: true\n',
    { 'c.yaml': 'templateLabels:\n- kind: App\n  path: metadata/labels\n' }, /conflicting fieldspecs/),
];
