/**
 * Client-side throttling as Flux sets it up (fluxcd/pkg runtime/client GetConfigOrDie): when the API
 * server runs API Priority and Fairness, the server does the fair queueing and the controllers send
 * without a client-side limit (client-go's negative QPS/Burst); otherwise `--kube-api-qps` /
 * `--kube-api-burst` apply. A failed probe keeps the limits, as Flux does when the check errors.
 */
import type { KubeClient } from '../client/index.js';
import type { Logger } from '../logging/index.js';

export async function throttleAsFlux(kube: KubeClient, log: Logger): Promise<void> {
  let enabled = false;
  try {
    enabled = await kube.priorityAndFairnessEnabled();
  } catch (err) {
    log.debug({ err: err instanceof Error ? err.message : String(err) }, 'API Priority and Fairness probe failed; keeping --kube-api-qps/--kube-api-burst');
    return;
  }
  if (enabled) {
    kube.disableRateLimit();
    log.info('API Priority and Fairness is enabled on the API server: client-side throttling disabled');
  }
}
