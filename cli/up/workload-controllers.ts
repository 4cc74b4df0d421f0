/**
 * The sandbox's workload controllers: a second kube-controller-manager running only the Deployment
 * and ReplicaSet controllers (the shared control plane leaves them out), so Deployments get real
 * status and kstatus health checks (e.g. `wait: true` Kustomizations) can pass — a `replicas: 0`
 * stand-in becomes Available as on any cluster. No scheduler or kubelet: pods of scaled-up
 * Deployments stay Pending.
 */
import { join } from 'node:path';
import { controlPlaneBinaries } from '../../runtime/controlplane/index.js';
import { isRunning, startDetached, stopProcess, type ManagedProcess } from '../../runtime/controlplane/processes.js';

export function startWorkloadControllers(kubeconfig: string, logs: string): ManagedProcess {
  return startDetached(
    'kube-controller-manager (deployments)',
    controlPlaneBinaries().kubeControllerManager,
    [
      `--kubeconfig=${kubeconfig}`,
      '--controllers=deployment-controller,replicaset-controller',
      '--leader-elect=false',
      '--secure-port=0',
      '--use-service-account-credentials=false',
    ],
    join(logs, 'kube-workload-controllers.log'),
  );
}

export { isRunning as workloadControllersRunning, stopProcess as stopWorkloadControllers };
