import { randomBytes } from 'node:crypto';
import { kubectl } from './kubectl.js';

/** Creates a fresh namespace with a unique name (prefix + random suffix) and returns its name. */
export async function createTestNamespace(prefix = 'test'): Promise<string> {
  const clean =
    prefix
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'test';
  const name = `${clean}-${randomBytes(3).toString('hex')}`;
  await kubectl(['create', 'namespace', name]);
  return name;
}

/** Deletes a namespace without waiting (kube-controller-manager finishes the job). */
export async function deleteTestNamespace(name: string): Promise<void> {
  await kubectl(['delete', 'namespace', name, '--wait=false', '--ignore-not-found']);
}
