import { readFile } from 'node:fs/promises';

export interface KubeconfigInput {
  readonly server: string;
  readonly caCertFile: string;
  readonly clientCertFile: string;
  readonly clientKeyFile: string;
  readonly name?: string;
}

/** Renders a self-contained kubeconfig (certificates embedded) for the admin user. */
export async function renderKubeconfig(input: KubeconfigInput): Promise<string> {
  const b64 = async (f: string): Promise<string> => (await readFile(f)).toString('base64');
  const name = input.name ?? 'sluice-dev';
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${name}`,
    '  cluster:',
    `    server: ${input.server}`,
    `    certificate-authority-data: ${await b64(input.caCertFile)}`,
    'users:',
    '- name: sluice-admin',
    '  user:',
    `    client-certificate-data: ${await b64(input.clientCertFile)}`,
    `    client-key-data: ${await b64(input.clientKeyFile)}`,
    'contexts:',
    `- name: ${name}`,
    '  context:',
    `    cluster: ${name}`,
    '    user: sluice-admin',
    `current-context: ${name}`,
    '',
  ].join('\n');
}
