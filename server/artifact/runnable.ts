import type { Storage } from '../../runtime/artifact/index.js';
import type { Runnable } from '../../runtime/manager/index.js';
import { startArtifactServer } from './server.js';

/**
 * The artifact server as a manager Runnable: started only while this process leads `leaseId`
 * (Flux serves artifacts from the elected leader), stopped on shutdown. `:9090` listens on all
 * interfaces, like Go's net/http.
 */
export function artifactServerRunnable(
  storage: Storage,
  storageAddr: string,
  leaseId?: string,
  onListen?: (address: string) => void,
): Runnable {
  return {
    name: 'artifact-server',
    ...(leaseId ? { leaderElectionId: leaseId } : {}),
    start: async (signal) => {
      const listen = storageAddr.startsWith(':') ? `0.0.0.0${storageAddr}` : storageAddr;
      const srv = await startArtifactServer(storage, listen);
      onListen?.(srv.address);
      await new Promise<void>((r) => {
        if (signal.aborted) r();
        else signal.addEventListener('abort', () => r(), { once: true });
      });
      await srv.close();
    },
  };
}
