/**
 * The `source` entry of `sluice controller`: the GitRepository controller plus the artifact server
 * that serves its storage. It lives in cli/ because it combines controllers/source with server/artifact
 * (controllers/ may not import server/).
 */
import { parseDuration } from '../../engines/gofmt/index.js';
import { digestAlgorithms, type DigestAlgorithm } from '../../runtime/artifact/index.js';
import type { ControllerSetup } from '../../runtime/manager/index.js';

function str(flags: Readonly<Record<string, unknown>>, key: string, fallback: string): string {
  const v = flags[key];
  return typeof v === 'string' ? v : fallback;
}

export function sourceStorageOptionsFromFlags(flags: Readonly<Record<string, unknown>>): {
  storagePath: string;
  storageAddr: string;
  storageAdvAddr: string;
  retentionTTLMs: number;
  retentionRecords: number;
  digestAlgorithm: DigestAlgorithm;
} {
  const ttl = str(flags, 'artifactRetentionTtl', '60s');
  let retentionTTLMs: number;
  try {
    retentionTTLMs = Number(parseDuration(ttl) / 1_000_000n);
  } catch {
    throw new Error(`invalid --artifact-retention-ttl "${ttl}": want a Go duration such as 60s`);
  }
  const records = Number(str(flags, 'artifactRetentionRecords', '2'));
  if (!Number.isInteger(records) || records < 1)
    throw new Error(
      `invalid --artifact-retention-records "${String(flags.artifactRetentionRecords)}": want an integer >= 1`,
    );
  const algo = str(flags, 'artifactDigestAlgo', 'sha256');
  if (!(digestAlgorithms as readonly string[]).includes(algo)) {
    throw new Error(
      `unsupported --artifact-digest-algo "${algo}": want one of ${digestAlgorithms.join(', ')}`,
    );
  }
  return {
    storagePath: str(flags, 'storagePath', '/data'),
    storageAddr: str(flags, 'storageAddr', ':9090'),
    storageAdvAddr: str(flags, 'storageAdvAddr', ''),
    retentionTTLMs,
    retentionRecords: records,
    digestAlgorithm: algo as DigestAlgorithm,
  };
}

export const sourceController: ControllerSetup = {
  name: 'source',
  component: 'source-controller',
  defaultConcurrent: 2,
  async setup(mgr, ctx) {
    const [{ setupSourceController }, { artifactServerRunnable }] = await Promise.all([
      import('../../controllers/source/index.js'),
      import('../../server/artifact/index.js'),
    ]);
    const opts = sourceStorageOptionsFromFlags(ctx.flags);
    const { storage, leaseId } = setupSourceController(mgr, opts);
    mgr.add(artifactServerRunnable(storage, opts.storageAddr, leaseId));
  },
};
