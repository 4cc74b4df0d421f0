/**
 * `buildMetadata` (originAnnotations, transformerAnnotations, managedByLabel). When the top kustomization
 * lists any option, kustomize tracks origins during the whole build as real annotations:
 * `config.kubernetes.io/origin` (the file a resource came from, or the generator that made it) and
 * `alpha.config.kubernetes.io/transformations` (every transformer that ran over it). Paths are relative to
 * the top kustomization directory, as kustomize joins them. At the end both annotations are removed unless
 * asked for (always, even when a resource file carries them), and an empty annotation map goes with them.
 */
import { normalizePath } from '../fs/index.js';
import { isMap, parseYaml, resolvePlainV3, scalarText, type YMap, YScalar } from '../yaml/index.js';
import type { Kustomization } from './kustomization.js';
import type { Resource } from './resource.js';
import { setStringMap } from './transformers.js';

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';
export const TRANSFORMATIONS_ANNOTATION = 'alpha.config.kubernetes.io/transformations';
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
/**
 * kustomize prints `kustomize-` + its module version. The v5.7.1 CLI prints kustomize-v5.7.1; inside
 * kustomize-controller the version comes from the Go build info of the controller binary instead.
 */
export const MANAGED_BY_VALUE = 'kustomize-v5.7.1';

/** Origin tracking for one build: on when the top kustomization lists any buildMetadata option. */
export interface OriginTracking {
  /** The top kustomization directory; origin paths are relative to it. */
  readonly top: string;
}

export interface Origin {
  readonly path?: string;
  readonly configuredIn?: string;
  readonly configuredBy?: { readonly apiVersion: string; readonly kind: string; readonly name?: string; readonly namespace?: string };
}

export function buildMetadataOptions(k: Kustomization): string[] {
  const bm = k.buildMetadata;
  return Array.isArray(bm) ? bm.map((x) => scalarText(x) ?? '') : [];
}

export function startTracking(top: Kustomization, dir: string): OriginTracking | undefined {
  return buildMetadataOptions(top).length > 0 ? { top: dir } : undefined;
}

/** Go's filepath.Join(rel(top, dir), name): a cleaned relative path ("" joins to just `name`). */
export function originPath(t: OriginTracking, abs: string): string {
  const from = normalizePath(t.top).split('/').filter(Boolean);
  const to = normalizePath(abs).split('/').filter(Boolean);
  let i = 0;
  while (i < from.length && i < to.length && from[i] === to[i]) i++;
  const parts = [...from.slice(i).map(() => '..'), ...to.slice(i)];
  return parts.length === 0 ? '.' : parts.join('/');
}

/** The origin of what a kustomization's own fields configure (builtin generators and transformers). */
export function builtinOrigin(t: OriginTracking, kustomizationFile: string, kind: string): Origin {
  return { configuredIn: originPath(t, kustomizationFile), configuredBy: { apiVersion: 'builtin', kind } };
}

/** The origin a plugin config gives what it generates or transforms: configured in the config's own file. */
export function pluginOrigin(config: Resource): Origin | undefined {
  const text = config.stringMap('annotations')[ORIGIN_ANNOTATION];
  if (text === undefined) return undefined;
  let path: string | undefined;
  try {
    const doc = parseYaml(text);
    path = isMap(doc) ? scalarText(doc.path) : undefined;
  } catch {
    path = undefined;
  }
  const by: { apiVersion: string; kind: string; name?: string; namespace?: string } = { apiVersion: config.apiVersion, kind: config.kind };
  if (config.name) by.name = config.name;
  if (config.namespace) by.namespace = config.namespace;
  return { ...(path ? { configuredIn: path } : {}), configuredBy: by };
}

/** A scalar as yaml.v3 writes it: plain when it reads back as the same string, double-quoted otherwise. */
function scalar(s: string): string {
  const plain = s !== '' && /^[A-Za-z0-9_./][A-Za-z0-9_./ ()~+=@-]*$/.test(s) && !s.endsWith(' ') && resolvePlainV3(s) === 'str';
  return plain ? s : JSON.stringify(s);
}

function originLines(o: Origin): string[] {
  const lines: string[] = [];
  if (o.path) lines.push(`path: ${scalar(o.path)}`);
  if (o.configuredIn) lines.push(`configuredIn: ${scalar(o.configuredIn)}`);
  const by = o.configuredBy;
  if (by) {
    lines.push('configuredBy:');
    if (by.apiVersion) lines.push(`  apiVersion: ${scalar(by.apiVersion)}`);
    if (by.kind) lines.push(`  kind: ${scalar(by.kind)}`);
    if (by.name) lines.push(`  name: ${scalar(by.name)}`);
    if (by.namespace) lines.push(`  namespace: ${scalar(by.namespace)}`);
  }
  return lines;
}

/**
 * The annotation map, about to be written the way kustomize's SetAnnotations writes it: the field is
 * cleared and set again, so it becomes the last field of metadata (which a validator's comparison sees).
 */
function annotations(r: Resource): YMap {
  const meta = r.ensureMeta();
  const a = isMap(meta.annotations) ? meta.annotations : {};
  delete meta.annotations;
  meta.annotations = a;
  return a;
}

export function hasOrigin(r: Resource): boolean {
  const a = r.obj.metadata;
  return isMap(a) && isMap(a.annotations) && a.annotations[ORIGIN_ANNOTATION] !== undefined;
}

export function setOrigin(r: Resource, o: Origin): void {
  annotations(r)[ORIGIN_ANNOTATION] = originLines(o).join('\n') + '\n';
}

/** kustomize's AddTransformerAnnotation: the origin of a resource without one, else one more transformation. */
export function addTransformation(r: Resource, o: Origin): void {
  if (!hasOrigin(r)) {
    setOrigin(r, o);
    return;
  }
  const a = annotations(r);
  const item = originLines(o).map((l, i) => (i === 0 ? '- ' : '  ') + l).join('\n') + '\n';
  a[TRANSFORMATIONS_ANNOTATION] = (scalarText(a[TRANSFORMATIONS_ANNOTATION]) ?? '') + item;
}

/** Records `origins` (in order) on every resource, as kustomize does after each transformer it runs. */
export function recordTransformations(resources: readonly Resource[], origins: readonly Origin[]): void {
  if (origins.length === 0) return;
  for (const r of resources) for (const o of origins) addTransformation(r, o);
}

/** Resources read from a file: origin `path` is the file relative to the top kustomization. */
export function markFileOrigins(t: OriginTracking, resources: readonly Resource[], file: string): void {
  const o: Origin = { path: originPath(t, file) };
  for (const r of resources) setOrigin(r, o);
}

/** A generator's merge keeps the origin of the resource it merges into (kustomize's appendReplaceOrMerge). */
export function keepMergedOrigin(old: Resource, merged: Resource): void {
  const prev = old.stringMap('annotations')[ORIGIN_ANNOTATION];
  if (prev !== undefined) annotations(merged)[ORIGIN_ANNOTATION] = prev;
}

/**
 * The end of a build (kustomize's krusty.Run after sorting): the managed-by label, then the origin and
 * transformation annotations removed unless asked for, and an empty annotation map dropped.
 */
export function finishBuildMetadata(resources: readonly Resource[], top: Kustomization): void {
  const opts = new Set(buildMetadataOptions(top));
  const keepOrigin = opts.has('originAnnotations');
  const keepTransformations = opts.has('transformerAnnotations');
  for (const r of resources) {
    if (opts.has('managedByLabel')) setStringMap(r, [{ path: 'metadata/labels', create: true }], { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE });
    const meta = r.obj.metadata;
    if (!isMap(meta)) continue;
    // kustomize writes the annotations back as a map: an empty or null one disappears
    if (meta.annotations === null || (meta.annotations instanceof YScalar && meta.annotations.tag === 'null')) delete meta.annotations;
    if (!isMap(meta.annotations)) continue;
    const a = meta.annotations;
    if (!keepOrigin) delete a[ORIGIN_ANNOTATION];
    if (!keepTransformations) delete a[TRANSFORMATIONS_ANNOTATION];
    if (Object.keys(a).length === 0) delete meta.annotations;
  }
}
