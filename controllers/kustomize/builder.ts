/**
 * Flux's kustomization.yaml generator (pkg/kustomize Generator, reference 4.5) over the extracted
 * artifact on disk, and the production ManifestBuilder: the native kustomize engine on a disk
 * filesystem rooted at the artifact (nothing outside it is readable).
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseAllDocuments, parse as parseYaml, stringify } from 'yaml';
import { Kustomizer, decodeKustomization } from '../../engines/kustomize/index.js';
import { YScalar, type YValue } from '../../engines/yaml/index.js';
import { goTimestampJson } from '../../engines/yaml/go-scalar.js';
import type { KubeObject } from '../../runtime/client/index.js';
import { DiskFileSystem } from '../../runtime/fs/disk-fs.js';
import { buildWithRemotes } from '../../runtime/kustomize-fetch/index.js';
import type { WorkerPool } from '../../runtime/workers/index.js';
import type { BuildRequest, ManifestBuilder } from './types.js';

const kustomizationFiles = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

function findKustomization(dir: string): string | undefined {
  return kustomizationFiles.map((f) => join(dir, f)).find((p) => existsSync(p));
}

/** Resources for a directory without kustomization.yaml: sub-kustomizations and Kubernetes YAML files. */
function scanResources(base: string, dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    const rel = abs
      .slice(base.length + 1)
      .split('\\')
      .join('/');
    const st = statSync(abs);
    if (st.isDirectory()) {
      if (findKustomization(abs)) out.push(rel);
      else scanResources(base, abs, out);
    } else if (/\.ya?ml$/.test(name)) {
      const text = readFileSync(abs, 'utf8');
      for (const doc of parseAllDocuments(text)) {
        if (doc.errors.length > 0)
          throw new Error(`failed to decode Kubernetes YAML from ${abs}: ${doc.errors[0]?.message ?? ''}`);
        const v = doc.toJS() as { apiVersion?: unknown; kind?: unknown } | null;
        if (v !== null && (typeof v !== 'object' || !v.apiVersion || !v.kind)) {
          throw new Error(`failed to decode Kubernetes YAML from ${abs}: missing apiVersion or kind`);
        }
      }
      out.push(`./${rel}`);
    }
  }
}

type Spec = Readonly<Record<string, unknown>>;

/**
 * What Flux's generator keeps of an existing kustomization: it decodes the file into kustomize's typed
 * Kustomization non-strictly (sigs.k8s.io/yaml: YAML 1.1, unknown fields dropped at any depth, names
 * matched case-insensitively) over kustomize's apiVersion/kind defaults.
 */
function readExisting(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  try {
    const decoded = toJson(decodeKustomization(text, basename(file), true)) as Record<string, unknown>;
    return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', ...decoded };
  } catch (err) {
    // A type mismatch fails Flux's generator with sigs.k8s.io/yaml's text (and a trailing "<nil>",
    // as kustomize-controller v1.7.3 reports it); other failures are left for the build to report.
    const m = /^invalid Kustomization: (json: cannot unmarshal .*) \(in [^)]*\)$/.exec((err as Error).message);
    if (m) throw new Error(`error unmarshaling JSON: while decoding JSON: ${m[1] ?? ''} <nil>`);
    return (parseYaml(text) as Record<string, unknown> | null) ?? {};
  }
}

/** Writes the (generated or existing) kustomization.yaml with the Kustomization's spec overrides. */
export function generateKustomization(dir: string, spec: Spec): void {
  const existing = findKustomization(dir);
  let k: Record<string, unknown>;
  let file: string;
  if (existing) {
    file = existing;
    k = readExisting(existing);
    // As Flux: an existing kustomization without resources (kustomize would call it empty) builds
    // with exactly `buildMetadata: [originAnnotations]`, replacing any buildMetadata it has.
    if (!Array.isArray(k['resources']) || k['resources'].length === 0) k['buildMetadata'] = ['originAnnotations'];
  } else {
    file = join(dir, 'kustomization.yaml');
    const resources: string[] = [];
    scanResources(dir, dir, resources);
    k = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources };
    // Avoids kustomize's "kustomization.yaml is empty" on a directory without manifests.
    if (resources.length === 0) k['namespace'] = '_placeholder';
  }
  if (typeof spec['targetNamespace'] === 'string') k['namespace'] = spec['targetNamespace'];
  if (typeof spec['namePrefix'] === 'string') k['namePrefix'] = spec['namePrefix'];
  if (typeof spec['nameSuffix'] === 'string') k['nameSuffix'] = spec['nameSuffix'];
  const patches = spec['patches'];
  if (Array.isArray(patches) && patches.length > 0)
    k['patches'] = [...((k['patches'] as unknown[]) ?? []), ...patches];
  const images = spec['images'];
  if (Array.isArray(images) && images.length > 0) {
    const list = [...((k['images'] as { name?: string }[]) ?? [])];
    for (const img of images as { name?: string }[]) {
      const i = list.findIndex((x) => x.name === img.name);
      if (i >= 0) list[i] = img;
      else list.push(img);
    }
    k['images'] = list;
  }
  const components = spec['components'];
  if (Array.isArray(components) && components.length > 0) {
    const add: string[] = [];
    for (const c of components as string[]) {
      if (c.startsWith('/') || /^[a-z]+:\/\//.test(c))
        throw new Error(`component path '${c}' must be local and relative`);
      if (spec['ignoreMissingComponents'] === true && !existsSync(join(dir, c))) continue;
      add.push(c);
    }
    k['components'] = [...((k['components'] as string[]) ?? []), ...add];
  }
  // Flux builds with krusty.Options{} whose Reorder is empty: resources keep kustomize's input
  // (depth-first) order unless the kustomization sets sortOptions; the CLI's default is legacy order.
  if (k['sortOptions'] === undefined) k['sortOptions'] = { order: 'fifo' };
  // YAML 1.1 out, as the engine reads it back: strings such as "yes" or "010" stay quoted.
  writeFileSync(file, stringify(k, { version: '1.1' }));
}

/** The engine's YAML model as plain JSON (typed scalars become numbers, booleans and null). */
export function toJson(v: YValue): unknown {
  if (v === null || typeof v === 'string') return v;
  if (v instanceof YScalar) {
    switch (v.tag) {
      case 'int':
      case 'float':
        return Number(v.text);
      case 'bool':
        return v.text === 'true';
      case 'null':
        return null;
      case 'timestamp':
        // kustomize decodes it as a time.Time and prints it in RFC 3339 (what Flux applies).
        return goTimestampJson(v.text) ?? v.text;
      default:
        return v.text;
    }
  }
  if (Array.isArray(v)) return v.map(toJson);
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = toJson(x);
  return out;
}

/** The native kustomize build of an already generated overlay, local files only, loads unrestricted within the root (synchronous, CPU-bound). */
export function buildOverlay(root: string, path: string): KubeObject[] {
  const fs = new DiskFileSystem(root);
  const out = Kustomizer.run(fs, `/${path === '.' ? '' : path}`, { loadRestrictions: 'none' });
  return out.resources.map((r) => toJson(r) as unknown as KubeObject);
}

/**
 * The build Flux's SecureBuild makes: the artifact is the root, loads are not restricted to each
 * kustomization's directory (krusty LoadRestrictionsNone: an overlay may read `../shared/file`, never
 * anything outside the artifact), and remote bases, components and http(s)
 * files are fetched (git CLI / undici) unless `--no-remote-bases`, which refuses git repositories but
 * still fetches http(s) files, as kustomize-controller does. A build without remote entries fetches nothing.
 */
export async function buildOverlayWithRemotes(root: string, path: string, noRemoteBases = false): Promise<KubeObject[]> {
  const out = await buildWithRemotes(new DiskFileSystem(root), `/${path === '.' ? '' : path}`, { noRemoteBases, loadRestrictions: 'none' });
  return out.resources.map((r) => toJson(r) as unknown as KubeObject);
}

/** The worker-pool entry point: `buildOverlayWithRemotes` over structured-clone input. */
export function buildTask(input: BuildRequest): Promise<KubeObject[]> {
  return buildOverlayWithRemotes(input.root, input.path, input.noRemoteBases === true);
}

/**
 * Builds in the worker pool (ARCHITECTURE decision 4): a slow build occupies one worker thread, never
 * the event loop, so other Kustomizations keep reconciling. Errors come back with the engine's text.
 */
export function pooledBuilder(pool: WorkerPool): ManifestBuilder {
  return {
    build: (req) =>
      pool.run<KubeObject[]>({
        module: import.meta.url,
        exportName: 'buildTask',
        input: { root: req.root, path: req.path, ...(req.noRemoteBases ? { noRemoteBases: true } : {}) },
      }),
  };
}

/** Runs `buildOverlayWithRemotes` on the calling thread. */
export function nativeBuilder(): ManifestBuilder {
  return {
    build: (req: BuildRequest) => buildOverlayWithRemotes(req.root, req.path, req.noRemoteBases === true),
  };
}
