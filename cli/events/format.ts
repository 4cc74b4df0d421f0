/** Pure helpers of `sluice events`: Kubernetes' human durations and the event rows flux prints. */

/** k8s.io/apimachinery duration.HumanDuration, as kubectl and flux print LAST SEEN. */
export function humanDuration(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const d = Math.floor(hours / 24) % 365;
    return d === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${d}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

export interface CoreEvent {
  metadata?: { namespace?: string; creationTimestamp?: string };
  involvedObject?: { kind?: string; name?: string; namespace?: string; apiVersion?: string };
  type?: string;
  reason?: string;
  message?: string;
  lastTimestamp?: string | null;
  firstTimestamp?: string | null;
  eventTime?: string | null;
  series?: { lastObservedTime?: string } | null;
}

export function eventTime(e: CoreEvent): number {
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata?.creationTimestamp;
  return t ? Date.parse(t) : NaN;
}

export function eventRow(e: CoreEvent, now: number, withNamespace: boolean): string[] {
  const t = eventTime(e);
  const seen = Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
  const obj = `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`;
  const cells = [seen, e.type ?? '', e.reason ?? '', obj, (e.message ?? '').trim()];
  return withNamespace ? [e.metadata?.namespace ?? '', ...cells] : cells;
}

export const eventHeader = (withNamespace: boolean): string[] =>
  withNamespace ? ['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'] : ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
