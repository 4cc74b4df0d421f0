/**
 * The layer rules of ARCHITECTURE.md as data, and a scanner that reports every import that breaks them.
 * Imports go one way only: api → engines → runtime → controllers → server → cli (test and bench see all).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const layers = ['api', 'engines', 'runtime', 'controllers', 'server', 'cli'] as const;
export type Layer = (typeof layers)[number] | 'test' | 'bench';

/** Modules a layer must never import (engines are pure: no processes, no Kubernetes, no direct I/O). */
export const forbiddenModules: Readonly<Partial<Record<Layer, readonly string[]>>> = {
  api: ['node:child_process', 'child_process', '@kubernetes/client-node', 'undici'],
  engines: [
    'node:child_process',
    'child_process',
    '@kubernetes/client-node',
    'undici',
    'node:http',
    'node:https',
    'node:net',
    'node:fs',
    'node:fs/promises',
    'fs',
    'fs/promises',
  ],
};

export interface ImportEdge {
  readonly from: string;
  readonly to: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
}

const importRe =
  /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'"`;]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export function listSources(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === 'testdata' || name.startsWith('.')) continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|mts)$/.test(name) && !name.endsWith('.d.ts')) out.push(p);
    }
  };
  for (const l of [...layers, 'test', 'bench']) {
    try {
      walk(join(root, l));
    } catch {
      // a layer folder that does not exist yet has nothing to check
    }
  }
  return out.sort();
}

export function importsOf(file: string): ImportEdge[] {
  const src = readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '');
  const edges: ImportEdge[] = [];
  for (const m of src.matchAll(importRe)) {
    const spec = m[2] ?? m[3];
    if (!spec) continue;
    const to = spec.startsWith('.') ? resolveTs(resolve(dirname(file), spec)) : spec;
    edges.push({ from: file, to, specifier: spec, typeOnly: Boolean(m[1]) });
  }
  return edges;
}

function resolveTs(p: string): string {
  return p.replace(/\.js$/, '.ts');
}

export function layerOf(root: string, file: string): Layer | undefined {
  const first = relative(root, file).split(sep)[0];
  return [...layers, 'test', 'bench'].includes(first as Layer) ? (first as Layer) : undefined;
}

/** Returns a human-readable line for every import that breaks a layer rule. */
export function layerViolations(root: string, files: readonly string[]): string[] {
  const bad: string[] = [];
  for (const f of files) {
    const from = layerOf(root, f);
    if (!from || from === 'test' || from === 'bench') continue;
    const isTest = /\.test\.ts$/.test(f) || f.includes(`${sep}testdata${sep}`);
    // Tests next to the code are not product code: they may reach any layer (e.g. a storage test that
    // serves what it stored); the rules below guard what ships.
    if (isTest) continue;
    for (const e of importsOf(f)) {
      const rel = relative(root, f);
      if (!e.specifier.startsWith('.')) {
        if (!isTest && forbiddenModules[from]?.includes(e.specifier))
          bad.push(`${rel}: ${from}/ must not import ${e.specifier}`);
        continue;
      }
      const to = layerOf(root, e.to);
      if (!to) continue;
      if (to === 'test' || to === 'bench') {
        if (!isTest) bad.push(`${rel}: product code must not import ${to}/ (${e.specifier})`);
        continue;
      }
      if (layers.indexOf(to) > layers.indexOf(from))
        bad.push(`${rel}: ${from}/ must not import ${to}/ (${e.specifier})`);
      if (from === 'controllers' && to === 'controllers') {
        const a = relative(root, f).split(sep)[1];
        const b = relative(root, e.to).split(sep)[1];
        if (a !== b)
          bad.push(`${rel}: controllers/${a} must not import controllers/${b} (share code through runtime/)`);
      }
    }
  }
  return bad;
}

/** Finds runtime import cycles (type-only imports are erased and cannot form one). */
export function importCycles(root: string, files: readonly string[]): string[][] {
  const graph = new Map<string, string[]>();
  const known = new Set(files);
  for (const f of files)
    graph.set(
      f,
      importsOf(f)
        .filter((e) => !e.typeOnly && known.has(e.to))
        .map((e) => e.to),
    );
  const cycles: string[][] = [];
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (n: string): void => {
    state.set(n, 1);
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      if (state.get(m) === 1)
        cycles.push([...stack.slice(stack.indexOf(m)), m].map((p) => relative(root, p)));
      else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 2);
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}
