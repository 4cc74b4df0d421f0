/**
 * source-controller: GitRepository (artifact storage and server included). Other source kinds
 * (OCIRepository, HelmRepository, HelmChart, Bucket) are not implemented here yet.
 */
export { setupGitRepositoryController as setupSourceController } from './git-repository/setup.js';
export type { SourceStorageOptions } from './git-repository/setup.js';
export {
  reconcileGitRepository,
  readySummary as gitRepositoryReadySummary,
} from './git-repository/reconciler.js';
