import type { GitAuth } from '../../../runtime/git/index.js';

/** Secret data as the API returns it: base64 values. */
export type SecretData = Readonly<Record<string, string>>;

/** Decodes a Secret's `data` (base64) merged over `stringData`-like plain values. */
export function decodeSecretData(data: SecretData | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data ?? {})) out[k] = Buffer.from(v, 'base64').toString('utf8');
  return out;
}

/**
 * Builds git credentials from a Flux auth Secret for the URL's transport, with Flux's validation:
 * `password` without `username` is an error, basic and bearer are exclusive, SSH needs `identity`
 * and `known_hosts`. Returns an error message instead of throwing.
 */
export function authFromSecret(
  url: string,
  data: Readonly<Record<string, string>>,
): GitAuth | { error: string } {
  const ssh = /^ssh:\/\//i.test(url);
  if (ssh) {
    if (!data.identity) return { error: "invalid 'ssh' auth option: 'identity' is required" };
    if (!data.known_hosts) return { error: "invalid 'ssh' auth option: 'known_hosts' is required" };
    return {
      sshIdentity: data.identity,
      sshKnownHosts: data.known_hosts,
      ...(data.password ? { password: data.password } : {}),
    };
  }
  if (data.password !== undefined && data.username === undefined) {
    return { error: "invalid 'http' auth option: 'password' requires 'username' to be set" };
  }
  if (data.bearerToken && (data.username || data.password)) {
    return {
      error: "invalid 'http' auth option: basic auth and bearer token cannot be set at the same time",
    };
  }
  if ((data['tls.crt'] === undefined) !== (data['tls.key'] === undefined)) {
    return { error: "invalid 'http' auth option: 'tls.crt' and 'tls.key' must be set together" };
  }
  const ca = data['ca.crt'] ?? data.caFile;
  return {
    ...(data.username !== undefined ? { username: data.username } : {}),
    ...(data.password !== undefined ? { password: data.password } : {}),
    ...(data.bearerToken ? { bearerToken: data.bearerToken } : {}),
    ...(ca ? { caCert: ca } : {}),
    ...(data['tls.crt'] && data['tls.key']
      ? { clientCert: data['tls.crt'], clientKey: data['tls.key'] }
      : {}),
  };
}

/** Proxy URL from a proxy Secret (`address` required; optional `username`/`password`). */
export function proxyFromSecret(data: Readonly<Record<string, string>>): string | { error: string } {
  const address = data.address;
  if (!address) return { error: "invalid proxy secret: key 'address' not found" };
  let u: URL;
  try {
    u = new URL(address);
  } catch {
    return { error: "invalid proxy secret: failed to parse 'address'" };
  }
  if (data.username) u.username = encodeURIComponent(data.username);
  if (data.password) u.password = encodeURIComponent(data.password);
  return u.toString();
}
