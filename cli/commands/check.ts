/**
 * `sluice check [--pre]`: flux check — the Kubernetes version (>=1.32.0-0), the Flux version in the
 * cluster, the controllers' Deployments (ready, image) and the CRDs with their stored versions.
 * ✔/✗ lines as flux prints them; exit code 1 when any check fails.
 */
import type { Command } from 'commander';
import { fluxKinds } from '../../api/index.js';
import { crdName } from '../../api/index.js';
import { defaultComponents } from '../../api/install/components.js';
import { parseConstraint, parseVersion } from '../../engines/semver/index.js';
import type { KubeClient, KubeObject } from '../../runtime/client/index.js';
import { computeStatus } from '../../runtime/health/index.js';
import { globalOptions, kubeClientFor } from '../kube/globals.js';
import { stderrLogger, type CliLogger } from '../output/logger.js';

export const kubernetesConstraint = '>=1.32.0-0';

interface CheckFlags {
  pre: boolean;
  components: string[];
  componentsExtra: string[];
}

const list = (v: string): string[] => v.split(',').map((s) => s.trim()).filter(Boolean);

async function checkKubernetes(kube: KubeClient, log: CliLogger): Promise<boolean> {
  const v = (await kube.getPath('/version')) as { gitVersion?: string };
  const text = (v.gitVersion ?? '').replace(/^v/, '');
  let ok = false;
  try {
    ok = parseConstraint(kubernetesConstraint).check(parseVersion(text));
  } catch {
    ok = false;
  }
  if (ok) log.successf(`Kubernetes ${text} ${kubernetesConstraint}`);
  else log.failuref(`Kubernetes version ${text || 'unknown'} does not match ${kubernetesConstraint}`);
  return ok;
}

async function checkControllers(kube: KubeClient, ns: string, components: readonly string[], log: CliLogger): Promise<{ ok: boolean; version?: string }> {
  const list = await kube.list('apps/v1', 'Deployment', { namespace: ns, labelSelector: 'app.kubernetes.io/part-of=flux' });
  let ok = true;
  let version: string | undefined;
  for (const name of components) {
    const d = list.items.find((x) => x.metadata.name === name);
    if (!d) {
      log.failuref(`${name}: deployment not found in "${ns}" namespace`);
      ok = false;
      continue;
    }
    version ??= d.metadata.labels?.['app.kubernetes.io/version'];
    const st = computeStatus(d as KubeObject);
    if (st.status === 'Current') log.successf(`${name}: deployment ready`);
    else {
      log.failuref(`${name}: deployment not ready${st.message ? ` (${st.message})` : ''}`);
      ok = false;
    }
    const images = ((d as { spec?: { template?: { spec?: { containers?: Array<{ image?: string }> } } } }).spec?.template?.spec?.containers ?? []).map((c) => c.image ?? '');
    for (const img of images) log.actionf(img);
  }
  return { ok, ...(version ? { version } : {}) };
}

async function checkCrds(kube: KubeClient, components: readonly string[], log: CliLogger): Promise<boolean> {
  let ok = true;
  for (const k of fluxKinds.filter((x) => components.includes(x.component))) {
    const name = crdName(k);
    const crd = await kube.getOrUndefined({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', name });
    if (!crd) {
      log.failuref(`${name}: CRD not found`);
      ok = false;
      continue;
    }
    const st = (crd as { status?: { storedVersions?: string[]; conditions?: Array<{ type?: string; status?: string }> } }).status;
    const established = st?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ?? false;
    const stored = st?.storedVersions ?? [];
    if (!established) {
      log.failuref(`${name}: CRD not established`);
      ok = false;
    } else log.successf(`${name}/${stored[stored.length - 1] ?? '?'}`);
  }
  return ok;
}

export function register(program: Command): void {
  program
    .command('check')
    .description('check requirements and installation')
    .option('--pre', 'only run pre-installation checks', false)
    .option('--components <list>', 'list of components', list, [...defaultComponents])
    .option('--components-extra <list>', 'list of components in addition to those supplied or defaulted', list, [])
    .addHelpText('after', '\nExamples:\n  # Run pre-installation checks\n  sluice check --pre\n\n  # Run installation checks\n  sluice check\n')
    .action(async (f: CheckFlags, cmd: Command) => {
      const g = globalOptions(cmd);
      const kube = kubeClientFor(g);
      const log = stderrLogger();
      log.actionf('checking prerequisites');
      let ok = await checkKubernetes(kube, log);
      if (f.pre) {
        if (ok) log.successf('prerequisites checks passed');
        else {
          log.failuref('pre-installation checks failed');
          process.exitCode = 1;
        }
        return;
      }
      const components = [...f.components, ...f.componentsExtra];
      log.actionf('checking version in cluster');
      log.actionf('checking controllers');
      const ctl = await checkControllers(kube, g.namespace, components, log);
      if (ctl.version) log.successf(`distribution: flux-${ctl.version}`);
      ok = ctl.ok && ok;
      log.actionf('checking crds');
      ok = (await checkCrds(kube, components, log)) && ok;
      if (ok) log.successf('all checks passed');
      else {
        log.failuref('check failed');
        process.exitCode = 1;
      }
    });
}
