/**
 * Flux's dependency sort (pkg/runtime/dependency.Sort) for watch-triggered requests: the given
 * Kustomizations ordered so that every one comes after those it `dependsOn`, found with Tarjan's
 * strongly connected components over the dependsOn graph. Dependencies outside the list are walked
 * but not returned; any component of two or more objects is a cycle and fails the whole sort (Flux
 * then enqueues nothing for that event). A self-dependency is not reported as a cycle, as in Flux.
 * Unlike Go's map iteration, ties keep the input order, so the result is deterministic.
 */

export interface Dependent {
  readonly namespace: string;
  readonly name: string;
  /** `spec.dependsOn`; an empty namespace means the dependent's own. */
  readonly dependsOn?: readonly { readonly name: string; readonly namespace?: string }[];
}

export interface SortedRef {
  readonly namespace: string;
  readonly name: string;
}

/** Flux's CircularDependencyError: each cycle as `namespace/name` keys. */
export class CircularDependencyError extends Error {
  override readonly name = 'CircularDependencyError';
  constructor(readonly cycles: readonly (readonly string[])[]) {
    super(`circular dependencies: [${cycles.map((c) => `[${c.join(' ')}]`).join(' ')}]`);
  }
}

const keyOf = (namespace: string, name: string): string => `${namespace}/${name}`;

/** Strongly connected components in Tarjan's emission order (dependencies before dependents). */
function components(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  // Iterative depth-first search (no recursion limit for long chains).
  const visit = (root: string): void => {
    const frames: { v: string; edges: readonly string[]; i: number }[] = [];
    const open = (v: string): void => {
      next++;
      index.set(v, next);
      low.set(v, next);
      stack.push(v);
      onStack.add(v);
      frames.push({ v, edges: graph.get(v) ?? [], i: 0 });
    };
    open(root);
    while (frames.length > 0) {
      const f = frames[frames.length - 1] as (typeof frames)[number];
      if (f.i < f.edges.length) {
        const w = f.edges[f.i++] as string;
        if (!index.has(w)) open(w);
        else if (onStack.has(w)) low.set(f.v, Math.min(low.get(f.v) ?? 0, index.get(w) ?? 0));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.v, Math.min(low.get(parent.v) ?? 0, low.get(f.v) ?? 0));
      if (low.get(f.v) === index.get(f.v)) {
        const scc: string[] = [];
        for (;;) {
          const w = stack.pop() as string;
          onStack.delete(w);
          scc.push(w);
          if (w === f.v) break;
        }
        out.push(scc);
      }
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** Orders `items` dependencies-first; throws CircularDependencyError when dependsOn has a cycle. */
export function sortByDependencies(items: readonly Dependent[]): SortedRef[] {
  const graph = new Map<string, string[]>();
  const refs = new Map<string, SortedRef>();
  for (const d of items) {
    const key = keyOf(d.namespace, d.name);
    const edges = [...new Set((d.dependsOn ?? []).map((x) => keyOf(x.namespace || d.namespace, x.name)))];
    graph.set(key, edges);
    refs.set(key, { namespace: d.namespace, name: d.name });
  }
  const sorted: SortedRef[] = [];
  const cycles: string[][] = [];
  for (const scc of components(graph)) {
    if (scc.length !== 1) {
      cycles.push(scc);
      continue;
    }
    const ref = refs.get(scc[0] as string);
    if (ref) sorted.push(ref);
  }
  if (cycles.length > 0) throw new CircularDependencyError(cycles.reverse());
  return sorted;
}
