/**
 * Interval jitter as Flux's pkg/runtime/jitter: a success requeue lands uniformly within
 * ±`percent` % of the interval (--interval-jitter-percentage, default 5), so objects created together
 * do not reconcile in lockstep forever.
 */
export function jitteredIntervalMs(intervalMs: number, percent = 5, random: () => number = Math.random): number {
  if (!(percent > 0) || intervalMs <= 0) return intervalMs;
  const spread = (intervalMs * Math.min(percent, 100)) / 100;
  return Math.max(1, Math.round(intervalMs - spread + random() * 2 * spread));
}
