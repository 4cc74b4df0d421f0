/**
 * SOPS decryption (reference 4.7), Flux's internal/decryptor over engines/sops:
 *  - keys from `spec.decryption.secretRef` (`*.agekey`, `*.asc`), else the `--sops-age-secret`
 *    fallback (only `.agekey` entries);
 *  - before the build, files referenced by `secretGenerator` (`files`, `envs`) and local
 *    `patches[].path` of every kustomization reachable from the path are decrypted in place when
 *    they carry sops markers;
 *  - after the build, each resource (unless annotated `kustomize.toolkit.fluxcd.io/decrypt: disabled`).
 * Errors never carry key material or plaintext. Failures become BuildFailed in the build step.
 */
import { lstat, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  decryptFile,
  decryptResource,
  formatForPath,
  keysFromSecretData,
  type SopsFormat,
  type SopsKeys,
} from '../../../engines/sops/index.js';
import { isNotFound, type KubeObject } from '../../../runtime/client/index.js';
import type { KustomizationObject } from '../object.js';
import type { KustomizeDeps } from '../types.js';
import { securePath } from './fetch.js';

/** Files larger than this are not decrypted (Flux maxEncryptedFileSize, 5 MiB). */
const maxEncryptedFileSize = 5 << 20;
const kustomizationFiles = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];
const decryptAnnotation = 'kustomize.toolkit.fluxcd.io/decrypt';

const markers: Readonly<Record<SopsFormat, string>> = {
  binary: '"mac": "ENC[',
  dotenv: 'sops_mac=ENC[',
  ini: '[sops]',
  json: '"mac": "ENC[',
  yaml: 'mac: ENC[',
};

export interface Decryptor {
  /** Decrypts secretGenerator/patch sources under `path` (relative to `root`) in place. */
  decryptSources(root: string, path: string): Promise<void>;
  /** The decrypted resource, or the same object when there is nothing to decrypt. */
  decryptResource(obj: KubeObject): Promise<KubeObject>;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function importKeys(data: Record<string, string>, where: string, onlyAge: boolean): SopsKeys {
  const age: string[] = [];
  const pgp: string[] = [];
  for (const name of Object.keys(data).sort()) {
    if (onlyAge && !name.endsWith('.agekey')) continue;
    let k: SopsKeys;
    try {
      k = keysFromSecretData({ [name]: Buffer.from(data[name] ?? '', 'base64') });
    } catch (err) {
      // The engine names the entry; Flux's wording names the Secret too (never the content).
      const cause = message(err).replace(/^failed to import '[^']*': /, '');
      throw new Error(`failed to import '${name}' data from ${where}: ${cause}`, { cause: err });
    }
    age.push(...k.ageIdentities);
    pgp.push(...k.pgpPrivateKeys);
  }
  return { ageIdentities: age, pgpPrivateKeys: pgp };
}

async function readKeys(deps: KustomizeDeps, ks: KustomizationObject): Promise<SopsKeys> {
  const ref = ks.spec.decryption?.secretRef;
  const fallback = deps.options?.sopsAgeSecret;
  const target = ref
    ? { namespace: ks.metadata.namespace, name: ref.name }
    : fallback
      ? { namespace: fallback.namespace, name: fallback.name }
      : undefined;
  if (!target) return { ageIdentities: [], pgpPrivateKeys: [] };
  const id = `${target.namespace}/${target.name}`;
  const what = ref ? `sops decryption Secret '${id}'` : `sops SOPS age decryption Secret '${id}'`;
  let secret: KubeObject;
  try {
    secret = await deps.client.get({ apiVersion: 'v1', kind: 'Secret', ...target });
  } catch (err) {
    if (isNotFound(err)) throw err;
    throw new Error(`cannot get ${what}: ${message(err)}`, { cause: err });
  }
  return importKeys((secret['data'] ?? {}) as Record<string, string>, what, !ref);
}

function isRemote(p: string): boolean {
  try {
    const u = new URL(p);
    return u.protocol !== '' && u.host !== '';
  } catch {
    return false;
  }
}

interface KustomizationFile {
  resources?: unknown;
  components?: unknown;
  patches?: unknown;
  secretGenerator?: unknown;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

async function loadKustomization(root: string, rel: string): Promise<KustomizationFile | undefined> {
  let found: string | undefined;
  for (const f of kustomizationFiles) {
    const abs = join(root, rel, f);
    const st = await lstat(abs).catch(() => undefined);
    if (!st) continue;
    if (!st.isFile()) throw new Error(`expected ${f} to be a regular file`);
    if (found) throw new Error('found multiple kustomization files');
    found = abs;
  }
  if (!found) throw new Error('no kustomization file found');
  const parsed = parseYaml(await readFile(found, 'utf8')) as unknown;
  return parsed && typeof parsed === 'object' ? (parsed as KustomizationFile) : {};
}

class SopsDecryptor implements Decryptor {
  constructor(private readonly keys: SopsKeys) {}

  async decryptSources(root: string, path: string): Promise<void> {
    const decrypted = new Set<string>();
    await this.visit(root, securePath(root, path), new Set<string>(), decrypted, true);
  }

  /** recurseKustomizationFiles: missing or non-directory references are dead ends, not errors. */
  private async visit(
    root: string,
    rel: string,
    visited: Set<string>,
    decrypted: Set<string>,
    top: boolean,
  ): Promise<void> {
    if (visited.has(rel)) return;
    visited.add(rel);
    const st = await lstat(join(root, rel)).catch(() => undefined);
    if (!st || !st.isDirectory()) {
      if (top) throw new Error(st ? 'not a directory' : `lstat ${rel}: no such file or directory`);
      return;
    }
    const k = await loadKustomization(root, rel);
    if (!k) return;
    const file = async (ref: string, format: SopsFormat): Promise<void> => {
      const target = securePath(root, ref.startsWith('/') ? ref : `${rel}/${ref}`);
      if (decrypted.has(target)) return;
      await this.decryptFileInPlace(root, target, format);
      decrypted.add(target);
    };
    for (const gen of Array.isArray(k.secretGenerator) ? (k.secretGenerator as unknown[]) : []) {
      const g = (gen ?? {}) as { files?: unknown; envs?: unknown };
      for (const src of strings(g.files)) {
        const eq = src.indexOf('=');
        const key = eq >= 0 ? src.slice(0, eq) : src;
        await file(eq >= 0 ? src.slice(eq + 1) : src, formatForPath(key));
      }
      for (const env of strings(g.envs)) {
        const f = formatForPath(env);
        await file(env, f === 'binary' ? 'dotenv' : f);
      }
    }
    for (const p of Array.isArray(k.patches) ? (k.patches as unknown[]) : []) {
      const path = (p as { path?: unknown } | null)?.path;
      if (typeof path !== 'string' || path === '' || isRemote(path)) continue;
      await file(path, formatForPath(path));
    }
    for (const r of [...strings(k.resources), ...strings(k.components)]) {
      await this.visit(
        root,
        securePath(root, r.startsWith('/') ? r : `${rel}/${r}`),
        visited,
        decrypted,
        false,
      );
    }
  }

  private async decryptFileInPlace(root: string, rel: string, format: SopsFormat): Promise<void> {
    const abs = join(root, rel);
    const st = await lstat(abs).catch((err: unknown) => {
      throw new Error(`lstat ${rel}: no such file or directory`, { cause: err });
    });
    if (!st.isFile()) throw new Error('cannot decrypt irregular file as it has file mode type bits set');
    if (st.size > maxEncryptedFileSize)
      throw new Error(
        `cannot decrypt file with size (${st.size} bytes) exceeding limit (${maxEncryptedFileSize})`,
      );
    const data = await readFile(abs);
    if (!data.includes(markers[format])) return;
    const out = await decryptFile(data, format, format, this.keys);
    await writeFile(abs, out, { mode: 0o600 });
  }

  async decryptResource(obj: KubeObject): Promise<KubeObject> {
    const annotations = obj.metadata.annotations ?? {};
    if ((annotations[decryptAnnotation] ?? '').toLowerCase() === 'disabled') return obj;
    const res = await decryptResource(obj as unknown as Record<string, unknown>, this.keys);
    return res.changed ? (res.object as unknown as KubeObject) : obj;
  }
}

/** The decryptor for `spec.decryption` (provider sops), or undefined when decryption is off. */
export async function newDecryptor(
  deps: KustomizeDeps,
  ks: KustomizationObject,
): Promise<Decryptor | undefined> {
  const d = ks.spec.decryption;
  if (!d || d.provider !== 'sops') return undefined;
  return new SopsDecryptor(await readKeys(deps, ks));
}
