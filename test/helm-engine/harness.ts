/**
 * Helm-mode differential cases: a chart built in memory is rendered by renderChartTemplates and by
 * Helm v3.19's engine in the Go oracle (tools/go/gotemplate-oracle, `helm` mode), then compared.
 */
import { coalesceValues, renderChartTemplates } from '../../engines/helm/index.js';
import type { HelmChart } from '../../engines/helm/index.js';
import type { GoMap } from '../../engines/gotemplate/value.js';
import { unmarshalYAMLv2Object } from '../../engines/yaml/go-yaml-v2-unmarshal.js';
import type { OracleRequest, OracleResponse } from '../gotemplate/oracle.js';

export interface ChartCase {
  readonly name: string;
  readonly templates: Readonly<Record<string, string>>;
  readonly files?: Readonly<Record<string, string>>;
  readonly values?: string;
  readonly userValues?: string;
  readonly chart?: Readonly<Record<string, unknown>>;
  readonly release?: {
    name?: string;
    namespace?: string;
    revision?: number;
    isUpgrade?: boolean;
    isInstall?: boolean;
  };
  readonly kubeVersion?: string;
  readonly apiVersions?: readonly string[];
  readonly strict?: boolean;
  /**
   * Compare errors only by their `execution error at (…)` / `parse error at (…)` prefix, or (`fails`)
   * only require that both sides fail.
   */
  readonly errors?: 'exact' | 'prefix' | 'fails';
  /** For random/time-based output. */
  readonly compare?: (ours: string, go: string) => boolean;
}

function asMap(v: unknown): GoMap {
  return v instanceof Map ? (v as GoMap) : new Map();
}

/** The oracle request for a chart case. */
export function chartRequest(c: ChartCase): OracleRequest {
  return {
    mode: 'helm',
    helm: {
      chart: { name: 'mychart', version: '0.1.0', ...(c.chart ?? {}) },
      templates: c.templates,
      files: c.files ?? {},
      valuesYaml: c.values ?? '',
      userValuesYaml: c.userValues ?? '',
      release: {
        name: 'release-name',
        namespace: 'default',
        revision: 1,
        isInstall: true,
        ...(c.release ?? {}),
      },
      kubeVersion: c.kubeVersion ?? '',
      apiVersions: c.apiVersions ?? [],
      strict: c.strict ?? false,
    },
  };
}

/** Our rendering of a chart case, shaped like an oracle response. */
export function renderChartCase(c: ChartCase): OracleResponse {
  try {
    const md = {
      name: 'mychart',
      version: '0.1.0',
      apiVersion: 'v2',
      ...(c.chart ?? {}),
    } as HelmChart['metadata'];
    const chart: HelmChart & { values: GoMap } = {
      metadata: md,
      templates: Object.entries(c.templates).map(([name, data]) => ({ name, data })),
      files: Object.entries(c.files ?? {}).map(([name, data]) => ({ name, data: Buffer.from(data, 'utf8') })),
      values: asMap(unmarshalYAMLv2Object(c.values ?? '')),
    };
    const values = coalesceValues(chart, asMap(unmarshalYAMLv2Object(c.userValues ?? '')));
    const outputs = renderChartTemplates(chart, values, {
      release: {
        name: 'release-name',
        namespace: 'default',
        revision: 1,
        isInstall: true,
        ...(c.release ?? {}),
      },
      capabilities: {
        ...(c.kubeVersion ? { kubeVersion: c.kubeVersion } : {}),
        apiVersions: c.apiVersions ?? [],
      },
      strict: c.strict ?? false,
    });
    return { ok: true, outputs, nanos: 0 };
  } catch (err) {
    return { ok: false, error: (err as Error).message, nanos: 0 };
  }
}

const prefix = (s: string): string => /^(execution|parse) error (at|in) \([^)]*\)/.exec(s)?.[0] ?? s;

/** undefined when both sides agree. */
export function chartDiff(c: ChartCase, ours: OracleResponse, go: OracleResponse): string | undefined {
  if (ours.ok && go.ok) {
    const a = ours.outputs ?? {};
    const b = go.outputs ?? {};
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) {
      const x = a[k];
      const y = b[k];
      const same = c.compare !== undefined && x !== undefined && y !== undefined ? c.compare(x, y) : x === y;
      if (!same) return `${k} differs:\n ours: ${JSON.stringify(x)}\n go:   ${JSON.stringify(y)}`;
    }
    return undefined;
  }
  if (ours.ok !== go.ok) {
    return `one side failed:\n ours: ${ours.ok ? JSON.stringify(ours.outputs) : ours.error}\n go:   ${go.ok ? JSON.stringify(go.outputs) : go.error}`;
  }
  const x = ours.error ?? '';
  const y = go.error ?? '';
  const mode = c.errors ?? 'exact';
  const same = mode === 'fails' || (mode === 'exact' ? x === y : prefix(x) === prefix(y));
  return same ? undefined : `errors differ:\n ours: ${x}\n go:   ${y}`;
}
