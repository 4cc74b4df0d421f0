/**
 * Random trees exercising builtin plugin configs (transformers, generators, validators) with kustomization
 * fields, overlays and buildMetadata, for the differential test against kustomize v5.7.1. Deterministic
 * for a seed.
 */
import { deploy, type Scenario, svc } from './fixtures.js';

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

const cm = (name: string): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  path: /srv/data/file.txt\n  k: v\n`;
const rb = 'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: rb\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: r\nsubjects:\n- kind: ServiceAccount\n  name: default\n- kind: ServiceAccount\n  name: robot\n';
const inline = (cfg: string): string => '- |-\n' + cfg.trimEnd().split('\n').map((l) => '  ' + l).join('\n') + '\n';
const plugin = (kind: string, name: string, body: string): string => `apiVersion: builtin\nkind: ${kind}\nmetadata:\n  name: ${name}\n${body}`;

/** Transformer configs: each a function of a unique suffix. */
const transformers: ((i: number) => string)[] = [
  (i) => plugin('LabelTransformer', `l${i}`, `labels:\n  l${i}: v${i}\nfieldSpecs:\n- path: metadata/labels\n  create: true\n- kind: Deployment\n  path: spec/selector/matchLabels\n  create: true\n`),
  (i) => plugin('AnnotationsTransformer', `a${i}`, `annotations:\n  a${i}: v${i}\nfieldSpecs:\n- path: metadata/annotations\n  create: true\n`),
  (i) => plugin('PrefixTransformer', `p${i}`, `prefix: p${i}-\nfieldSpecs:\n- path: metadata/name\n`),
  (i) => plugin('SuffixTransformer', `s${i}`, `suffix: -s${i}\nfieldSpecs:\n- kind: ConfigMap\n  path: metadata/name\n`),
  (i) => plugin('NamespaceTransformer', `n${i}`, `fieldSpecs:\n- path: metadata/namespace\n  create: true\n${i % 2 ? 'unsetOnly: true\n' : ''}${i % 3 === 0 ? 'setRoleBindingSubjects: allServiceAccounts\n' : ''}`)
    .replace(`  name: n${i}\n`, `  name: n${i}\n  namespace: ns${i}\n`),
  (i) => plugin('ImageTagTransformer', `i${i}`, `imageTag:\n  name: nginx\n  newTag: "1.${i}"\nfieldSpecs:\n- path: spec/template/spec/containers/image\n`),
  (i) => plugin('ReplicaCountTransformer', `r${i}`, `replica:\n  name: web\n  count: ${i + 2}\nfieldSpecs:\n- kind: Deployment\n  path: spec/replicas\n`),
  (i) => plugin('PatchTransformer', `pt${i}`, `target:\n  kind: Deployment\npatch: |-\n  apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: any\n  spec:\n    minReadySeconds: ${i}\n`),
  (i) => plugin('PatchJson6902Transformer', `j${i}`, `target:\n  version: v1\n  kind: Service\n  name: .*web.*\njsonOp: '[{"op": "add", "path": "/metadata/labels", "value": {"j${i}": "x"}}]'\n`),
  (i) => plugin('ValueAddTransformer', `v${i}`, `value: site${i}\ntargets:\n- selector:\n    kind: ConfigMap\n  fieldPath: data/path\n  filePathPosition: ${i % 4}\n`),
  (i) => plugin('ReplacementTransformer', `rp${i}`, `replacements:\n- source:\n    kind: Service\n  targets:\n  - select:\n      kind: ConfigMap\n    fieldPaths:\n    - data.svc${i}\n    options:\n      create: true\n`),
  (i) => plugin('HashTransformer', `h${i}`, ''),
];

const generators: ((i: number) => string)[] = [
  (i) => plugin('ConfigMapGenerator', `g${i}`, `literals:\n- x=${i}\n`),
  (i) => plugin('SecretGenerator', `sg${i}`, `literals:\n- s=${i}\noptions:\n  disableNameSuffixHash: ${i % 2 ? 'true' : 'false'}\n`),
  (i) => plugin('IAMPolicyGenerator', `iam${i}`, `cloud: gke\nkubernetesService:\n  name: ksa${i}\nserviceAccount:\n  name: gsa${i}\n  projectId: proj\n`),
];

const fields: ((r: () => number) => string)[] = [
  () => 'namePrefix: f-\n',
  () => 'nameSuffix: -f\n',
  () => 'namespace: fieldns\n',
  () => 'commonLabels:\n  common: "yes"\n',
  () => 'commonAnnotations:\n  note: field\n',
  () => 'configMapGenerator:\n- name: cfg\n  literals: [c=1]\n',
  () => 'images:\n- name: nginx\n  newName: registry.example.com/nginx\n',
];

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

function kustomization(r: () => number, resources: string[], start: number): string {
  let k = `resources:\n${resources.map((x) => `- ${x}\n`).join('')}`;
  for (const f of fields) if (r() < 0.25) k += f(r);
  const nt = Math.floor(r() * 4);
  if (nt > 0) {
    k += 'transformers:\n';
    for (let i = 0; i < nt; i++) k += inline(pick(r, transformers)(start + i));
  }
  const ng = Math.floor(r() * 3);
  if (ng > 0) {
    k += 'generators:\n';
    for (let i = 0; i < ng; i++) k += inline(pick(r, generators)(start + i));
  }
  // a validator that changes nothing, or one that does (the validated-by label is left to the tables:
  // kustomize's verdict on it depends on YAML node positions and field order, see docs/kustomize.md)
  if (r() < 0.2) {
    const spec = r() < 0.75 ? '- kind: NoSuchKind\n  path: metadata/labels\n  create: true\n' : '- kind: Service\n  path: metadata/labels\n  create: true\n';
    k += 'validators:\n' + inline(plugin('LabelTransformer', `val${start}`, `labels:\n  checked: "true"\nfieldSpecs:\n${spec}`));
  }
  return k;
}

export function randomPluginScenarios(n: number, seed: number): Scenario[] {
  const r = rng(seed);
  const out: Scenario[] = [];
  for (let c = 0; c < n; c++) {
    const files: Record<string, string> = {
      'base/d.yaml': deploy('web'),
      'base/s.yaml': svc('web'),
      'base/cm.yaml': cm('settings'),
      'base/rb.yaml': rb,
    };
    files['base/kustomization.yaml'] = kustomization(r, ['d.yaml', 's.yaml', 'cm.yaml', 'rb.yaml'], 0);
    let top = 'overlay';
    files['overlay/kustomization.yaml'] = kustomization(r, ['../base'], 10);
    if (r() < 0.3) {
      files['overlay/kustomization.yaml'] = files['overlay/kustomization.yaml'].replace('resources:\n', 'resources:\n- ../extra\n');
      files['extra/kustomization.yaml'] = kustomization(r, ['cm.yaml'], 20);
      files['extra/cm.yaml'] = cm('extra');
    }
    if (r() < 0.5) {
      const opts = ['originAnnotations', 'transformerAnnotations', 'managedByLabel'].filter(() => r() < 0.6);
      if (opts.length > 0) files['overlay/kustomization.yaml'] = `buildMetadata: [${opts.join(', ')}]\n` + files['overlay/kustomization.yaml'];
    }
    if (r() < 0.2) top = 'base';
    out.push({ name: `random plugins #${c} (seed ${seed})`, dir: top, files });
  }
  return out;
}
