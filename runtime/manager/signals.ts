/**
 * Graceful shutdown on SIGTERM/SIGINT, as controller-runtime's SetupSignalHandler: the first signal
 * aborts the returned controller (workers drain, leases are released); a second one exits at once.
 */
export function setupSignalHandler(onSecond: () => void = () => process.exit(1)): { controller: AbortController; dispose(): void } {
  const controller = new AbortController();
  let count = 0;
  const handler = (): void => {
    count++;
    if (count === 1) controller.abort();
    else onSecond();
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return {
    controller,
    dispose: () => {
      process.off('SIGTERM', handler);
      process.off('SIGINT', handler);
    },
  };
}
