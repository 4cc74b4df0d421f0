export { startCluster, stopCluster, readClusterState, clusterRunning } from './cluster.js';
export type { ClusterState, StartOptions } from './cluster.js';
export {
  controlPlaneBinaries,
  kubeVersion,
  etcdVersion,
  sluiceCacheDir,
  MissingBinaryError,
} from './binaries.js';
export type { ControlPlaneBinaries } from './binaries.js';
