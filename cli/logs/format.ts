/** flux logs' filtering and line format for the controllers' JSON logs. */

export interface LogFilter {
  readonly level?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  /** Epoch ms; older entries are dropped. */
  readonly sinceMs?: number;
}

export interface LogEntry {
  readonly ts: string;
  readonly level: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly msg: string;
  readonly error: string;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

/** A JSON log line → entry; undefined for lines that are not JSON objects. */
export function parseLogLine(line: string): LogEntry | undefined {
  if (!line.startsWith('{')) return undefined;
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const kind = str(o.controllerKind) || str(o.kind);
  const objRef = (kind && typeof o[kind] === 'object' && o[kind] !== null ? o[kind] : {}) as Record<string, unknown>;
  const ts = typeof o.ts === 'number' ? new Date(o.ts * 1000).toISOString() : str(o.ts) || str(o.time);
  return {
    ts,
    level: str(o.level),
    kind,
    name: str(o.name) || str(objRef.name),
    namespace: str(o.namespace) || str(objRef.namespace),
    msg: str(o.msg) || str(o.message),
    error: str(o.error) || str(o.err),
  };
}

export function matches(e: LogEntry, f: LogFilter): boolean {
  if (f.level && e.level !== f.level) return false;
  if (f.kind && e.kind.toLowerCase() !== f.kind.toLowerCase()) return false;
  if (f.name && e.name !== f.name) return false;
  if (f.namespace && e.namespace && e.namespace !== f.namespace) return false;
  if (f.sinceMs !== undefined) {
    const t = Date.parse(e.ts);
    if (!Number.isNaN(t) && t < f.sinceMs) return false;
  }
  return true;
}

/** `<ts> <level> <Kind>/<name>.<namespace> - <msg> <error>` as flux logs prints entries. */
export function formatEntry(e: LogEntry): string {
  const obj = e.kind ? `${e.kind}${e.name ? `/${e.name}.${e.namespace}` : ''}` : '';
  return `${e.ts} ${e.level} ${obj} - ${e.msg}${e.error ? ` ${e.error}` : ''}`.replace(/\s+-\s+$/, '') + '\n';
}
