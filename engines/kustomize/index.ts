/**
 * Native kustomize (`kustomize build`, byte-identical to kustomize v5.7.1 for the fields it supports).
 *
 *   import { Kustomizer } from '../engines/kustomize/index.js';
 *   const { yaml, resources } = Kustomizer.run(fs, '/path/to/dir');
 *
 * `fs` is any engines/fs FileSystem (MemoryFileSystem, or runtime/fs/disk-fs DiskFileSystem rooted at the
 * artifact directory); nothing outside its root is ever read. Invalid input throws KustomizeError (`code`
 * + a message naming the file). Unsupported fields (crds, openapi, configurations, transformers/generators/
 * validators, buildMetadata, helmCharts) are refused with code 'not-supported'.
 */
export { buildKustomization, type BuildResult, type KustomizeOptions, Kustomizer } from './kustomizer.js';
export { KustomizeError, type KustomizeErrorCode } from './errors.js';
export { decodeKustomization } from './kustomization-schema.js';
export {
  cloneSpec,
  isRemoteFileUrl,
  parseRepoSpec,
  RemoteFetchPending,
  type RemoteFetcher,
  type RemoteFileResponse,
  type RemoteRepo,
  type RemoteRequest,
  type RepoSpec,
} from './remote.js';
