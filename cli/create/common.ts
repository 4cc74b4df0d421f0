/** Shared pieces of `sluice create …`: names, labels, durations and `Kind/name.namespace` references. */
import { durationString, parseDuration } from '../../engines/gofmt/index.js';
import { storageVersionOf } from '../../api/index.js';
import type { KubeObject } from '../../runtime/client/index.js';

export interface CommonFlags {
  readonly name: string;
  readonly namespace: string;
  /** `--label k=v` (repeatable) */
  readonly labels?: readonly string[];
  /** `--interval` as typed (Go duration); normalised to Go's printing, e.g. 1m → 1m0s. */
  readonly interval?: string;
}

/** Go's time.Duration printing of a user duration, with an error that says what to type. */
export function goDuration(flag: string, v: string): string {
  try {
    return durationString(parseDuration(v));
  } catch {
    throw new Error(`invalid --${flag} '${v}': use a Go duration such as 30s, 1m or 1h`);
  }
}

export function parseLabels(labels: readonly string[] = []): Record<string, string> | undefined {
  if (labels.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const l of labels) {
    for (const part of l.split(',')) {
      const i = part.indexOf('=');
      if (i <= 0) throw new Error(`invalid label format '${part}', must be key=value`);
      out[part.slice(0, i)] = part.slice(i + 1);
    }
  }
  return out;
}

export function apiVersionOf(kind: string): string {
  const v = storageVersionOf(kind);
  if (!v) throw new Error(`unknown kind ${kind}`);
  return v.apiVersion;
}

/** The object skeleton every create command starts from. */
export function base(
  kind: string,
  f: CommonFlags,
  apiVersion = apiVersionOf(kind),
): KubeObject & { spec: Record<string, unknown> } {
  const labels = parseLabels(f.labels);
  return {
    apiVersion,
    kind,
    metadata: { name: f.name, namespace: f.namespace, ...(labels ? { labels } : {}) },
    spec: {},
  };
}

export interface CrossRef {
  kind: string;
  name: string;
  namespace?: string;
}

/**
 * Parses `[<kind>/]<name>[.<namespace>]` as flux does for --source and --chart-ref; the kind must be one of `kinds`
 * (matched case-insensitively) and defaults to the first.
 */
export function parseCrossRef(flag: string, v: string, kinds: readonly string[]): CrossRef {
  const slash = v.indexOf('/');
  let kind = kinds[0]!;
  let rest = v;
  if (slash >= 0) {
    const k = v.slice(0, slash);
    const found = kinds.find((x) => x.toLowerCase() === k.toLowerCase());
    if (!found) throw new Error(`invalid --${flag} '${v}': kind '${k}' is not one of ${kinds.join(', ')}`);
    kind = found;
    rest = v.slice(slash + 1);
  }
  const dot = rest.indexOf('.');
  const name = dot >= 0 ? rest.slice(0, dot) : rest;
  const namespace = dot >= 0 ? rest.slice(dot + 1) : undefined;
  if (!name) throw new Error(`invalid --${flag} '${v}': use <kind>/<name>[.<namespace>]`);
  return { kind, name, ...(namespace ? { namespace } : {}) };
}

/** `Kind/name` for --event-source/--resource (the name may be `*`). */
export function parseKindName(
  flag: string,
  v: string,
  kinds: readonly string[],
): { kind: string; name: string; namespace?: string } {
  const r = parseCrossRef(flag, v, kinds);
  if (!v.includes('/'))
    throw new Error(`invalid --${flag} '${v}': use <kind>/<name>, e.g. GitRepository/podinfo`);
  return r;
}

/** `name` or `namespace/name` for --depends-on. */
export function parseDependsOn(v: string): { name: string; namespace?: string } {
  const i = v.indexOf('/');
  return i >= 0 ? { namespace: v.slice(0, i), name: v.slice(i + 1) } : { name: v };
}

export function requireFlag(flag: string, v: string | undefined, example: string): string {
  if (!v) throw new Error(`--${flag} is required, e.g. ${example}`);
  return v;
}
