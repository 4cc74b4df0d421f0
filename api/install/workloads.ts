/** Deployments, Services and NetworkPolicies of the install. */
import { componentSpecs, type Component } from './components.js';
import type { Manifest } from './rbac.js';

export interface WorkloadOptions {
  readonly namespace: string;
  readonly image: string;
  readonly logLevel: string;
  readonly watchAllNamespaces: boolean;
  readonly clusterDomain: string;
  readonly eventsEnabled: boolean;
  readonly imagePullSecret?: string;
}

export function deployment(c: Component, o: WorkloadOptions, labels: Record<string, string>): Manifest {
  const s = componentSpecs[c];
  const args = [
    `--controllers=${s.controllers}`,
    ...(s.sendsEvents && o.eventsEnabled
      ? [`--events-addr=http://notification-controller.${o.namespace}.svc.${o.clusterDomain}./`]
      : []),
    `--watch-all-namespaces=${String(o.watchAllNamespaces)}`,
    `--log-level=${o.logLevel}`,
    '--log-encoding=json',
    '--enable-leader-election',
    ...s.extraArgs.map((a) => a.replace('svc.cluster.local.', `svc.${o.clusterDomain}.`)),
  ];
  const ports = [
    ...s.ports,
    { name: 'http-prom', containerPort: 8080, protocol: 'TCP' },
    { name: 'healthz', containerPort: 9440, protocol: 'TCP' },
  ];
  const volumes = [{ name: 'temp', emptyDir: {} }, ...(s.dataVolume ? [{ name: 'data', emptyDir: {} }] : [])];
  const mounts = [
    { name: 'temp', mountPath: '/tmp' },
    ...(s.dataVolume ? [{ name: 'data', mountPath: '/data' }] : []),
  ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: c, namespace: o.namespace, labels: { ...labels, 'control-plane': 'controller' } },
    spec: {
      replicas: 1,
      ...(s.recreateStrategy ? { strategy: { type: 'Recreate' } } : {}),
      selector: { matchLabels: { app: c } },
      template: {
        metadata: {
          annotations: { 'prometheus.io/port': '8080', 'prometheus.io/scrape': 'true' },
          labels: { app: c, ...labels },
        },
        spec: {
          containers: [
            {
              name: 'manager',
              image: o.image,
              imagePullPolicy: 'IfNotPresent',
              args,
              env: [
                { name: 'RUNTIME_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                {
                  name: 'SLUICE_MEMORY_LIMIT',
                  valueFrom: { resourceFieldRef: { containerName: 'manager', resource: 'limits.memory' } },
                },
              ],
              ports,
              livenessProbe: { httpGet: { path: '/healthz', port: 'healthz' } },
              readinessProbe: s.readinessOnHttpRoot
                ? { httpGet: { path: '/', port: 'http' } }
                : { httpGet: { path: '/readyz', port: 'healthz' } },
              resources: {
                limits: { cpu: '1000m', memory: '1Gi' },
                requests: { cpu: s.cpuRequest, memory: '64Mi' },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                readOnlyRootFilesystem: true,
                runAsNonRoot: true,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              volumeMounts: mounts,
            },
          ],
          ...(o.imagePullSecret ? { imagePullSecrets: [{ name: o.imagePullSecret }] } : {}),
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          ...(s.priorityClassName ? { priorityClassName: s.priorityClassName } : {}),
          securityContext: { fsGroup: 1337 },
          serviceAccountName: c,
          terminationGracePeriodSeconds: s.terminationGracePeriodSeconds,
          volumes,
        },
      },
    },
  };
}

function service(
  name: string,
  app: string,
  targetPort: string,
  namespace: string,
  labels: Record<string, string>,
): Manifest {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace, labels: { ...labels, 'control-plane': 'controller' } },
    spec: {
      type: 'ClusterIP',
      selector: { app },
      ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort }],
    },
  };
}

export function services(
  components: readonly Component[],
  namespace: string,
  labels: (c: string) => Record<string, string>,
): Manifest[] {
  const out: Manifest[] = [];
  if (components.includes('source-controller'))
    out.push(
      service('source-controller', 'source-controller', 'http', namespace, labels('source-controller')),
    );
  if (components.includes('notification-controller')) {
    const l = labels('notification-controller');
    out.push(service('notification-controller', 'notification-controller', 'http', namespace, l));
    out.push(service('webhook-receiver', 'notification-controller', 'http-webhook', namespace, l));
  }
  return out;
}

export function networkPolicies(namespace: string, labels: Record<string, string>): Manifest[] {
  const np = (name: string, spec: Record<string, unknown>): Manifest => ({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace, labels },
    spec,
  });
  return [
    np('allow-egress', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{}],
    }),
    np('allow-scraping', {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: {} }], ports: [{ port: 8080, protocol: 'TCP' }] }],
    }),
    np('allow-webhooks', {
      podSelector: { matchLabels: { app: 'notification-controller' } },
      policyTypes: ['Ingress'],
      ingress: [{ from: [{ namespaceSelector: {} }] }],
    }),
  ];
}
