/** Scenarios for strategic merge patches and JSON 6902 patches (inline, files, targets, options). */
import { deploy, type Scenario, svc } from './fixtures.js';

const base: Record<string, string> = {
  'd.yaml': deploy('web', '---\n' + deploy('api').replace('name: api\n', 'name: api\n  labels:\n    tier: backend\n  annotations:\n    team: core\n')),
  's.yaml': svc('web'),
  'c.yaml': 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  items:\n  - name: a\n    v: 1\n  - name: b\n    v: 2\n  tags: [x, y]\n  nested:\n    keep: me\n    drop: me\n',
};

/** A kustomization with the given patches over two Deployments, a Service and a custom resource. */
const patched = (name: string, kustomization: string, extra: Record<string, string> = {}, error?: RegExp): Scenario => ({
  name,
  files: { 'kustomization.yaml': `resources:\n- d.yaml\n- s.yaml\n- c.yaml\n${kustomization}`, ...base, ...extra },
  error,
});

const smp = (body: string, kind = 'Deployment', nm = 'web', api = 'apps/v1'): string =>
  `apiVersion: ${api}\nkind: ${kind}\nmetadata:\n  name: ${nm}\n${body}`;
const inline = (patch: string, target = ''): string =>
  `patches:\n- ${target ? `target:\n${target.replace(/^/gm, '    ')}\n  ` : ''}patch: |-\n${patch.replace(/^/gm, '    ')}\n`;

export const scenarios: Scenario[] = [
  // strategic merge
  patched('a strategic merge patch adds a container env var by merge key', inline(smp('spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        env:\n        - name: X\n          value: "1"'))),
  patched('a strategic merge patch replaces a scalar', inline(smp('spec:\n  replicas: 9'))),
  patched('a null in a strategic merge patch deletes the field', inline(smp('spec:\n  template:\n    spec:\n      volumes: null'))),
  patched('$patch: delete on a list element removes it', inline(smp('spec:\n  template:\n    spec:\n      volumes:\n      - name: data\n        $patch: delete'))),
  patched('$patch: replace on a map replaces it whole', inline(smp('spec:\n  selector:\n    $patch: replace\n    matchLabels:\n      other: x'))),
  patched('$patch: replace on a list replaces it whole', inline(smp('spec:\n  template:\n    spec:\n      containers:\n      - $patch: replace\n      - name: only\n        image: busybox'))),
  patched('$patch: delete on the whole resource removes it', inline(smp('$patch: delete'))),
  patched('a patch adding a new container puts it first', inline(smp('spec:\n  template:\n    spec:\n      containers:\n      - name: sidecar\n        image: envoy'))),
  patched('ports merge by containerPort', inline(smp('spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        ports:\n        - containerPort: 80\n          name: http'))),
  patched('a primitive list in a patch replaces the original', inline(smp('spec:\n  template:\n    spec:\n      containers:\n      - name: app\n        args: [a, b]'))),
  patched('a strategic merge patch on a Service merges ports by port', inline(smp('spec:\n  ports:\n  - port: 80\n    name: http\n  - port: 443\n    targetPort: 8443', 'Service', 'web', 'v1'))),
  patched('a strategic merge patch on a custom resource replaces lists (JSON merge)', inline(smp('spec:\n  items:\n  - name: c\n    v: 3\n  nested:\n    drop: null', 'Widget', 'w', 'example.com/v1'))),
  patched('a strategic merge patch adds labels and annotations', inline('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    new: label\n  annotations:\n    new: annotation')),
  patched('a strategic merge patch from a file', 'patches:\n- path: p.yaml\n', { 'p.yaml': smp('spec:\n  replicas: 4\n') }),
  patched('a file with several patches applies them all', 'patches:\n- path: p.yaml\n', { 'p.yaml': smp('spec:\n  replicas: 4\n') + '---\n' + smp('spec:\n  replicas: 5\n', 'Deployment', 'api') }),
  patched('patchesStrategicMerge from files', 'patchesStrategicMerge:\n- p.yaml\n', { 'p.yaml': smp('spec:\n  replicas: 6\n') }),
  patched('patchesStrategicMerge inline', `patchesStrategicMerge:\n- |-\n${smp('spec:\n  replicas: 6').replace(/^/gm, '  ')}\n`),
  patched('a strategic merge patch that names no resource is an error', inline(smp('spec:\n  replicas: 1', 'Deployment', 'nope')), {}, /./),
  patched('patches with the same target applied in order', inline(smp('spec:\n  replicas: 2')) + `- patch: |-\n${smp('spec:\n  replicas: 3').replace(/^/gm, '    ')}\n`),
  patched('$setElementOrder, $retainKeys and $deleteFromPrimitiveList pass through as plain fields, as in kustomize',
    inline(smp('spec:\n  template:\n    spec:\n      $setElementOrder/containers:\n      - name: app\n      $retainKeys: [containers]\n      $deleteFromPrimitiveList/finalizers: [x]'))),
  patched('finalizers merge as a set with the patch values first', inline(smp('metadata:\n  name: web\n  finalizers: [b, c]').replace('metadata:\n  name: web\nmetadata:\n', 'metadata:\n')), {
    'd.yaml': deploy('web').replace('name: web\n', 'name: web\n  finalizers: [a, b]\n'),
  }),
  // targets
  patched('a target by kind patches every Deployment', inline(smp('spec:\n  replicas: 2', 'Deployment', 'ignored'), 'kind: Deployment')),
  patched('a target by label selector', inline(smp('spec:\n  replicas: 2', 'Deployment', 'ignored'), 'labelSelector: tier=backend')),
  patched('a target by annotation selector', inline(smp('spec:\n  replicas: 2', 'Deployment', 'ignored'), 'annotationSelector: team=core')),
  patched('a target by a negated label selector', inline(smp('spec:\n  replicas: 2', 'Deployment', 'ignored'), 'kind: Deployment\nlabelSelector: tier!=backend')),
  patched('a target by set-based label selector', inline(smp('spec:\n  replicas: 2', 'Deployment', 'ignored'), 'labelSelector: tier in (backend,frontend)')),
  patched('a target by name regex', inline(smp('spec:\n  replicas: 2', 'Deployment', 'ignored'), 'name: "a.*"')),
  patched('a target by group and version', inline(smp('spec:\n  replicas: 2', 'Deployment', 'ignored'), 'group: apps\nversion: v1\nkind: Deployment\nname: web')),
  patched('a target that selects nothing patches nothing', inline(smp('spec:\n  replicas: 2', 'Deployment', 'ignored'), 'kind: StatefulSet')),
  patched('a target patch keeps the target name unless allowNameChange', inline(smp('spec:\n  replicas: 2', 'Deployment', 'renamed'), 'kind: Deployment\nname: web')),
  patched('allowNameChange lets a patch rename its target',
    `patches:\n- target:\n    kind: Deployment\n    name: web\n  options:\n    allowNameChange: true\n  patch: |-\n${smp('spec:\n  replicas: 2', 'Deployment', 'renamed').replace(/^/gm, '    ')}\n`),
  patched('a target with a namespace selects by namespace', inline(smp('spec:\n  replicas: 2', 'Deployment', 'ignored'), 'namespace: default')),
  // JSON 6902
  patched('JSON 6902 replace of an int with YAML ops', inline('- op: replace\n  path: /spec/replicas\n  value: 3', 'kind: Deployment\nname: web')),
  patched('JSON 6902 ops written as JSON', inline('[{"op": "add", "path": "/metadata/annotations", "value": {"a": "b"}}]', 'kind: Service')),
  patched('JSON 6902 add to the end of a list with -', inline('- op: add\n  path: /spec/template/spec/containers/-\n  value:\n    name: tail\n    image: busybox', 'kind: Deployment\nname: web')),
  patched('JSON 6902 add at index 0', inline('- op: add\n  path: /spec/template/spec/containers/0\n  value:\n    name: head\n    image: busybox', 'kind: Deployment\nname: web')),
  patched('JSON 6902 copy of a map', inline('- op: copy\n  from: /spec/selector/matchLabels\n  path: /metadata/labels', 'kind: Deployment\nname: web')),
  patched('JSON 6902 move of a field', inline('- op: move\n  from: /spec/replicas\n  path: /spec/minReadySeconds', 'kind: Deployment\nname: web')),
  patched('JSON 6902 test that passes', inline('- op: test\n  path: /spec/replicas\n  value: 1\n- op: replace\n  path: /spec/replicas\n  value: 2', 'kind: Deployment\nname: web')),
  patched('JSON 6902 test that fails is an error', inline('- op: test\n  path: /spec/replicas\n  value: 5', 'kind: Deployment\nname: web'), {}, /./),
  patched('JSON 6902 escaped path segments', inline('- op: add\n  path: /metadata/annotations\n  value: {}\n- op: add\n  path: /metadata/annotations/example.com~1key\n  value: v', 'kind: Service')),
  patched('JSON 6902 remove of a missing path is an error', inline('- op: remove\n  path: /spec/nothing', 'kind: Service'), {}, /./),
  patched('JSON 6902 YAML 1.1 values: yes and on become true', inline('- op: add\n  path: /metadata/annotations\n  value:\n    a: "yes"\n- op: add\n  path: /spec/paused\n  value: yes', 'kind: Deployment\nname: web')),
  patched('JSON 6902 numbers keep their JSON form', inline('- op: add\n  path: /spec/minReadySeconds\n  value: 010\n- op: add\n  path: /spec/progressDeadlineSeconds\n  value: 1.0', 'kind: Deployment\nname: web')),
  patched('patchesJson6902 inline', 'patchesJson6902:\n- target:\n    version: v1\n    kind: Service\n    name: web\n  patch: |-\n    - op: replace\n      path: /spec/ports/0/port\n      value: 8080\n'),
  patched('patchesJson6902 from a JSON file', 'patchesJson6902:\n- target:\n    version: v1\n    kind: Service\n    name: web\n  path: p.json\n', {
    'p.json': '[{"op":"replace","path":"/spec/ports/0/port","value":9090}]',
  }),
  patched('a patch with both path and patch is an error', 'patches:\n- path: p.yaml\n  patch: "x"\n', { 'p.yaml': smp('spec: {}\n') }, /./),
  patched('a patch file that is missing is an error', 'patches:\n- path: missing.yaml\n', {}, /./),
  patched('a JSON 6902 patch on a custom resource list element', inline('- op: replace\n  path: /spec/items/1/v\n  value: 20\n- op: remove\n  path: /spec/tags/0', 'kind: Widget')),
];
