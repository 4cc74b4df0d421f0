/**
 * The `validators` entries: each runs like a transformer over the resources and must change nothing but
 * a `validated-by` label, compared the way kustomize compares.
 */
import { deepClone, deepEqual, isMap, type YMap } from '../yaml/index.js';
import { KustomizeError } from './errors.js';
import { labelsFromFile } from './file-labels.js';
import type { Kustomization } from './kustomization.js';
import { entriesOf, loadTransformers } from './plugin-loader.js';
import type { Resource } from './resource.js';
import type { BuildState } from './target.js';

const VALIDATED_BY = 'validated-by';

interface Snapshot {
  readonly obj: YMap;
  readonly ids: string;
}

function snapshot(r: Resource): Snapshot {
  return { obj: deepClone(r.obj), ids: JSON.stringify([r.prevIds, r.prefixes, r.suffixes]) };
}

/** Labels with `validated-by` taken out, as kustomize compares a validator's result. */
function withoutValidatedBy(obj: YMap): YMap {
  const meta = obj.metadata;
  if (!isMap(meta) || !isMap(meta.labels) || meta.labels[VALIDATED_BY] === undefined) return obj;
  const copy = deepClone(obj);
  const m = copy.metadata as YMap;
  const labels = m.labels as YMap;
  delete labels[VALIDATED_BY];
  if (Object.keys(labels).length === 0) delete m.labels;
  return copy;
}

/**
 * kustomize takes the `validated-by` label out by writing the label map anew (cleared and appended as the
 * last field of metadata) and compares YAML nodes with reflect.DeepEqual, positions and field order
 * included: the result equals the original only when the label map was built by kustomize itself (not
 * read from a file, see file-labels.ts) and already was the last field of metadata.
 */
function rewritesLabels(after: YMap): boolean {
  const meta = after.metadata;
  if (!isMap(meta) || !isMap(meta.labels) || meta.labels[VALIDATED_BY] === undefined) return false;
  if (!Object.keys(meta.labels).some((k) => k !== VALIDATED_BY)) return false;
  const keys = Object.keys(meta);
  return labelsFromFile(meta.labels) || keys[keys.length - 1] !== 'labels';
}

/** The `validators` entries: each runs like a transformer and must change nothing but a `validated-by` label. */
export function runPluginValidators(st: BuildState, dir: string, k: Kustomization, acc: Resource[], file: string): void {
  const entries = entriesOf(k, 'validators');
  if (entries.length === 0) return;
  for (const v of loadTransformers({ st, dir, file }, entries)) {
    const before = acc.map(snapshot);
    v.run(acc);
    const changed = acc.length !== before.length || acc.some((r, i) => {
      const b = before[i] as Snapshot;
      return b.ids !== snapshot(r).ids || !deepEqual(b.obj, withoutValidatedBy(r.obj)) || rewritesLabels(r.obj);
    });
    if (changed) throw new KustomizeError('transformer', `${file}: validator shouldn't modify the resource map`);
  }
}

