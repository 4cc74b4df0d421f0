/**
 * The built-in objects Helm v3.19 passes to templates: `.Chart` (chart.Metadata plus IsRoot),
 * `.Release`, `.Capabilities` (*chartutil.Capabilities: KubeVersion with String/GitVersion,
 * APIVersions with Has, HelmVersion), `.Values` (chartutil.Values with YAML/Table/AsMap) and
 * `.Template` (Name, BasePath).
 */
import { quoteJSONString } from '../gojson/encode.js';
import { GoError, GoStruct, GoTyped, goFunc, mapEntries, stringSlice } from '../gotemplate/value.js';
import type { GoFuncValue, GoMap, GoValue } from '../gotemplate/value.js';
import { marshalYAMLv2 } from '../yaml/go-yaml-v2-marshal.js';
import { DEFAULT_API_VERSIONS } from './api-versions.js';

/** Chart.yaml metadata (chart.Metadata); absent fields are Go zero values. */
export interface ChartMetadata {
  readonly name: string;
  readonly version: string;
  readonly apiVersion?: string;
  readonly appVersion?: string;
  readonly description?: string;
  readonly home?: string;
  readonly icon?: string;
  readonly sources?: readonly string[];
  readonly keywords?: readonly string[];
  readonly maintainers?: readonly {
    readonly name?: string;
    readonly email?: string;
    readonly url?: string;
  }[];
  readonly condition?: string;
  readonly tags?: string;
  readonly deprecated?: boolean;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly kubeVersion?: string;
  readonly dependencies?: readonly Readonly<Record<string, unknown>>[];
  readonly type?: string;
}

/** `.Release` (chartutil.ReleaseOptions). */
export interface ReleaseInfo {
  readonly name: string;
  readonly namespace: string;
  /** @default 1 */
  readonly revision?: number;
  /** @default true unless isUpgrade */
  readonly isInstall?: boolean;
  /** @default false */
  readonly isUpgrade?: boolean;
}

/** `.Capabilities`. */
export interface CapabilitiesInfo {
  /** e.g. `v1.31.0`. @default v1.20.0 (Helm's default) */
  readonly kubeVersion?: string;
  /** API versions for `.Capabilities.APIVersions.Has`. @default Helm's built-in set */
  readonly apiVersions?: readonly string[];
  /** @default { version: 'v3.19', goVersion: 'go1.26.8' } */
  readonly helmVersion?: {
    readonly version: string;
    readonly gitCommit?: string;
    readonly gitTreeState?: string;
    readonly goVersion?: string;
  };
}

const str = (v: string | undefined): string => v ?? '';
const strs = (v: readonly string[] | undefined): GoValue =>
  v === undefined ? new GoTyped('[]string', 'slice', null, {}, 'string') : stringSlice(v);

function metadataJSON(md: ChartMetadata): string[] {
  const parts: string[] = [];
  const add = (k: string, v: unknown, omit: boolean): void => {
    if (!omit) parts.push(`${quoteJSONString(k)}:${JSON.stringify(v)}`);
  };
  // chart.Metadata's json tags, in declaration order, all omitempty.
  add('name', md.name, !md.name);
  add('home', md.home, !md.home);
  add('sources', md.sources, !md.sources || md.sources.length === 0);
  add('version', md.version, !md.version);
  add('description', md.description, !md.description);
  add('keywords', md.keywords, !md.keywords || md.keywords.length === 0);
  add('maintainers', md.maintainers, !md.maintainers || md.maintainers.length === 0);
  add('icon', md.icon, !md.icon);
  add('apiVersion', md.apiVersion, !md.apiVersion);
  add('condition', md.condition, !md.condition);
  add('tags', md.tags, !md.tags);
  add('appVersion', md.appVersion, !md.appVersion);
  add('deprecated', md.deprecated, !md.deprecated);
  add('annotations', md.annotations, !md.annotations || Object.keys(md.annotations).length === 0);
  add('kubeVersion', md.kubeVersion, !md.kubeVersion);
  add('dependencies', md.dependencies, !md.dependencies || md.dependencies.length === 0);
  add('type', md.type, !md.type);
  return parts.map((p) =>
    p.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  );
}

/** `.Chart`: `struct { chart.Metadata; IsRoot bool }`. */
export function chartValue(md: ChartMetadata, isRoot: boolean): GoStruct {
  const fields = new Map<string, GoValue>([
    ['Name', str(md.name)],
    ['Home', str(md.home)],
    ['Sources', strs(md.sources)],
    ['Version', str(md.version)],
    ['Description', str(md.description)],
    ['Keywords', strs(md.keywords)],
    [
      'Maintainers',
      md.maintainers === undefined
        ? new GoTyped('[]*chart.Maintainer', 'slice', null)
        : md.maintainers.map((m) => maintainer(m)),
    ],
    ['Icon', str(md.icon)],
    ['APIVersion', str(md.apiVersion)],
    ['Condition', str(md.condition)],
    ['Tags', str(md.tags)],
    ['AppVersion', str(md.appVersion)],
    ['Deprecated', md.deprecated ?? false],
    [
      'Annotations',
      new GoTyped(
        'map[string]string',
        'map',
        md.annotations === undefined ? null : new Map(Object.entries(md.annotations)),
        {},
        'string',
      ),
    ],
    ['KubeVersion', str(md.kubeVersion)],
    ['Dependencies', new GoTyped('[]*chart.Dependency', 'slice', null)],
    ['Type', str(md.type)],
    ['IsRoot', isRoot],
  ]);
  const native = {
    marshalGoJSON: (): string => `{${[...metadataJSON(md), `"IsRoot":${isRoot}`].join(',')}}`,
  };
  return new GoStruct('struct { chart.Metadata; IsRoot bool }', fields, {}, false, native);
}

function maintainer(m: { readonly name?: string; readonly email?: string; readonly url?: string }): GoStruct {
  const fields = new Map<string, GoValue>([
    ['Name', str(m.name)],
    ['Email', str(m.email)],
    ['URL', str(m.url)],
  ]);
  const native = {
    marshalGoJSON: (): string => {
      const parts: string[] = [];
      if (m.name) parts.push(`"name":${quoteJSONString(m.name)}`);
      if (m.email) parts.push(`"email":${quoteJSONString(m.email)}`);
      if (m.url) parts.push(`"url":${quoteJSONString(m.url)}`);
      return `{${parts.join(',')}}`;
    },
  };
  return new GoStruct('chart.Maintainer', fields, {}, true, native);
}

/** `.Release`: a `map[string]interface {}`. */
export function releaseValue(r: ReleaseInfo): GoMap {
  const isUpgrade = r.isUpgrade ?? false;
  return new Map<string, GoValue>([
    ['Name', r.name],
    ['Namespace', r.namespace],
    ['IsUpgrade', isUpgrade],
    ['IsInstall', r.isInstall ?? !isUpgrade],
    ['Revision', BigInt(r.revision ?? 1)],
    ['Service', 'Helm'],
  ]);
}

/** chartutil.ParseKubeVersion's result: Version/Major/Minor. */
export function parseKubeVersion(v: string): { version: string; major: string; minor: string } {
  const m = /^v?([0-9]+)\.([0-9]+)(?:\.([0-9]+))?(.*)$/.exec(v.trim());
  if (!m) throw new GoError(`could not parse "${v}" as version`);
  const major = String(Number(m[1]));
  const minor = String(Number(m[2]));
  return {
    version: `v${major}.${minor}.${m[3] === undefined ? '0' : String(Number(m[3]))}${m[4] ?? ''}`,
    major,
    minor,
  };
}

/** `.Capabilities`: a *chartutil.Capabilities. */
export function capabilitiesValue(c: CapabilitiesInfo = {}): GoStruct {
  const kv = parseKubeVersion(c.kubeVersion ?? 'v1.20.0');
  const kubeVersion = new GoStruct(
    'chartutil.KubeVersion',
    new Map<string, GoValue>([
      ['Version', kv.version],
      ['Major', kv.major],
      ['Minor', kv.minor],
    ]),
    {
      String: goFunc('func() string', () => kv.version),
      GitVersion: goFunc('func() string', () => kv.version),
    },
  );
  const apiVersions = [...DEFAULT_API_VERSIONS, ...(c.apiVersions ?? [])];
  const versionSet = new GoTyped(
    'chartutil.VersionSet',
    'slice',
    [...apiVersions],
    {
      Has: goFunc('func(string) bool', (v) => apiVersions.includes(String(v))),
    },
    'string',
  );
  const hv = c.helmVersion ?? { version: 'v3.19', goVersion: 'go1.26.8' };
  const helmVersion = new GoStruct(
    'version.BuildInfo',
    new Map<string, GoValue>([
      ['Version', hv.version],
      ['GitCommit', hv.gitCommit ?? ''],
      ['GitTreeState', hv.gitTreeState ?? ''],
      ['GoVersion', hv.goVersion ?? ''],
    ]),
    {},
    false,
    {
      marshalGoJSON: (): string => {
        const parts = [`"version":${quoteJSONString(hv.version)}`];
        if (hv.gitCommit) parts.push(`"git_commit":${quoteJSONString(hv.gitCommit)}`);
        if (hv.gitTreeState) parts.push(`"git_tree_state":${quoteJSONString(hv.gitTreeState)}`);
        if (hv.goVersion) parts.push(`"go_version":${quoteJSONString(hv.goVersion)}`);
        return `{${parts.join(',')}}`;
      },
    },
  );
  return new GoStruct(
    'chartutil.Capabilities',
    new Map<string, GoValue>([
      ['KubeVersion', kubeVersion],
      ['APIVersions', versionSet],
      ['HelmVersion', helmVersion],
    ]),
    {},
    true,
  );
}

function tableOf(values: GoMap, name: string): GoMap {
  let cur: GoMap = values;
  for (const part of name.split('.')) {
    const next = cur.get(part);
    const m = next === undefined ? undefined : mapEntries(next);
    if (m === undefined) throw new GoError(`no table named "${name}"`);
    cur = m;
  }
  return cur;
}

/** chartutil.Values: a map with YAML, Table, AsMap, PathValue. */
export function valuesValue(m: GoMap): GoTyped {
  const methods: Record<string, GoFuncValue> = {
    YAML: goFunc('func() (string, error)', () => marshalYAMLv2(m)),
    AsMap: goFunc('func() map[string]interface {}', () => m),
    Table: goFunc('func(string) (chartutil.Values, error)', (n) => valuesValue(tableOf(m, String(n)))),
    PathValue: goFunc('func(string) (interface {}, error)', (p) => pathValue(m, String(p))),
  };
  return new GoTyped('chartutil.Values', 'map', m, methods, 'interface {}');
}

function pathValue(m: GoMap, path: string): GoValue {
  const parts = path.split('.');
  const key = parts.pop() ?? '';
  let table: GoMap = m;
  if (parts.length > 0) {
    try {
      table = tableOf(m, parts.join('.'));
    } catch {
      throw new GoError(`no value for key "${path}"`);
    }
  }
  const v = table.get(key);
  if (v === undefined || mapEntries(v) !== undefined) throw new GoError(`no value for key "${path}"`);
  return v;
}
