/** Remote kustomize resources: a RemoteFetcher over the git CLI and undici, and a build that uses it. */
export { buildRemoteTarget, buildWithRemotes, PrefetchingFetcher } from './fetcher.js';
export type { RemoteBuildOptions, RemoteFetcherOptions } from './fetcher.js';
export { cloneRemoteBase } from './git-clone.js';
export { getHttpFile, HttpFileError } from './http-file.js';
export type { HttpFileOptions } from './http-file.js';
