/**
 * Discovery and REST mapping: GroupVersionKind ↔ resource (plural), namespaced or cluster-scoped.
 * Mappings are discovered lazily per group/version, cached, and refreshed once when a kind is missing
 * (a CRD installed after start), like controller-runtime's dynamic RESTMapper.
 */
import { NoKindMatchError, isNotFound } from './errors.js';
import type { GroupVersionKind } from './types.js';

export interface RestMapping {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** The plural resource name used in URLs, e.g. `gitrepositories`. */
  readonly resource: string;
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  readonly shortNames: readonly string[];
  readonly singularName: string;
  readonly categories: readonly string[];
  /** True when the resource has a `/status` subresource. */
  readonly hasStatus: boolean;
}

interface ApiResource {
  name: string;
  singularName?: string;
  namespaced: boolean;
  kind: string;
  verbs?: string[];
  shortNames?: string[];
  categories?: string[];
}

interface ApiGroupList {
  groups: { name: string; versions: { groupVersion: string; version: string }[]; preferredVersion?: { version: string } }[];
}

/** The one thing the mapper needs from the client: a JSON GET. */
export type DiscoveryGet = (path: string) => Promise<unknown>;

export class RestMapper {
  private readonly byGv = new Map<string, Promise<RestMapping[]>>();
  private groups: Promise<ApiGroupList> | undefined;

  constructor(private readonly get: DiscoveryGet) {}

  private gvPath(group: string, version: string): string {
    return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
  }

  private load(group: string, version: string, refresh: boolean): Promise<RestMapping[]> {
    const key = `${group}/${version}`;
    const hit = this.byGv.get(key);
    if (hit && !refresh) return hit;
    const p = (async (): Promise<RestMapping[]> => {
      let list: { resources?: ApiResource[] };
      try {
        list = (await this.get(this.gvPath(group, version))) as { resources?: ApiResource[] };
      } catch (err) {
        if (isNotFound(err)) return [];
        throw err;
      }
      const all = list.resources ?? [];
      const subs = new Set(all.filter((r) => r.name.includes('/')).map((r) => r.name));
      return all
        .filter((r) => !r.name.includes('/'))
        .map((r) => ({
          group,
          version,
          kind: r.kind,
          resource: r.name,
          namespaced: r.namespaced,
          verbs: r.verbs ?? [],
          shortNames: r.shortNames ?? [],
          singularName: r.singularName || r.kind.toLowerCase(),
          categories: r.categories ?? [],
          hasStatus: subs.has(`${r.name}/status`),
        }));
    })();
    this.byGv.set(key, p);
    p.catch(() => this.byGv.delete(key));
    return p;
  }

  /** Maps a kind to its resource; refreshes discovery once on a miss. Throws NoKindMatchError. */
  async mapping(gvk: GroupVersionKind): Promise<RestMapping> {
    for (const refresh of [false, true]) {
      const found = (await this.load(gvk.group, gvk.version, refresh)).find((m) => m.kind === gvk.kind);
      if (found) return found;
    }
    throw new NoKindMatchError(gvk.group, gvk.version, gvk.kind);
  }

  /** Every resource of one group/version (fresh when `refresh`). */
  resources(group: string, version: string, refresh = false): Promise<RestMapping[]> {
    return this.load(group, version, refresh);
  }

  /** The server's groups with their versions, preferred version first. */
  async groupVersions(refresh = false): Promise<{ group: string; versions: string[] }[]> {
    if (!this.groups || refresh) {
      const p = (async (): Promise<ApiGroupList> => {
        const core = (await this.get('/api')) as { versions?: string[] };
        const apis = (await this.get('/apis')) as ApiGroupList;
        return {
          groups: [
            { name: '', versions: (core.versions ?? ['v1']).map((v) => ({ groupVersion: v, version: v })), preferredVersion: { version: 'v1' } },
            ...apis.groups,
          ],
        };
      })();
      this.groups = p;
      p.catch(() => (this.groups = undefined));
    }
    const list = await this.groups;
    return list.groups.map((g) => {
      const pref = g.preferredVersion?.version;
      const versions = g.versions.map((v) => v.version);
      return { group: g.name, versions: pref ? [pref, ...versions.filter((v) => v !== pref)] : versions };
    });
  }

  /**
   * Resolves what a user typed (`ks`, `kustomization`, `kustomizations.kustomize.toolkit.fluxcd.io`,
   * `Deployment`) to a mapping in the group's preferred version.
   */
  async resolve(name: string): Promise<RestMapping> {
    const [head, ...rest] = name.split('.');
    const wantGroup = rest.length ? rest.join('.') : undefined;
    const lower = (head ?? '').toLowerCase();
    for (const refresh of [false, true]) {
      for (const g of await this.groupVersions(refresh)) {
        if (wantGroup !== undefined && g.group !== wantGroup) continue;
        const preferred = g.versions[0];
        if (!preferred) continue;
        const found = (await this.load(g.group, preferred, refresh)).find(
          (m) => m.resource === lower || m.singularName === lower || m.kind.toLowerCase() === lower || m.shortNames.includes(lower),
        );
        if (found) return found;
      }
    }
    throw new Error(`the server doesn't have a resource type "${name}"`);
  }

  /** Drops every cached mapping (the next lookup rediscovers). */
  reset(): void {
    this.byGv.clear();
    this.groups = undefined;
  }
}
