/**
 * `sluice build kustomization`: the kustomize-controller's build pipeline run locally — Flux's
 * generated kustomization.yaml with the spec overrides, the native kustomize engine on a disk copy of
 * the directory, post-build substitution — plus the flux CLI's owner labels and SOPS masking.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import ignore from 'ignore';
import { parseAllDocuments } from 'yaml';
import { mergeVariables, substituteResource } from '../../engines/envsubst/index.js';
import { isNotFound, type KubeClient, type KubeObject } from '../../runtime/client/index.js';
import { buildOverlayWithRemotes, generateKustomization } from '../../controllers/kustomize/builder.js';

export const KS_API_VERSION = 'kustomize.toolkit.fluxcd.io/v1';
const GROUP = 'kustomize.toolkit.fluxcd.io';
/** Flux's mask for SOPS-encrypted values in build output. */
export const SOPS_MASK = '**SOPS**';

export interface SubstituteFromRef {
  readonly kind: string;
  readonly name: string;
  readonly optional?: boolean;
}

export interface KustomizationDoc extends KubeObject {
  spec?: {
    prune?: boolean;
    postBuild?: { substitute?: Record<string, string>; substituteFrom?: SubstituteFromRef[] };
    [key: string]: unknown;
  };
  status?: { inventory?: { entries?: { id: string; v: string }[] } };
}

/** The Kustomization named `name` in `namespace` (or without a namespace) from a YAML file. */
export function readKustomizationFile(file: string, name: string, namespace: string): KustomizationDoc {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`failed to read kustomization file ${file}: ${(err as Error).message}`);
  }
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`failed to unmarshall kustomization file ${file}: ${doc.errors[0]?.message ?? ''}`);
    const o = doc.toJS() as KustomizationDoc | null;
    if (
      o &&
      typeof o.apiVersion === 'string' &&
      o.apiVersion.startsWith(`${GROUP}/`) &&
      o.kind === 'Kustomization' &&
      o.metadata?.name === name &&
      (!o.metadata.namespace || o.metadata.namespace === namespace)
    ) {
      return { ...o, metadata: { ...o.metadata, namespace } };
    }
  }
  throw new Error(`failed find kustomization with name '${name}' and namespace '${namespace}' in file '${file}'`);
}

export interface LoadOptions {
  readonly name: string;
  readonly namespace: string;
  readonly file?: string;
  /** No cluster: the file is the only source. */
  readonly dryRun: boolean;
  readonly kube?: KubeClient;
}

/** Flux's order: the live object, falling back to the file when the cluster has none. */
export async function loadKustomization(o: LoadOptions): Promise<KustomizationDoc> {
  if (o.dryRun) {
    if (!o.file) throw new Error('dry-run mode requires a kustomization file: use --kustomization-file');
    return readKustomizationFile(o.file, o.name, o.namespace);
  }
  if (!o.kube) throw new Error('a cluster connection is required without --dry-run');
  try {
    return await o.kube.get<KustomizationDoc>({ apiVersion: KS_API_VERSION, kind: 'Kustomization', namespace: o.namespace, name: o.name });
  } catch (err) {
    if (isNotFound(err) && o.file) return readKustomizationFile(o.file, o.name, o.namespace);
    throw new Error(`failed to get kustomization object: ${(err as Error).message}`, { cause: err });
  }
}

export interface BuildOptions {
  readonly path: string;
  readonly ignorePaths?: readonly string[];
  readonly strictSubstitute?: boolean;
  /** Reads ConfigMaps/Secrets for `substituteFrom`; absent in dry-run mode (inline variables only). */
  readonly kube?: KubeClient;
}

/** Copies DIR to a scratch directory (leaving the user's tree untouched), minus ignored paths. */
function stage(path: string, ignorePaths: readonly string[]): string {
  const src = resolve(path);
  let st;
  try {
    st = statSync(src);
  } catch {
    throw new Error(`invalid resource path '${path}': no such directory`);
  }
  if (!st.isDirectory()) throw new Error(`invalid resource path '${path}': not a directory`);
  const ig = ignore().add([...ignorePaths]);
  const dst = mkdtempSync(join(tmpdir(), 'sluice-build-'));
  cpSync(src, dst, {
    recursive: true,
    filter: (s) => {
      const rel = relative(src, s).split('\\').join('/');
      if (rel === '') return true;
      const isDir = statSync(s).isDirectory();
      return !ig.ignores(isDir ? `${rel}/` : rel);
    },
  });
  return dst;
}

async function readVars(kube: KubeClient, ks: KustomizationDoc): Promise<Record<string, string>[]> {
  const out: Record<string, string>[] = [];
  for (const ref of ks.spec?.postBuild?.substituteFrom ?? []) {
    let obj: KubeObject;
    try {
      obj = await kube.get({ apiVersion: 'v1', kind: ref.kind, namespace: ks.metadata.namespace, name: ref.name });
    } catch (err) {
      if (ref.optional && isNotFound(err)) continue;
      throw new Error(`substitute from '${ref.kind}/${ref.name}' error: ${(err as Error).message}`, { cause: err });
    }
    const data = (obj['data'] ?? {}) as Record<string, string>;
    out.push(
      ref.kind === 'Secret'
        ? Object.fromEntries(Object.entries(data).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]))
        : data,
    );
  }
  return out;
}

/** A SOPS-encrypted Secret's values become Flux's mask; the `sops` metadata is dropped from any object. */
export function maskSops(obj: KubeObject): KubeObject {
  if (obj['sops'] === undefined) return obj;
  const out: KubeObject = { ...obj };
  delete out['sops'];
  if (obj.kind === 'Secret') {
    const masked = Buffer.from(SOPS_MASK).toString('base64');
    const data = obj['data'] as Record<string, string> | undefined;
    const stringData = obj['stringData'] as Record<string, string> | undefined;
    if (data) out['data'] = Object.fromEntries(Object.keys(data).map((k) => [k, masked]));
    if (stringData) out['stringData'] = Object.fromEntries(Object.keys(stringData).map((k) => [k, SOPS_MASK]));
  }
  return out;
}

/** Builds the Kustomization's objects from DIR exactly as the controller would, plus owner labels. */
export async function buildKustomization(ks: KustomizationDoc, o: BuildOptions): Promise<KubeObject[]> {
  const root = stage(o.path, o.ignorePaths ?? []);
  try {
    try {
      generateKustomization(root, (ks.spec ?? {}) as Record<string, unknown>);
    } catch (err) {
      throw new Error(`failed to generate kustomization.yaml: ${(err as Error).message}`, { cause: err });
    }
    let objects: KubeObject[];
    try {
      objects = await buildOverlayWithRemotes(root, '.');
    } catch (err) {
      throw new Error(`kustomize build failed: ${(err as Error).message}`, { cause: err });
    }
    const postBuild = ks.spec?.postBuild;
    const vars = postBuild ? mergeVariables(o.kube ? await readVars(o.kube, ks) : [], postBuild.substitute) : undefined;
    const out: KubeObject[] = [];
    for (let obj of objects) {
      if (vars && vars.size > 0) {
        const res = substituteResource(obj, vars, { strict: o.strictSubstitute === true });
        if (!res.ok) throw new Error(`var substitution failed for '${obj.metadata.name ?? ''}': ${res.error.message}`);
        obj = res.value as KubeObject;
      }
      const labels = {
        ...(obj.metadata.labels ?? {}),
        [`${GROUP}/name`]: ks.metadata.name ?? '',
        [`${GROUP}/namespace`]: ks.metadata.namespace ?? '',
      };
      out.push(maskSops({ ...obj, metadata: { ...obj.metadata, labels } }));
    }
    return out;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
