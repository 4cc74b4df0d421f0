/**
 * Writes a kustomize tree of about `resources` resources: `base/app-N/` directories (Deployment, Service,
 * ServiceAccount, and a generated ConfigMap each), a `region/` overlay over all bases (namePrefix, labels,
 * a JSON 6902 patch), and `overlay/` on top of it (namespace, namePrefix, commonAnnotations, images, a
 * generator merge, and one strategic-merge patch targeting every Deployment). Build `overlay/`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const deployment = (n: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${n}
  labels:
    app: ${n}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: ${n}
  template:
    metadata:
      labels:
        app: ${n}
    spec:
      serviceAccountName: ${n}
      containers:
      - name: main
        image: registry.example.com/team/${n}:1.0.0
        args: ["--port=8080", "--verbose"]
        ports:
        - containerPort: 8080
          name: http
        envFrom:
        - configMapRef:
            name: ${n}-config
        resources:
          limits:
            cpu: 500m
            memory: 256Mi
        readinessProbe:
          httpGet:
            path: /healthz
            port: http
`;

const service = (n: string): string => `apiVersion: v1
kind: Service
metadata:
  name: ${n}
spec:
  selector:
    app: ${n}
  ports:
  - name: http
    port: 80
    targetPort: http
`;

const serviceAccount = (n: string): string => `apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${n}
`;

/** Generates the tree under `dir` (emptied first); returns the directory to build. */
export function generateTree(dir: string, resources: number): string {
  rmSync(dir, { recursive: true, force: true });
  const apps = Math.max(1, Math.round(resources / 4));
  const names: string[] = [];
  for (let i = 0; i < apps; i++) {
    const n = `app-${i}`;
    names.push(n);
    const d = join(dir, 'base', n);
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'deployment.yaml'), deployment(n));
    writeFileSync(join(d, 'service.yaml'), service(n) + '---\n' + serviceAccount(n));
    writeFileSync(
      join(d, 'kustomization.yaml'),
      `resources:\n- deployment.yaml\n- service.yaml\nconfigMapGenerator:\n- name: ${n}-config\n  literals:\n  - APP=${n}\n  - LOG_LEVEL=info\n`,
    );
  }
  mkdirSync(join(dir, 'region'), { recursive: true });
  writeFileSync(
    join(dir, 'region', 'kustomization.yaml'),
    `namePrefix: eu-\nlabels:\n- pairs:\n    region: eu\n  includeSelectors: false\n  includeTemplates: true\nresources:\n${names.map((n) => `- ../base/${n}`).join('\n')}\npatches:\n- target:\n    kind: Service\n  patch: |-\n    - op: add\n      path: /metadata/annotations\n      value:\n        lb: internal\n`,
  );
  mkdirSync(join(dir, 'overlay'), { recursive: true });
  writeFileSync(
    join(dir, 'overlay', 'kustomization.yaml'),
    `namespace: production\nnamePrefix: prod-\ncommonAnnotations:\n  owner: platform\nimages:\n- name: registry.example.com/team/app-0\n  newTag: 2.0.0\nresources:\n- ../region\nconfigMapGenerator:\n- name: ${names[0]}-config\n  behavior: merge\n  literals:\n  - LOG_LEVEL=warn\npatches:\n- target:\n    kind: Deployment\n  patch: |-\n    apiVersion: apps/v1\n    kind: Deployment\n    metadata:\n      name: any\n    spec:\n      template:\n        spec:\n          containers:\n          - name: main\n            env:\n            - name: ENV\n              value: production\n          - name: proxy\n            image: envoyproxy/envoy:v1.30\n`,
  );
  return join(dir, 'overlay');
}
