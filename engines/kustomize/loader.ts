/**
 * File access for a build: bounded reads, no path outside the filesystem root, no symlink escape, and
 * kustomize's default load restriction (files a kustomization names must be in or below its directory).
 */
import { type FileSystem, FsError, isWithin, normalizePath, resolvePath } from '../fs/index.js';
import { KustomizeError } from './errors.js';
import type { RemoteFetcher } from './remote.js';

export const KUSTOMIZATION_FILE_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'] as const;

export interface LoaderOptions {
  /** Largest file the build reads. @default 16 MiB */
  readonly maxFileBytes?: number;
  /** Fetches http(s) files named where a file is expected (patches, generator files, …), as kustomize's loader does. */
  readonly fetcher?: RemoteFetcher;
  /**
   * kustomize's `--load-restrictor`: 'rootOnly' (LoadRestrictionsRootOnly, kustomize's default) keeps the
   * files a kustomization names in or below its directory; 'none' (LoadRestrictionsNone, what Flux's
   * kustomize-controller builds with) allows any file of the filesystem. Nothing outside the filesystem
   * root is ever readable. @default 'rootOnly'
   */
  readonly loadRestrictions?: 'rootOnly' | 'none';
}

const decoder = new TextDecoder('utf-8');

export class Loader {
  readonly maxFileBytes: number;
  readonly fetcher: RemoteFetcher | undefined;
  readonly loadRestrictions: 'rootOnly' | 'none';

  constructor(
    readonly fs: FileSystem,
    options: LoaderOptions = {},
  ) {
    this.maxFileBytes = options.maxFileBytes ?? 16 * 1024 * 1024;
    this.fetcher = options.fetcher;
    this.loadRestrictions = options.loadRestrictions ?? 'rootOnly';
  }

  /** Resolves symlinks along `path`, refusing any that leave the filesystem root (bounded depth). */
  realPath(path: string): string {
    let parts = normalizePath(path).split('/').filter(Boolean);
    let cur = '/';
    let hops = 0;
    while (parts.length > 0) {
      const next = (cur === '/' ? '' : cur) + '/' + parts[0];
      const st = this.fs.lstat(next);
      if (st?.kind === 'symlink') {
        if (++hops > 40) throw new KustomizeError('security', `too many levels of symbolic links: ${path}`);
        const target = this.fs.readLink(next);
        const resolved = resolvePath(cur, target);
        if (target.startsWith('/') && !isWithin('/', resolved)) {
          throw new KustomizeError('security', `symlink ${next} points outside the root`);
        }
        if (!target.startsWith('/') && escapes(cur, target)) {
          throw new KustomizeError('security', `security; symlink ${next} points outside the root`);
        }
        parts = [...resolved.split('/').filter(Boolean), ...parts.slice(1)];
        cur = '/';
        continue;
      }
      cur = next;
      parts = parts.slice(1);
    }
    return cur;
  }

  isDir(path: string): boolean {
    try {
      return this.fs.lstat(this.realPath(path))?.kind === 'dir';
    } catch (err) {
      if (err instanceof KustomizeError) throw err;
      return false;
    }
  }

  isFile(path: string): boolean {
    try {
      return this.fs.lstat(this.realPath(path))?.kind === 'file';
    } catch (err) {
      if (err instanceof KustomizeError) throw err;
      return false;
    }
  }

  /** Reads `rel` relative to kustomization directory `root`, which it must stay in or below unless loads are unrestricted. */
  readRelative(root: string, rel: string): { path: string; text: string; bytes: Uint8Array } {
    if (/^https?:/i.test(rel)) return this.readRemote(rel);
    const p = resolvePath(root, rel);
    const limit = this.loadRestrictions === 'none' ? '/' : root;
    if (!isWithin(limit, p)) {
      throw new KustomizeError('security', `security; file '${p}' is not in or below '${limit}'`);
    }
    const real = this.realPath(p);
    if (!isWithin(limit, real)) {
      throw new KustomizeError('security', `security; file '${real}' is not in or below '${limit}'`);
    }
    const bytes = this.readBytes(real, p);
    return { path: p, text: decoder.decode(bytes), bytes };
  }

  /** kustomize's FileLoader.Load of an http(s) URL: a GET, whatever the load restrictions. */
  private readRemote(url: string): { path: string; text: string; bytes: Uint8Array } {
    const shown = url.replace(/\/\/[^/@\s]*@/, '//');
    if (!this.fetcher) throw new KustomizeError('not-supported', `remote file ${shown} requires a fetcher, and none is configured`);
    const res = this.fetcher.getFile(url);
    if (res.status < 200 || res.status > 299) {
      throw new KustomizeError('remote', `${shown}: HTTP Error: status code ${res.status} (${res.statusText})`);
    }
    if (res.body.length > this.maxFileBytes) throw new KustomizeError('security', `file ${shown} is larger than ${this.maxFileBytes} bytes`);
    return { path: url, text: decoder.decode(res.body), bytes: res.body };
  }

  readBytes(real: string, shown = real): Uint8Array {
    try {
      return this.fs.readFile(real, this.maxFileBytes);
    } catch (err) {
      if (err instanceof FsError && err.code === 'ETOOBIG') {
        throw new KustomizeError('security', `file ${shown} is larger than ${this.maxFileBytes} bytes`);
      }
      if (err instanceof FsError && err.code === 'EISDIR') {
        throw new KustomizeError('missing-file', `${shown} is a directory`);
      }
      throw new KustomizeError('missing-file', `evalsymlink failure on '${shown}' : lstat ${shown}: no such file or directory`, { cause: err });
    }
  }

  /** Reads a whole file by absolute path (symlinks resolved, root enforced) as UTF-8 text. */
  readBytesText(path: string): string {
    return decoder.decode(this.readBytes(this.realPath(path), path));
  }

  /** Finds the kustomization file of directory `dir` (kustomization.yaml, .yml or Kustomization). */
  findKustomization(dir: string): string {
    const found = KUSTOMIZATION_FILE_NAMES.filter((n) => this.isFile(resolvePath(dir, n)));
    if (found.length > 1) {
      throw new KustomizeError('invalid-kustomization', `Found multiple kustomization files under: ${dir}`);
    }
    if (found.length === 0) {
      throw new KustomizeError(
        'missing-file',
        `unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '${dir}'`,
      );
    }
    return resolvePath(dir, found[0] as string);
  }
}

function escapes(dir: string, rel: string): boolean {
  let depth = dir.split('/').filter(Boolean).length;
  for (const p of rel.split('/')) {
    if (p === '..') depth--;
    else if (p && p !== '.') depth++;
    if (depth < 0) return true;
  }
  return false;
}
