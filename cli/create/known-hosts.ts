/** known_hosts for an ssh Git URL, read from the host itself with ssh-keyscan (as flux scans it). */
import { execFile } from 'node:child_process';

export function scanKnownHosts(url: string, timeoutMs = 10_000): Promise<string> {
  const u = new URL(url);
  const args = ['-T', '5'];
  if (u.port) args.push('-p', u.port);
  args.push(u.hostname.replace(/^\[|\]$/g, ''));
  return new Promise((resolve, reject) => {
    execFile('ssh-keyscan', args, { timeout: timeoutMs }, (err, stdout) => {
      const lines = stdout
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
        .join('\n');
      if (lines === '') {
        reject(
          new Error(
            `could not read the ssh host keys of ${u.host}${err ? `: ${err.message}` : ''}; check the URL and that the host is reachable`,
          ),
        );
        return;
      }
      resolve(lines + '\n');
    });
  });
}
