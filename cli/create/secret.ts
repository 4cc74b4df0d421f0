/** `create secret git`: the credentials Secret a GitRepository's secretRef names (pure, no key generation). */
import type { KubeObject } from '../../runtime/client/index.js';
import { parseLabels, requireFlag, type CommonFlags } from './common.js';

export interface SecretGitFlags extends Omit<CommonFlags, 'interval'> {
  url?: string;
  username?: string;
  password?: string;
  bearerToken?: string;
  caCrt?: string;
  privateKey?: string;
  knownHosts?: string;
}

export function gitSecret(f: SecretGitFlags): KubeObject & { stringData: Record<string, string> } {
  const url = requireFlag('url', f.url, '--url=https://github.com/stefanprodan/podinfo');
  const scheme = /^([a-z]+):\/\//.exec(url)?.[1];
  const stringData: Record<string, string> = {};
  if (scheme === 'ssh') {
    if (!f.privateKey) throw new Error('an ssh URL needs --private-key-file=<path to the deploy key>');
    if (!f.knownHosts) throw new Error('the known_hosts of the ssh host could not be determined');
    stringData.identity = f.privateKey;
    stringData.known_hosts = f.knownHosts;
    if (f.password) stringData.password = f.password;
  } else if (scheme === 'http' || scheme === 'https') {
    if (f.bearerToken) {
      if (f.username || f.password)
        throw new Error('--bearer-token cannot be combined with --username/--password');
      stringData.bearerToken = f.bearerToken;
    } else {
      if (!f.password) throw new Error('--password is required for http(s) URLs (or use --bearer-token)');
      stringData.username = f.username || 'git';
      stringData.password = f.password;
    }
    if (f.caCrt) stringData['ca.crt'] = f.caCrt;
  } else {
    throw new Error(`git URL scheme '${scheme ?? url}' not supported, can only be: ssh, http and https`);
  }
  const labels = parseLabels(f.labels);
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: f.name, namespace: f.namespace, ...(labels ? { labels } : {}) },
    stringData,
  };
}
