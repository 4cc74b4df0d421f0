import { existsSync, readFileSync } from 'node:fs';

/** package.json sits one folder up from the sources and two from dist/. */
function readPackageVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(url)) return (JSON.parse(readFileSync(url, 'utf8')) as { version: string }).version;
  }
  return '0.0.0-unknown';
}

/** The version of this build, from package.json. */
export const sluiceVersion: string = readPackageVersion();

/** The Flux release whose APIs and behaviour Sluice reproduces. */
export const fluxCompatVersion = 'v2.7.5';
