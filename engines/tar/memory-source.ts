import type { ArchiveSource, SourceEntry } from './types.js';

/** One file of an in-memory tree: content plus optional mode (default 0o644). */
export interface MemoryFile {
  readonly content: string | Uint8Array;
  readonly mode?: number;
}

/** A value in a memory tree: a file, `{ symlink }`, or `{ dir: true }` for an empty directory. */
export type MemoryNode = string | MemoryFile | { readonly symlink: string } | { readonly dir: true };

/**
 * An ArchiveSource over a flat map of slash-separated paths (parent directories are implied).
 * Used by tests and by callers that build artifacts from generated content.
 */
export function memorySource(tree: Readonly<Record<string, MemoryNode>>): ArchiveSource {
  const nodes = new Map<string, SourceEntry & { data?: Uint8Array }>();
  const children = new Map<string, Set<string>>();
  const addDir = (path: string): void => {
    if (path === '' || nodes.has(path)) return;
    const i = path.lastIndexOf('/');
    const parent = i < 0 ? '' : path.slice(0, i);
    addDir(parent);
    nodes.set(path, { name: path.slice(i + 1), type: 'dir', mode: 0o755, size: 0 });
    link(parent, path);
  };
  const link = (parent: string, path: string): void => {
    const set = children.get(parent) ?? new Set<string>();
    set.add(path);
    children.set(parent, set);
  };
  for (const [path, node] of Object.entries(tree)) {
    const i = path.lastIndexOf('/');
    const parent = i < 0 ? '' : path.slice(0, i);
    const name = path.slice(i + 1);
    if (typeof node === 'object' && 'dir' in node) {
      addDir(path);
      continue;
    }
    addDir(parent);
    link(parent, path);
    if (typeof node === 'object' && 'symlink' in node) {
      nodes.set(path, { name, type: 'symlink', mode: 0o777, size: 0 });
      continue;
    }
    const file: MemoryFile = typeof node === 'string' ? { content: node } : node;
    const data = typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
    nodes.set(path, { name, type: 'file', mode: file.mode ?? 0o644, size: data.byteLength, data });
  }
  return {
    async list(dir) {
      return [...(children.get(dir) ?? [])].map((p) => {
        const n = nodes.get(p);
        if (!n) throw new Error(`memory source: missing node '${p}'`);
        return { name: n.name, type: n.type, mode: n.mode, size: n.size };
      });
    },
    async *read(path) {
      const n = nodes.get(path);
      if (!n?.data) throw new Error(`memory source: not a file '${path}'`);
      yield n.data;
    },
  };
}
