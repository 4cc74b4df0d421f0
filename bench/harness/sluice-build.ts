/**
 * The compiled build the Sluice side of the benchmark runs: what a product ships (`npm run build`'s
 * tsc output), not the TypeScript sources through tsx (whose load-time compiler, per-worker loader and
 * transpile caches cost ~165 MiB idle for `--controllers=source,kustomize`; see docs/benchmarks.md).
 *
 * The build goes to `.cache/sluice-dist/<key>/dist/` inside the repository (git-ignored; it must sit
 * under the repository so `node_modules` resolves) with a copy of package.json next to it (the
 * version and `"type": "module"`), and never to `dist/`: bin/sluice.js prefers `dist/` when it
 * exists, so a stale `dist/` would change what every other `node bin/sluice.js` runs.
 * The key is a SHA-256 of every file tsconfig.build.json compiles (path + bytes, tests and testdata
 * excluded) plus package.json, package-lock.json and both tsconfigs, so any source edit — committed or
 * not — builds anew and an unchanged tree reuses the cached build.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The folders tsconfig.build.json includes. */
export const builtDirs = ['api', 'engines', 'runtime', 'controllers', 'server', 'cli'] as const;
const keyFiles = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];

function isCompiled(rel: string): boolean {
  const parts = rel.split(sep);
  if (parts.includes('testdata') || parts.includes('node_modules')) return false;
  return rel.endsWith('.ts') && !rel.endsWith('.test.ts');
}

/** The files whose bytes decide the build, sorted, relative to `repoRoot`. */
export function buildInputs(repoRoot: string): string[] {
  const out: string[] = [];
  for (const dir of builtDirs) {
    const abs = join(repoRoot, dir);
    if (!existsSync(abs)) continue;
    for (const e of readdirSync(abs, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const rel = relative(repoRoot, join(e.parentPath, e.name));
      if (isCompiled(rel)) out.push(rel);
    }
  }
  return [...out.sort(), ...keyFiles.filter((f) => existsSync(join(repoRoot, f)))];
}

/** A short content hash of the build inputs. */
export function sourceTreeKey(repoRoot: string): string {
  const h = createHash('sha256');
  for (const rel of buildInputs(repoRoot)) {
    h.update(rel.split(sep).join('/'));
    h.update('\0');
    h.update(readFileSync(join(repoRoot, rel)));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

export interface CompiledBuild {
  readonly key: string;
  /** `<root>/dist/cli/main.js`: run it with `node <main> controller …`. */
  readonly main: string;
  /** Whether this call compiled (false: reused the cache). */
  readonly built: boolean;
  /** tsc's diagnostics when it reported type errors but still emitted (others' work in progress). */
  readonly diagnostics?: string;
}

/**
 * Compiles the sources once per content key (tsc -p tsconfig.build.json, no declarations or source
 * maps) into `.cache/sluice-dist/<key>/`; a second call with the same tree is a no-op. The output is
 * written to a temporary folder and renamed into place, so an interrupted build is never reused.
 */
export function ensureCompiledBuild(repoRoot: string, log: (line: string) => void = () => {}): CompiledBuild {
  const key = sourceTreeKey(repoRoot);
  const cacheRoot = join(repoRoot, '.cache', 'sluice-dist');
  const root = join(cacheRoot, key);
  const main = join(root, 'dist', 'cli', 'main.js');
  if (existsSync(main)) {
    log(`sluice: compiled build ${key} cached at ${root}`);
    return { key, main, built: false };
  }
  const tmp = `${root}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const args = [tsc, '-p', join(repoRoot, 'tsconfig.build.json'), '--outDir', join(tmp, 'dist'), '--declaration', 'false', '--sourceMap', 'false'];
  log(`sluice: compiling the sources (key ${key}) into ${root}`);
  const started = Date.now();
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  const emitted = existsSync(join(tmp, 'dist', 'cli', 'main.js'));
  if (r.error || !emitted) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`tsc did not produce dist/cli/main.js (exit ${r.status ?? r.signal}): ${r.error?.message ?? ''}${r.stdout}${r.stderr}`.slice(0, 4000));
  }
  copyFileSync(join(repoRoot, 'package.json'), join(tmp, 'package.json'));
  const diagnostics = r.status === 0 ? undefined : `${r.stdout}${r.stderr}`.trim();
  if (diagnostics) writeFileSync(join(tmp, 'tsc-diagnostics.txt'), diagnostics + '\n');
  mkdirSync(cacheRoot, { recursive: true });
  try {
    renameSync(tmp, root);
  } catch (err) {
    // Another run built the same key meanwhile: use theirs.
    rmSync(tmp, { recursive: true, force: true });
    if (!existsSync(main)) throw err;
  }
  log(`sluice: compiled in ${((Date.now() - started) / 1000).toFixed(1)} s${diagnostics ? ` (tsc reported type errors, output emitted anyway; see ${join(root, 'tsc-diagnostics.txt')})` : ''}`);
  return { key, main, built: true, ...(diagnostics ? { diagnostics } : {}) };
}

/**
 * The NODE_OPTIONS the product image sets (the Dockerfile's `ENV … NODE_OPTIONS=…`), so the compiled
 * benchmark run gets the same V8 settings as a deployed controller; empty when the Dockerfile sets none.
 */
export function imageNodeOptions(repoRoot: string): string {
  const file = join(repoRoot, 'Dockerfile');
  if (!existsSync(file)) return '';
  const m = /^ENV\s.*\bNODE_OPTIONS=("([^"]*)"|(\S+))/m.exec(readFileSync(file, 'utf8'));
  return m ? (m[2] ?? m[3] ?? '') : '';
}
