import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Credentials and transport settings for one remote, as read from a Flux Secret. */
export interface GitAuth {
  readonly username?: string;
  readonly password?: string;
  readonly bearerToken?: string;
  /** PEM CA bundle for HTTPS (`ca.crt` / legacy `caFile`). */
  readonly caCert?: string;
  /** PEM client certificate and key for mutual TLS. */
  readonly clientCert?: string;
  readonly clientKey?: string;
  /** SSH private key (`identity`), `known_hosts`, and the key passphrase (`password`). */
  readonly sshIdentity?: string;
  readonly sshKnownHosts?: string;
  /** Proxy URL; userinfo allowed (it stays in the environment). */
  readonly proxyURL?: string;
}

/** An environment for git holding the credentials, plus the files it points at; `close()` removes them. */
export interface AuthSession {
  readonly env: Readonly<Record<string, string>>;
  /** Literal secret values to scrub from error text. */
  readonly secrets: readonly string[];
  close(): Promise<void>;
}

const askpass = `#!/bin/sh
case "$1" in
  Username*|username*) printf '%s\\n' "$SLUICE_GIT_USERNAME" ;;
  *) printf '%s\\n' "$SLUICE_GIT_PASSWORD" ;;
esac
`;

/**
 * Puts credentials where git and ssh read them without argv: an askpass script answering from
 * environment variables, `http.*` settings through GIT_CONFIG_COUNT/KEY/VALUE, key and known_hosts
 * files (mode 0600) in a private temporary directory named by GIT_SSH_COMMAND.
 */
export async function openAuth(
  url: string,
  auth: GitAuth = {},
  sshTimeoutSeconds = 30,
): Promise<AuthSession> {
  const dir = await mkdtemp(join(tmpdir(), 'sluice-git-auth-'));
  const env: Record<string, string> = {};
  const config: Array<[string, string]> = [
    ['protocol.version', '2'],
    ['core.hooksPath', '/dev/null'],
  ];
  const secrets: string[] = [];
  const file = async (name: string, content: string, mode = 0o600): Promise<string> => {
    const p = join(dir, name);
    await writeFile(p, content.endsWith('\n') ? content : `${content}\n`, { mode });
    return p;
  };
  const askpassPath = await file('askpass.sh', askpass, 0o700);
  env.GIT_ASKPASS = askpassPath;
  if (auth.username !== undefined) env.SLUICE_GIT_USERNAME = auth.username;
  if (auth.password !== undefined) {
    env.SLUICE_GIT_PASSWORD = auth.password;
    secrets.push(auth.password);
  }
  if (auth.bearerToken) {
    config.push(['http.extraHeader', `Authorization: Bearer ${auth.bearerToken}`]);
    secrets.push(auth.bearerToken);
  }
  if (auth.caCert) config.push(['http.sslCAInfo', await file('ca.crt', auth.caCert)]);
  if (auth.clientCert && auth.clientKey) {
    config.push(['http.sslCert', await file('tls.crt', auth.clientCert)]);
    config.push(['http.sslKey', await file('tls.key', auth.clientKey)]);
    secrets.push(auth.clientKey.trim());
  }
  if (auth.proxyURL) {
    config.push(['http.proxy', auth.proxyURL]);
    // Credentials in the proxy URL are sent with the first CONNECT (as Go's transport does),
    // not only after a 407 challenge.
    if (hasUserinfo(auth.proxyURL)) config.push(['http.proxyAuthMethod', 'basic']);
    // An explicit proxy applies to every host (as Flux's proxy options): no NO_PROXY bypass.
    env.NO_PROXY = '';
    env.no_proxy = '';
    const proxyPassword = proxyPasswordOf(auth.proxyURL);
    if (proxyPassword) secrets.push(proxyPassword, encodeURIComponent(proxyPassword));
  }
  if (/^ssh:\/\//i.test(url)) {
    const ssh = [
      'ssh',
      '-F',
      '/dev/null',
      '-o',
      'StrictHostKeyChecking=yes',
      '-o',
      'GlobalKnownHostsFile=/dev/null',
    ];
    ssh.push(
      '-o',
      `ConnectTimeout=${sshTimeoutSeconds}`,
      '-o',
      'PasswordAuthentication=no',
      '-o',
      'KbdInteractiveAuthentication=no',
    );
    ssh.push('-o', `UserKnownHostsFile=${await file('known_hosts', auth.sshKnownHosts ?? '')}`);
    if (!/^ssh:\/\/[^/]*@/i.test(url)) ssh.push('-o', 'User=git');
    if (auth.sshIdentity) {
      ssh.push('-o', 'IdentitiesOnly=yes', '-i', await file('identity', auth.sshIdentity));
      secrets.push(auth.sshIdentity.trim());
    }
    if (auth.password) {
      // The key passphrase: ssh asks SSH_ASKPASS (forced, no terminal) which answers from env.
      env.SSH_ASKPASS = askpassPath;
      env.SSH_ASKPASS_REQUIRE = 'force';
      env.DISPLAY = 'none';
    } else {
      ssh.push('-o', 'BatchMode=yes');
    }
    env.GIT_SSH_COMMAND = ssh.map(shellQuote).join(' ');
    env.GIT_SSH_VARIANT = 'ssh';
  }
  env.GIT_CONFIG_COUNT = String(config.length);
  config.forEach(([k, v], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = k;
    env[`GIT_CONFIG_VALUE_${i}`] = v;
  });
  return {
    env,
    secrets,
    close: () => rm(dir, { recursive: true, force: true }),
  };
}

function hasUserinfo(url: string): boolean {
  try {
    const u = new URL(url);
    return u.username !== '' || u.password !== '';
  } catch {
    return false;
  }
}

function proxyPasswordOf(proxyURL: string): string {
  try {
    return decodeURIComponent(new URL(proxyURL).password);
  } catch {
    return '';
  }
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
