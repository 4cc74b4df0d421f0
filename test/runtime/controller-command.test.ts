import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Command } from 'commander';
import { controllerRegistry } from '../../cli/commands/controller.js';
import { addManagerFlags, fluxControllers, managerOptionsFromFlags, resolveControllers } from '../../runtime/manager/index.js';
import type { ControllerRegistry, ManagerFlagValues } from '../../runtime/manager/index.js';

const bin = fileURLToPath(new URL('../../bin/sluice.js', import.meta.url));
const setup = { load: async () => ({ name: 'x', component: 'x-controller', setup: () => undefined }) };

describe('controller selection', () => {
  const registry: ControllerRegistry = { source: setup, kustomize: setup };
  test('no --controllers selects every available Flux controller and lists the missing ones', () => {
    assert.deepEqual(resolveControllers(registry, undefined), { names: ['source', 'kustomize'], skipped: ['helm', 'notification', 'image-reflector', 'image-automation'] });
  });
  test('a known but missing controller fails clearly', () => {
    assert.throws(() => resolveControllers(registry, ['source', 'helm']), /^Error: controller helm is not available in this build$/);
  });
  test('an unknown name is rejected with the list of controllers', () => {
    assert.throws(() => resolveControllers(registry, ['sorce']), /unknown controller "sorce": want one or more of source, kustomize/);
  });
  test('duplicates collapse and order is kept', () => {
    assert.deepEqual(resolveControllers(registry, ['kustomize', 'source', 'kustomize']).names, ['kustomize', 'source']);
  });
  test('an empty registry with no --controllers fails instead of running nothing', () => {
    assert.throws(() => resolveControllers({}, undefined), /no controller is available in this build/);
  });
});

describe('Flux common flags', () => {
  const parse = (args: string[]): ManagerFlagValues => addManagerFlags(new Command('t').exitOverride()).parse(args, { from: 'user' }).opts<ManagerFlagValues>();
  test('defaults are Flux\'s', () => {
    const o = managerOptionsFromFlags(parse([]), 2);
    assert.deepEqual(
      [o.kubeApiQps, o.kubeApiBurst, o.concurrent, o.leaderElectionLeaseDurationMs, o.leaderElectionRenewDeadlineMs, o.leaderElectionRetryPeriodMs, o.minRetryDelayMs, o.maxRetryDelayMs, o.enableLeaderElection, o.intervalJitterPercentage, o.logEncoding],
      [50, 300, 2, 35_000, 30_000, 5_000, 750, 900_000, false, 5, 'json'],
    );
  });
  test('flags as the Flux manifests pass them are accepted', () => {
    const o = managerOptionsFromFlags(parse(['--enable-leader-election', '--watch-all-namespaces=false', '--log-level=debug', '--concurrent=10', '--feature-gates=CacheSecretsAndConfigMaps=true', '--kube-api-qps=5']));
    assert.deepEqual([o.enableLeaderElection, o.watchAllNamespaces, o.logLevel, o.concurrent, o.featureGates, o.kubeApiQps], [true, false, 'debug', 10, { CacheSecretsAndConfigMaps: true }, 5]);
  });
  test('bad values are rejected naming the flag', () => {
    assert.throws(() => managerOptionsFromFlags(parse(['--log-encoding=xml'])), /invalid --log-encoding "xml"/);
    assert.throws(() => managerOptionsFromFlags(parse(['--concurrent=0'])), /invalid --concurrent "0"/);
    assert.throws(() => managerOptionsFromFlags(parse(['--leader-election-lease-duration=5s'])), /must be greater than --leader-election-renew-deadline/);
  });
});

describe('sluice controller', () => {
  // The first Flux controller this build lacks (an unknown name once all six exist).
  const missing = fluxControllers.find((n) => !(n in controllerRegistry));
  test(`requesting ${missing ? `"${missing}" (not in this build)` : 'an unknown controller'} exits 1 with a clear message`, async () => {
    const err = await promisify(execFile)(process.execPath, [bin, 'controller', `--controllers=${missing ?? 'nope'}`]).then(
      () => undefined,
      (e: { code?: number; stderr?: string }) => e,
    );
    assert.equal(err?.code, 1);
    assert.match(err?.stderr ?? '', missing ? new RegExp(`controller ${missing} is not available in this build`) : /unknown controller "nope"/);
  });

  test('--kubeconfig given after `controller` is the kubeconfig the controllers load (the root command defines it too)', async () => {
    const missingPath = '/nonexistent/sluice-kubeconfig-test';
    const err = await promisify(execFile)(process.execPath, [bin, 'controller', '--controllers=source', `--kubeconfig=${missingPath}`], {
      env: { ...process.env, KUBECONFIG: '' },
    }).then(
      () => undefined,
      (e: { code?: number; stderr?: string }) => e,
    );
    assert.equal(err?.code, 1);
    assert.match(err?.stderr ?? '', /sluice-kubeconfig-test/);
  });
});
