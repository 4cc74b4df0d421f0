/**
 * kubectl-style global flags shared by every command that talks to a cluster, as the flux CLI has them.
 */
import type { Command } from 'commander';
import { parseDuration } from '../../engines/gofmt/index.js';
import { KubeClient } from '../../runtime/client/index.js';

export interface GlobalOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly namespace: string;
  readonly allNamespaces: boolean;
  readonly timeoutMs: number;
  readonly verbose: boolean;
}

export function defaultNamespace(): string {
  return process.env.FLUX_SYSTEM_NAMESPACE || 'flux-system';
}

/** Adds the global flags to the root command; subcommands read them with `globalOptions(cmd)`. */
export function addGlobalFlags(program: Command): void {
  program
    .option('--kubeconfig <path>', 'path to the kubeconfig file (default $KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', 'the kubeconfig context to use')
    .option('-n, --namespace <ns>', 'the namespace scope for this operation', defaultNamespace())
    .option('--timeout <duration>', 'timeout for this operation', '5m0s')
    .option('--verbose', 'print generated objects', false);
}

export function globalOptions(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals<{
    kubeconfig?: string;
    context?: string;
    namespace?: string;
    timeout?: string;
    allNamespaces?: boolean;
    verbose?: boolean;
  }>();
  let timeoutMs = 300_000;
  if (o.timeout) {
    try {
      timeoutMs = Number(parseDuration(o.timeout) / 1_000_000n);
    } catch {
      throw new Error(`invalid --timeout '${o.timeout}': use a Go duration such as 30s, 5m or 1h`);
    }
  }
  return {
    kubeconfig: o.kubeconfig,
    context: o.context,
    namespace: o.namespace ?? defaultNamespace(),
    allNamespaces: Boolean(o.allNamespaces),
    timeoutMs,
    verbose: Boolean(o.verbose),
  };
}

/** A client for the selected kubeconfig/context, with the flux CLI's field manager. */
export function kubeClientFor(g: GlobalOptions): KubeClient {
  return KubeClient.fromKubeConfig(
    { kubeconfigPath: g.kubeconfig, context: g.context },
    { fieldManager: 'flux-client-side-apply', userAgent: 'sluice-cli' },
  );
}
