/**
 * Field specs: which field of which kinds a builtin transformer touches (`path: spec/template/metadata/labels`,
 * `kind: Deployment`, `create: true`). Paths walk maps by key and every element of a sequence implicitly.
 */
import { isMap, type YMap, type YValue } from '../yaml/index.js';
import { KustomizeError } from './errors.js';

export interface FieldSpec {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly path: string;
  readonly create?: boolean;
}

export interface NameBackReference {
  readonly group?: string;
  readonly version?: string;
  readonly kind: string;
  readonly fieldSpecs: readonly FieldSpec[];
}

export interface TransformerConfigData {
  readonly [key: string]: readonly FieldSpec[] | readonly NameBackReference[] | undefined;
  readonly namePrefix?: readonly FieldSpec[];
  readonly nameSuffix?: readonly FieldSpec[];
  readonly commonLabels?: readonly FieldSpec[];
  readonly labels?: readonly FieldSpec[];
  readonly templateLabels?: readonly FieldSpec[];
  readonly commonAnnotations?: readonly FieldSpec[];
  readonly namespace?: readonly FieldSpec[];
  readonly varReference?: readonly FieldSpec[];
  readonly nameReference?: readonly NameBackReference[];
  readonly images?: readonly FieldSpec[];
  readonly replicas?: readonly FieldSpec[];
}

export interface Gvk {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** kustomize's Gvk.IsSelected: every non-empty field of the selector must match. */
export function gvkSelected(gvk: Gvk, sel: { group?: string; version?: string; kind?: string }): boolean {
  if (sel.group && sel.group !== gvk.group) return false;
  if (sel.version && sel.version !== gvk.version) return false;
  if (sel.kind && sel.kind !== gvk.kind) return false;
  return true;
}

/** Splits a field-spec path on unescaped "/" ("a/b\/c" → ["a", "b/c"]). */
export function splitPath(path: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < path.length; i++) {
    const c = path[i];
    if (c === '\\' && path[i + 1] === '/') {
      cur += '/';
      i++;
    } else if (c === '/') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out.filter((p) => p !== '');
}

export type SetFn = (value: YValue | undefined, parent: YMap, key: string) => void;

/**
 * Visits the field at `path` (creating missing maps on the way, and the leaf as `createLeaf()`,
 * when `create` is set) and calls `set` with the parent map and key.
 */
export function visitField(
  root: YValue,
  path: readonly string[],
  create: boolean,
  set: SetFn,
  createLeaf?: () => YValue,
): void {
  walk(root, path, 0, create, set, createLeaf);
}

function walk(
  node: YValue,
  path: readonly string[],
  i: number,
  create: boolean,
  set: SetFn,
  createLeaf?: () => YValue,
): void {
  if (Array.isArray(node)) {
    for (const el of node) walk(el, path, i, create, set, createLeaf);
    return;
  }
  if (node === null) return;
  // kustomize's fieldspec filter fails on a scalar where the path goes on
  if (!isMap(node)) throw new KustomizeError('transformer', `considering field '${path.join('/')}': expected sequence or mapping node`);
  // kustomize's fieldspec filter never creates a field the path marks as a list (`name[]`)
  const seg = path[i] as string;
  const isSeq = seg.endsWith('[]');
  const key = isSeq ? seg.slice(0, -2) : seg;
  const last = i === path.length - 1;
  let child = node[key];
  if (last) {
    if (child === undefined && (!create || isSeq)) return;
    if (child === undefined && createLeaf) {
      child = createLeaf();
      node[key] = child;
    }
    set(child, node, key);
    return;
  }
  if (child === undefined || child === null) {
    if (!create || isSeq) return;
    child = {};
    node[key] = child;
  }
  walk(child, path, i + 1, create, set, createLeaf);
}
