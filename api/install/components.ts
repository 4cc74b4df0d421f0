/** The six Flux controllers as install components, with what differs between their Deployments. */

export const defaultComponents = [
  'source-controller',
  'kustomize-controller',
  'helm-controller',
  'notification-controller',
] as const;
export const defaultComponentsExtra = ['image-reflector-controller', 'image-automation-controller'] as const;
export const allComponents = [...defaultComponents, ...defaultComponentsExtra] as const;
export type Component = (typeof allComponents)[number];

export interface ContainerPort {
  readonly name: string;
  readonly containerPort: number;
  readonly protocol: 'TCP';
}

export interface ComponentSpec {
  /** The value of `sluice controller --controllers=`. */
  readonly controllers: string;
  /** Extra ports besides http-prom (8080) and healthz (9440). */
  readonly ports: readonly ContainerPort[];
  readonly sendsEvents: boolean;
  /** An emptyDir mounted at /data (artifact storage, tag database). */
  readonly dataVolume: boolean;
  readonly extraArgs: readonly string[];
  readonly cpuRequest: string;
  readonly priorityClassName?: string;
  readonly terminationGracePeriodSeconds: number;
  /** Readiness on `/` of the artifact port (source-controller) instead of /readyz. */
  readonly readinessOnHttpRoot: boolean;
  /** Bound to cluster-admin by the cluster-reconciler ClusterRoleBinding. */
  readonly clusterAdmin: boolean;
  readonly recreateStrategy: boolean;
}

const port = (name: string, containerPort: number): ContainerPort => ({
  name,
  containerPort,
  protocol: 'TCP',
});

export const componentSpecs: Readonly<Record<Component, ComponentSpec>> = {
  'source-controller': {
    controllers: 'source',
    ports: [port('http', 9090)],
    sendsEvents: true,
    dataVolume: true,
    extraArgs: [
      '--storage-path=/data',
      '--storage-adv-addr=source-controller.$(RUNTIME_NAMESPACE).svc.cluster.local.',
    ],
    cpuRequest: '50m',
    priorityClassName: 'system-cluster-critical',
    terminationGracePeriodSeconds: 10,
    readinessOnHttpRoot: true,
    clusterAdmin: false,
    recreateStrategy: true,
  },
  'kustomize-controller': {
    controllers: 'kustomize',
    ports: [],
    sendsEvents: true,
    dataVolume: false,
    extraArgs: [],
    cpuRequest: '100m',
    priorityClassName: 'system-cluster-critical',
    terminationGracePeriodSeconds: 60,
    readinessOnHttpRoot: false,
    clusterAdmin: true,
    recreateStrategy: false,
  },
  'helm-controller': {
    controllers: 'helm',
    ports: [],
    sendsEvents: true,
    dataVolume: false,
    extraArgs: [],
    cpuRequest: '100m',
    priorityClassName: 'system-cluster-critical',
    terminationGracePeriodSeconds: 600,
    readinessOnHttpRoot: false,
    clusterAdmin: true,
    recreateStrategy: false,
  },
  'notification-controller': {
    controllers: 'notification',
    ports: [port('http', 9090), port('http-webhook', 9292)],
    sendsEvents: false,
    dataVolume: false,
    extraArgs: [],
    cpuRequest: '100m',
    terminationGracePeriodSeconds: 10,
    readinessOnHttpRoot: false,
    clusterAdmin: false,
    recreateStrategy: false,
  },
  'image-reflector-controller': {
    controllers: 'image-reflector',
    ports: [],
    sendsEvents: true,
    dataVolume: true,
    extraArgs: ['--storage-path=/data'],
    cpuRequest: '100m',
    terminationGracePeriodSeconds: 10,
    readinessOnHttpRoot: false,
    clusterAdmin: false,
    recreateStrategy: false,
  },
  'image-automation-controller': {
    controllers: 'image-automation',
    ports: [],
    sendsEvents: true,
    dataVolume: false,
    extraArgs: [],
    cpuRequest: '100m',
    terminationGracePeriodSeconds: 10,
    readinessOnHttpRoot: false,
    clusterAdmin: false,
    recreateStrategy: false,
  },
};

export function isComponent(name: string): name is Component {
  return (allComponents as readonly string[]).includes(name);
}
