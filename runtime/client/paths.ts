/** URL building for resource requests. */
import type { RestMapping } from './rest-mapper.js';

export type QueryValue = string | number | boolean | undefined;

export function query(params: Readonly<Record<string, QueryValue>>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * `/apis/<group>/<version>[/namespaces/<ns>]/<resource>[/<name>[/<subresource>]]`. A namespaced
 * resource without a namespace addresses all namespaces (list/watch only).
 */
export function resourcePath(m: RestMapping, namespace?: string, name?: string, subresource?: string): string {
  let p = m.group === '' ? `/api/${m.version}` : `/apis/${m.group}/${m.version}`;
  if (m.namespaced && namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
  p += `/${m.resource}`;
  if (name !== undefined) {
    if (name === '') throw new Error(`a ${m.kind} name is required`);
    p += `/${encodeURIComponent(name)}`;
    if (subresource) p += `/${subresource}`;
  }
  return p;
}
