/**
 * POSIX path helpers for the injected filesystems (engines may not import node:fs; these keep path
 * handling identical whatever the host is). Every path handled by a FileSystem is absolute.
 */

/** Normalises `p` to an absolute, `.`/`..`-free path ("/" for the root); `..` above the root stays at "/". */
export function normalizePath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** Joins segments like path.posix.join, then normalises; a later absolute segment does not reset. */
export function joinPath(...parts: string[]): string {
  return normalizePath(parts.join('/'));
}

/** Resolves `p` against directory `base` (an absolute `p` wins). */
export function resolvePath(base: string, p: string): string {
  return p.startsWith('/') ? normalizePath(p) : normalizePath(base + '/' + p);
}

export function dirnamePath(p: string): string {
  const n = normalizePath(p);
  const i = n.lastIndexOf('/');
  return i <= 0 ? '/' : n.slice(0, i);
}

export function basenamePath(p: string): string {
  const n = normalizePath(p);
  return n.slice(n.lastIndexOf('/') + 1);
}

/** True when `p` is `root` or below it (both normalised absolute paths). */
export function isWithin(root: string, p: string): boolean {
  if (root === '/') return true;
  return p === root || p.startsWith(root + '/');
}

/** `p` relative to `root` ("" for the root itself); `p` must be within `root`. */
export function relativeTo(root: string, p: string): string {
  if (p === root) return '';
  return root === '/' ? p.slice(1) : p.slice(root.length + 1);
}
