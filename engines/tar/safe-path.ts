import { posix } from 'node:path';

/**
 * Normalises an archive entry name to a relative slash path, or returns an error string when it
 * would land outside the extraction root: absolute names, `..` components, NUL bytes, backslashes
 * (a Windows separator smuggled into a name). `.` and `./` mean the root and normalise to ''.
 */
export function safeEntryPath(name: string): { path: string } | { error: string } {
  if (name.includes('\0')) return { error: `illegal NUL byte in entry name` };
  if (name.includes('\\')) return { error: `illegal backslash in entry name '${name}'` };
  if (name.startsWith('/')) return { error: `absolute path '${name}' is not allowed` };
  const parts = name.split('/');
  if (parts.includes('..')) return { error: `path traversal in '${name}' is not allowed` };
  const norm = posix.normalize(name).replace(/\/+$/, '');
  return { path: norm === '.' ? '' : norm.replace(/^\.\//, '') };
}

/** True when `target`, read relative to the directory of `path`, stays inside the root. */
export function symlinkStaysInside(path: string, target: string): boolean {
  if (target.startsWith('/') || target.includes('\0')) return false;
  const resolved = posix.normalize(posix.join(posix.dirname(path), target));
  return resolved !== '..' && !resolved.startsWith('../');
}
