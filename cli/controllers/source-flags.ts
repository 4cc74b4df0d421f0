/**
 * source-controller's own flags (reference 5.1). Kept free of heavy imports: `sluice controller` adds
 * these flags eagerly at start-up.
 */
import type { Command } from 'commander';
import { addOptionOnce } from '../../runtime/manager/index.js';

export function addSourceFlags(cmd: Command): void {
  addOptionOnce(cmd, '--storage-path <dir>', 'the local storage path', '/data');
  addOptionOnce(cmd, '--storage-addr <addr>', 'the address the static file server binds to', ':9090');
  addOptionOnce(cmd, '--storage-adv-addr <addr>', 'the advertised address of the static file server', '');
  addOptionOnce(
    cmd,
    '--artifact-retention-ttl <duration>',
    'the duration of time that artifacts from previous reconciliations will be kept in storage before being garbage collected',
    '60s',
  );
  addOptionOnce(
    cmd,
    '--artifact-retention-records <n>',
    'the maximum number of artifacts to be kept in storage after a garbage collection',
    '2',
  );
  addOptionOnce(
    cmd,
    '--artifact-digest-algo <algo>',
    'the algorithm to use to calculate the digest of an artifact',
    'sha256',
  );
}
