/**
 * One in-process build (run as its own process by run.ts, so peak RSS is the engine's alone): prints a JSON
 * line with the build's wall time, CPU time, peak RSS and the SHA-256 of the YAML.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { Kustomizer } from '../../engines/kustomize/index.js';
import { DiskFileSystem } from '../../runtime/fs/disk-fs.js';

const dir = resolve(process.argv[2] ?? '.');
const fs = new DiskFileSystem('/');
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const { yaml } = Kustomizer.run(fs, dir);
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    maxRssKb: process.resourceUsage().maxRSS,
    sha256: createHash('sha256').update(yaml).digest('hex'),
    bytes: Buffer.byteLength(yaml),
  }) + '\n',
);
