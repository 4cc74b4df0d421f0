import { hostname } from 'node:os';

/**
 * The host (or URL prefix) put into artifact URLs: `--storage-adv-addr` when set, else the
 * host:port of `--storage-addr` with an empty host read as `localhost` and `0.0.0.0` as the
 * machine's hostname (Flux's rules).
 */
export function advertisedAddress(storageAddr: string, storageAdvAddr = ''): string {
  if (storageAdvAddr !== '') return storageAdvAddr;
  const i = storageAddr.lastIndexOf(':');
  const host = i < 0 ? storageAddr : storageAddr.slice(0, i);
  const port = i < 0 ? '' : storageAddr.slice(i);
  if (host === '') return `localhost${port}`;
  if (host === '0.0.0.0') return `${process.env.HOSTNAME ?? hostname()}${port}`;
  return `${host}${port}`;
}

/** `http://<host>/<path>`, or `<prefix>/<path>` when the address already has a scheme. */
export function artifactURL(address: string, path: string): string {
  const base = /^https?:\/\//.test(address) ? address.replace(/\/+$/, '') : `http://${address}`;
  return `${base}/${path.replace(/^\/+/, '')}`;
}
