/** Random combinations of kustomization fields over a small base/overlay tree (deterministic per seed). */
import type { Scenario } from './scenarios.js';

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export function randomScenarios(n: number, seed: number): Scenario[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: Scenario[] = [];
  for (let i = 0; i < n; i++) {
    const names = ['web', 'api', 'worker'].slice(0, 1 + Math.floor(r() * 3));
    const res = names
      .map(
        (nm) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${nm}\nspec:\n  replicas: ${1 + Math.floor(r() * 3)}\n  template:\n    spec:\n      containers:\n      - name: c\n        image: ${pick(['nginx', 'nginx:1.2', 'reg.io/x/nginx:3'])}\n        envFrom:\n        - configMapRef:\n            name: cfg\n`,
      )
      .join('---\n');
    const k: string[] = ['resources:\n- res.yaml'];
    k.push(`configMapGenerator:\n- name: cfg\n  literals:\n  - K=${pick(['1', 'yes', 'a b', 'x'])}`);
    if (r() < 0.5) k.push(`namePrefix: ${pick(['p-', 'dev-'])}`);
    if (r() < 0.4) k.push(`nameSuffix: ${pick(['-s', '-v2'])}`);
    if (r() < 0.5) k.push(`namespace: ${pick(['ns1', 'team-a'])}`);
    if (r() < 0.5) k.push(`commonLabels:\n  ${pick(['app', 'tier'])}: ${pick(['x', '"1"', 'on'])}`);
    if (r() < 0.4) k.push(`commonAnnotations:\n  note: ${pick(['hello', '"2"'])}`);
    if (r() < 0.4) k.push(`images:\n- name: nginx\n  newTag: "${pick(['1.0', '2'])}"`);
    if (r() < 0.3) k.push(`replicas:\n- name: ${names[0]}\n  count: 4`);
    if (r() < 0.5) {
      k.push(
        `patches:\n- target:\n    kind: Deployment\n  patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: any\n    spec:\n      template:\n        spec:\n          containers:\n          - name: side\n            image: busybox`,
      );
    }
    if (r() < 0.3) k.push(`labels:\n- pairs:\n    ${pick(['team', 'owner'])}: ${pick(['a', '"7"'])}\n  includeSelectors: ${pick(['true', 'false'])}\n  includeTemplates: ${pick(['true', 'false'])}`);
    if (r() < 0.3) k.push(`secretGenerator:\n- name: sec\n  literals:\n  - token=${pick(['abc', 'x y'])}\n  type: ${pick(['Opaque', 'kubernetes.io/basic-auth'])}`);
    if (r() < 0.3) {
      k.push(
        `replacements:\n- source:\n    kind: ConfigMap\n    name: cfg\n    fieldPath: ${pick(['metadata.name', 'data.K'])}\n  targets:\n  - select:\n      kind: Deployment\n    fieldPaths:\n    - spec.template.metadata.annotations.from-cfg\n    options:\n      create: true`,
      );
    }
    if (r() < 0.3) {
      k.push(
        `vars:\n- name: CFG\n  objref:\n    kind: ConfigMap\n    name: cfg\n    apiVersion: v1\n${pick(['', '  fieldref:\n    fieldpath: data.K\n'])}`.trimEnd(),
      );
    }
    if (r() < 0.3) {
      k.push(
        `patchesJson6902:\n- target:\n    group: apps\n    version: v1\n    kind: Deployment\n    name: ${names[0]}\n  patch: |-\n    - op: ${pick(['add', 'replace'])}\n      path: /spec/replicas\n      value: ${pick(['5', '"6"', '7'])}`,
      );
    }
    const overlay = r() < 0.5;
    const files: Record<string, string> = overlay
      ? {
          'base/kustomization.yaml': k.join('\n') + '\n',
          'base/res.yaml': res,
          'overlay/kustomization.yaml': `resources:\n- ../base\nnamePrefix: o-\n${r() < 0.5 ? 'namespace: over\n' : ''}`,
        }
      : { 'kustomization.yaml': k.join('\n') + '\n', 'res.yaml': res };
    out.push({ name: `random #${i} (seed ${seed})`, files, dir: overlay ? 'overlay' : undefined });
  }
  return out;
}
