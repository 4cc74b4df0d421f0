/**
 * The differential harness for Go templates: runs cases through our engine and through the Go
 * oracle (tools/go/gotemplate-oracle: Go text/template + Sprig v3.3.0 + Helm v3.19's engine) and
 * compares byte for byte.
 *
 * ## Adding cases
 * A case table is a module under test/gotemplate/cases/ exporting `cases: OracleCase[]`, listed in
 * `CASE_TABLES` in differential.test.ts. A case gives a template, optional data (JSON; numbers are
 * float64 as in Helm; `{"$int": 3}`, `{"$int64": 3}`, `{"$uint8": 3}`, `{"$float32": 1.5}`,
 * `{"$strings": ["a"]}`, `{"$intslice": [1]}`, `{"$bytes": "base64"}`, `{"$stringmap": {"a": "b"}}`
 * make typed Go values on both sides), extra named templates, options and delimiters. `mode`
 * chooses the function map: `text` (builtins only) or `sprig` (Go: `sprig.TxtFuncMap()`; ours: the
 * map registered with {@link setModeFuncs}). Output must match byte for byte; when both sides fail,
 * the error messages must be equal (`errors: 'location'` compares only the `template: NAME:L:C:`
 * prefix and the `executing ... at <node>` part, for messages Go formats from unknowable data such
 * as pointers). Cases that are random or time-based set `compare` to a predicate over both outputs.
 *
 * Helm-mode requests (a chart built in memory from files) go through {@link runOracle} directly.
 * @module
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';
import { Template } from '../../engines/gotemplate/index.js';
import { GoTyped, float32, goInt, int64, stringSlice } from '../../engines/gotemplate/value.js';
import type { FuncMap, GoMap, GoValue } from '../../engines/gotemplate/value.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Path of the oracle binary for the current tools/go/gotemplate-oracle sources (as scripts/build-gotemplate-oracle.sh). */
export function oraclePath(): string {
  const src = join(root, 'tools', 'go', 'gotemplate-oracle');
  const hash = createHash('sha256')
    .update(readFileSync(join(src, 'main.go')))
    .update(readFileSync(join(src, 'go.mod')))
    .digest('hex')
    .slice(0, 12);
  const cache = process.env.SLUICE_CACHE ?? join(homedir(), '.cache', 'sluice');
  return join(cache, 'bin', `gotemplate-oracle-${hash}`, 'gotemplate-oracle');
}

/** True when the oracle has been built (`bash scripts/build-gotemplate-oracle.sh`). */
export function oracleAvailable(): boolean {
  return existsSync(oraclePath());
}

/** A request to the oracle (see tools/go/gotemplate-oracle/main.go). */
export interface OracleRequest {
  mode?: 'text' | 'sprig' | 'helm';
  name?: string;
  template?: string;
  templates?: { name: string; src: string }[];
  execute?: string;
  data?: unknown;
  options?: string[];
  delims?: [string, string];
  /**
   * Helm mode (`mode: 'helm'`): `{ chart: {name, version, appVersion, ...chart.Metadata},
   * templates: {"templates/x.yaml": src}, files: {path: text}, valuesYaml, userValuesYaml,
   * release: {name, namespace, revision, isUpgrade, isInstall}, kubeVersion, apiVersions, strict,
   * lintMode }`; the answer's `outputs` maps "CHART/templates/x.yaml" to rendered text, as
   * Helm's engine.Render (test/helm-engine/harness.ts builds these).
   */
  helm?: unknown;
  /** Benchmark: execute each named template `repeat` times after one parse; nanos is execution time. */
  bench?: { names: string[]; repeat: number };
}

/** The oracle's answer. */
export interface OracleResponse {
  ok: boolean;
  output?: string;
  outputs?: Record<string, string>;
  error?: string;
  phase?: string;
  nanos: number;
}

/** A long-lived oracle process in batch mode; requests are answered in order. */
export class Oracle {
  private proc: ChildProcessWithoutNullStreams;
  private pending: ((r: OracleResponse) => void)[] = [];

  constructor() {
    const bin = oraclePath();
    if (!existsSync(bin)) throw new Error(`gotemplate oracle not built at ${bin}: run bash scripts/build-gotemplate-oracle.sh`);
    this.proc = spawn(bin, ['-batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const rl = createInterface({ input: this.proc.stdout });
    rl.on('line', (line) => {
      const resolve = this.pending.shift();
      if (resolve !== undefined) resolve(JSON.parse(line) as OracleResponse);
    });
  }

  /** Sends one request. */
  render(req: OracleRequest): Promise<OracleResponse> {
    return new Promise((resolve) => {
      this.pending.push(resolve);
      this.proc.stdin.write(JSON.stringify(req) + '\n');
    });
  }

  /** Sends many requests at once and waits for all answers. */
  renderAll(reqs: readonly OracleRequest[]): Promise<OracleResponse[]> {
    return Promise.all(reqs.map((r) => this.render(r)));
  }

  close(): void {
    this.proc.stdin.end();
  }
}

/** Runs requests through a fresh oracle process. */
export async function runOracle(reqs: readonly OracleRequest[]): Promise<OracleResponse[]> {
  const o = new Oracle();
  try {
    return await o.renderAll(reqs);
  } finally {
    o.close();
  }
}

/** One differential case. */
export interface OracleCase {
  /** Reads as a specification: "range over a map visits keys in sorted order". */
  readonly name: string;
  readonly template: string;
  readonly data?: unknown;
  readonly templates?: readonly { name: string; src: string }[];
  readonly execute?: string;
  readonly options?: readonly string[];
  readonly delims?: readonly [string, string];
  /** @default 'text' */
  readonly mode?: 'text' | 'sprig';
  /** How errors are compared. @default 'exact' */
  readonly errors?: 'exact' | 'location';
  /** For random or time-based output: a predicate over (ours, go) instead of equality. */
  readonly compare?: (ours: string, go: string) => boolean;
}

const modeFuncs = new Map<string, () => FuncMap>();

/** Registers our function map for a mode (the Sprig engineer registers `sprig`). */
export function setModeFuncs(mode: string, make: () => FuncMap): void {
  modeFuncs.set(mode, make);
}

/** Decodes case data exactly as the oracle does: numbers float64, `$`-tagged objects typed. */
export function decodeData(x: unknown): GoValue {
  if (x === null || x === undefined) return null;
  if (typeof x === 'number') return x;
  if (typeof x === 'string' || typeof x === 'boolean') return x;
  if (Array.isArray(x)) return x.map(decodeData);
  const o = x as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 1) {
    const k = keys[0] as string;
    const v = o[k];
    switch (k) {
      case '$int':
        return goInt('int', v as number);
      case '$int64':
        return int64(v as number);
      case '$uint8':
        return goInt('uint8', v as number);
      case '$float32':
        return float32(v as number);
      case '$strings':
        return stringSlice(v as string[]);
      case '$intslice':
        return new GoTyped('[]int', 'slice', (v as number[]).map((n) => BigInt(n)), {}, 'int');
      case '$bytes':
        return new GoTyped('[]uint8', 'slice', Uint8Array.from(Buffer.from(v as string, 'base64')), {}, 'uint8');
      case '$stringmap':
        return new GoTyped('map[string]string', 'map', new Map(Object.entries(v as Record<string, string>)), {}, 'string');
    }
  }
  const m: GoMap = new Map();
  for (const k of keys) m.set(k, decodeData(o[k]));
  return m;
}

/** Our side of a case: `{ ok, output }` or `{ ok: false, error, phase }`. */
export function renderOurs(c: OracleCase): OracleResponse {
  const name = 't';
  const t = new Template(name);
  let phase = 'parse';
  try {
    if (c.delims !== undefined) t.delims(c.delims[0], c.delims[1]);
    const mode = c.mode ?? 'text';
    if (mode !== 'text') {
      const make = modeFuncs.get(mode);
      if (make === undefined) throw new Error(`no function map registered for mode ${mode}`);
      t.funcs(make());
    }
    if (c.options !== undefined && c.options.length > 0) t.option(...c.options);
    t.parse(c.template);
    for (const s of c.templates ?? []) t.new(s.name).parse(s.src);
    phase = 'exec';
    // Through JSON, as the oracle receives it (e.g. -0 becomes 0).
    const data = c.data === undefined ? null : (JSON.parse(JSON.stringify(c.data)) as unknown);
    const out = t.executeTemplate(c.execute ?? name, decodeData(data));
    return { ok: true, output: out, nanos: 0 };
  } catch (e) {
    return { ok: false, error: (e as Error).message, phase, nanos: 0 };
  }
}

/** The oracle request for a case. */
export function toRequest(c: OracleCase): OracleRequest {
  const req: OracleRequest = { mode: c.mode ?? 'text', name: 't', template: c.template };
  if (c.templates !== undefined) req.templates = [...c.templates];
  if (c.execute !== undefined) req.execute = c.execute;
  if (c.data !== undefined) req.data = c.data;
  if (c.options !== undefined) req.options = [...c.options];
  if (c.delims !== undefined) req.delims = [c.delims[0], c.delims[1]];
  return req;
}

function errorLocation(msg: string): string {
  const m = /^template: [^:]*:\d+(?::\d+)?: (?:executing "[^"]*" at <.*?>: )?/.exec(msg);
  return m === null ? msg : m[0];
}

/** Go's JSON encoding of the oracle's answer turns each invalid UTF-8 byte into U+FFFD; do the same to ours. */
function asGoJSON(s: string | undefined): string | undefined {
  return s?.replace(/[\udc80-\udcff]/g, '\ufffd');
}

/** Compares our result with Go's: undefined when they agree, else a description of the difference. */
export function diff(c: OracleCase, oursRaw: OracleResponse, go: OracleResponse): string | undefined {
  const ours = { ...oursRaw, output: asGoJSON(oursRaw.output), error: asGoJSON(oursRaw.error) };
  if (go.ok && ours.ok) {
    const a = ours.output ?? '';
    const b = go.output ?? '';
    if (c.compare !== undefined) return c.compare(a, b) ? undefined : `outputs differ by shape:\n ours: ${JSON.stringify(a)}\n go:   ${JSON.stringify(b)}`;
    return a === b ? undefined : `outputs differ:\n ours: ${JSON.stringify(a)}\n go:   ${JSON.stringify(b)}`;
  }
  if (go.ok !== ours.ok)
    return `one side failed:\n ours: ${ours.ok ? JSON.stringify(ours.output) : 'ERROR ' + (ours.error ?? '')}\n go:   ${go.ok ? JSON.stringify(go.output) : 'ERROR ' + (go.error ?? '')}`;
  const a = ours.error ?? '';
  const b = go.error ?? '';
  const same = (c.errors ?? 'exact') === 'exact' ? a === b : errorLocation(a) === errorLocation(b);
  return same ? undefined : `errors differ:\n ours: ${a}\n go:   ${b}`;
}

/**
 * Runs case tables through the oracle in one batch and our engine, one subtest per case named
 * `TABLE: CASE NAME`; fails on a duplicate name or any difference.
 */
export async function runCaseTables(t: TestContext, tables: Readonly<Record<string, readonly OracleCase[]>>): Promise<void> {
  const oracle = new Oracle();
  try {
    const all = Object.entries(tables).flatMap(([table, cs]) => cs.map((c) => ({ table, c })));
    const goResults = await oracle.renderAll(all.map(({ c }) => toRequest(c)));
    const seen = new Set<string>();
    for (const [i, { table, c }] of all.entries()) {
      const key = `${table}: ${c.name}`;
      assert.ok(!seen.has(key), `duplicate case name ${key}`);
      seen.add(key);
      const go = goResults[i] as OracleResponse;
      await t.test(key, () => {
        const d = diff(c, renderOurs(c), go);
        assert.equal(d, undefined, `${c.template}\n${d ?? ''}`);
      });
    }
  } finally {
    oracle.close();
  }
}
