import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kubectl } from './kubectl.js';

const crdDir = fileURLToPath(new URL('../../config/crd/bases', import.meta.url));
let installed: Promise<void> | undefined;

/**
 * Applies the project's generated CRDs (config/crd/bases) with server-side apply and waits until they
 * are Established. Idempotent and memoised per process; safe when several test files race.
 */
export function ensureCrds(): Promise<void> {
  installed ??= (async () => {
    if (!existsSync(crdDir)) throw new Error(`no generated CRDs in ${crdDir}`);
    const files = readdirSync(crdDir).filter((f) => f.endsWith('.yaml'));
    if (files.length === 0) throw new Error(`no generated CRDs in ${crdDir}`);
    const args = ['apply', '--server-side', '--force-conflicts', '--field-manager=sluice-test'];
    for (const f of files) args.push('-f', join(crdDir, f));
    await kubectl(args);
    await kubectl([
      'wait',
      '--for=condition=Established',
      '--timeout=60s',
      ...files.map((f) => `-f=${join(crdDir, f)}`),
    ]);
  })();
  return installed;
}
