/**
 * namePrefix / nameSuffix over configured field specs (kustomize's PrefixTransformer and SuffixTransformer):
 * every spec selected by a resource's original GVK gets the affix; a `metadata/name` spec also records it
 * for name references and keeps the previous id. Used when a `configurations` or `crds` config is in effect
 * (with the builtin defaults the only spec is metadata/name, which transformers.ts handles directly).
 */
import { isMap, scalarText, type YValue } from '../yaml/index.js';
import { type FieldSpec, gvkSelected, splitPath, visitField } from './field-spec.js';
import { KustomizeError } from './errors.js';
import { idString, type Resource } from './resource.js';

export function applyAffixSpecs(
  resources: readonly Resource[],
  value: string,
  isPrefix: boolean,
  specs: readonly FieldSpec[],
  skip: (r: Resource) => boolean,
): void {
  for (const r of resources) {
    if (skip(r)) continue;
    const org = r.orgId().gvk;
    for (const fs of specs) {
      if (!gvkSelected(org, fs)) continue;
      if (fs.path === 'metadata/name') {
        (isPrefix ? r.prefixes : r.suffixes).push(value);
        r.storePreviousId();
      }
      if (!gvkSelected(r.gvk, fs)) continue;
      visitField(r.obj, splitPath(fs.path.replaceAll('[]', '')), fs.create ?? false, (v, parent, key) => {
        const node = (v ?? null) as YValue;
        if (isMap(node) || Array.isArray(node)) {
          throw new KustomizeError('transformer', `considering field '${fs.path}' of object ${idString(r.curId())}: wrong node kind: expected ScalarNode`);
        }
        const text = scalarText(node) ?? '';
        parent[key] = isPrefix ? value + text : text + value;
      }, () => '');
    }
  }
}
