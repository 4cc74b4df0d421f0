/**
 * The test harness: one real control plane per test run, a fresh namespace per test, the project's CRDs,
 * and helpers to wait for conditions. There is no fake API server anywhere in the project.
 */
export { getTestCluster } from './cluster.js';
export type { TestCluster } from './cluster.js';
export { createTestNamespace, deleteTestNamespace } from './namespaces.js';
export { kubectl, kubectlJson } from './kubectl.js';
export { ensureCrds } from './crds.js';
export { waitFor, findCondition } from './wait.js';
export type { WaitOptions } from './wait.js';
