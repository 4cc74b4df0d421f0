/**
 * A child process for the GitRepository benchmark: builds the fixture repository and serves it
 * with the smart-HTTP test server, so that `git http-backend` spawns and CGI traffic do not run on
 * the controller's event loop (in a real deployment the Git server is another machine).
 * Protocol over the IPC channel: sends `{ url }` once ready; answers `'stats'` with
 * `{ requests: { [suffix]: count }, cpuMs }`; `'stop'` closes the server and exits.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { TestRepo, createRepoRoot, startGitHttpServer } from '../../test/fixtures/git/index.js';

const send = (m: unknown): void => void process.send?.(m);
const root = createRepoRoot();
const repo = new TestRepo(root, 'app');
const files: Record<string, string> = {};
for (let i = 0; i < 20; i++)
  files[`deploy/app-${i}.yaml`] = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-${i}\ndata:\n  k: "${i}"\n`;
repo.commit(files, 'bench fixture');
const http = await startGitHttpServer({ root });
process.on('message', (m) => {
  if (m === 'stats') send({ requests: Object.fromEntries(http.requests), cpuMs: cpuMs() });
  if (m === 'stop') {
    void (async () => {
      await http.close();
      await rm(root, { recursive: true, force: true });
      repo.remove();
      process.exit(0);
    })();
  }
});
/** CPU time of this process and its reaped children (the http-backend CGIs), in ms. */
function cpuMs(): number {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // fields after the command: state is [0], utime [11], stime [12], cutime [13], cstime [14] (clock ticks, 100 Hz)
  return [11, 12, 13, 14].reduce((a, i) => a + Number(f[i]), 0) * 10;
}
process.on('disconnect', () => process.exit(0));
send({ url: `${http.url}/app.git` });
