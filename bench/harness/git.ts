/**
 * The benchmark's Git server: test/fixtures/git's smart-HTTP server (Debian git's `git http-backend`
 * behind node:http, 127.0.0.1 only) serving one repository `bench.git` with the workload's files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestRepo, startGitHttpServer } from '../../test/fixtures/git/index.js';

export interface BenchGitServer {
  /** Clone URL of bench.git. */
  readonly url: string;
  /** The commit the `main` branch points at. */
  readonly commit: string;
  /** Requests served, by path suffix (`info/refs`, `git-upload-pack`). */
  readonly requests: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

export async function startBenchGitServer(files: Readonly<Record<string, string>>): Promise<BenchGitServer> {
  const root = mkdtempSync(join(tmpdir(), 'sluice-bench-git-'));
  const repo = new TestRepo(root, 'bench');
  const commit = repo.commit(files, 'benchmark workload');
  repo.remove();
  const server = await startGitHttpServer({ root });
  return {
    url: `${server.url}/bench.git`,
    commit,
    requests: server.requests,
    async close() {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
