/**
 * Label maps read from resource files. kustomize compares a validator's result with reflect.DeepEqual on
 * YAML nodes, positions included, after writing the label map anew to take `validated-by` out: a map read
 * from a file then never compares equal, while one kustomize built itself (commonLabels on a resource
 * without labels) does. Marking the maps we read tells the two apart.
 */
import { isMap, type YValue } from '../yaml/index.js';

const fromFiles = new WeakSet<object>();

export function markFileLabels(obj: YValue): void {
  if (!isMap(obj) || !isMap(obj.metadata) || !isMap(obj.metadata.labels)) return;
  fromFiles.add(obj.metadata.labels);
}

export function labelsFromFile(labels: YValue | undefined): boolean {
  return isMap(labels ?? null) && fromFiles.has(labels as object);
}
