/**
 * `renderChartTemplates`: what Helm v3.19's engine.Render does. Every template of the chart and its
 * subcharts is parsed into one template set (deepest paths first, as Helm sorts them), each
 * non-partial template (base name not starting with `_`) is executed with its chart's objects
 * (`.Values`, `.Chart`, `.Release`, `.Capabilities`, `.Files`, `.Template`, `.Subcharts`), `<no value>`
 * is removed, and the output map is keyed `chart/templates/x.yaml` (`parent/charts/child/templates/…`
 * for subcharts). Errors carry Helm's `parse error at (…)` / `execution error at (…)` forms.
 */
import { Template, TemplateExecError } from '../gotemplate/index.js';
import type { ExecLimits } from '../gotemplate/index.js';
import { GoError, goFunc, mapEntries } from '../gotemplate/value.js';
import type { GoMap, GoValue } from '../gotemplate/value.js';
import { quote } from '../gofmt/quote.js';
import { filesValue } from './files.js';
import type { ChartFile } from './files.js';
import { WARN_END, WARN_START, helmOptionFuncs, helmStaticFuncMap } from './funcs.js';
import type { HelmFuncOptions } from './funcs.js';
import { capabilitiesValue, chartValue, releaseValue, valuesValue } from './objects.js';
import type { CapabilitiesInfo, ChartMetadata, ReleaseInfo } from './objects.js';

/** A loaded chart (chart.Chart): metadata, templates, other files and subcharts. */
export interface HelmChart {
  readonly metadata: ChartMetadata;
  /** Templates with names relative to the chart root (`templates/deployment.yaml`). */
  readonly templates: readonly { readonly name: string; readonly data: string }[];
  /** Every other file of the chart (`.Files`), names relative to the chart root. */
  readonly files?: readonly ChartFile[];
  /** Subcharts (already filtered by their conditions and tags). */
  readonly dependencies?: readonly HelmChart[];
}

export interface RenderOptions extends HelmFuncOptions {
  readonly release: ReleaseInfo;
  readonly capabilities?: CapabilitiesInfo;
  /** `missingkey=error` instead of `missingkey=zero`. @default false */
  readonly strict?: boolean;
  /** Execution limits per template. */
  readonly limits?: ExecLimits;
}

/** Helm's include/tpl nesting limit per template name. */
export const RECURSION_MAX_NUMS = 1000;

interface Renderable {
  readonly tpl: string;
  readonly vals: GoMap;
  readonly basePath: string;
}

function joinPath(...parts: string[]): string {
  return parts
    .filter((p) => p !== '')
    .join('/')
    .replace(/\/+/g, '/');
}

function collect(
  c: HelmChart,
  parentPath: string,
  parentVals: GoMap,
  isRoot: boolean,
  out: Map<string, Renderable>,
): GoMap {
  const fullPath = isRoot ? c.metadata.name : joinPath(parentPath, 'charts', c.metadata.name);
  const subcharts: GoMap = new Map();
  let values: GoValue = valuesValue(new Map());
  if (isRoot) values = parentVals.get('Values') ?? values;
  else {
    const parentValues = mapEntries(parentVals.get('Values') ?? null);
    const own = parentValues?.get(c.metadata.name);
    const m = own === undefined ? undefined : mapEntries(own);
    if (m !== undefined) values = valuesValue(m);
  }
  const files = new Map<string, Uint8Array>();
  for (const f of c.files ?? []) files.set(f.name, f.data);
  const next: GoMap = new Map<string, GoValue>([
    ['Chart', chartValue(c.metadata, isRoot)],
    ['Files', filesValue(files)],
    ['Release', parentVals.get('Release') ?? null],
    ['Capabilities', parentVals.get('Capabilities') ?? null],
    ['Values', values],
    ['Subcharts', subcharts],
  ]);
  for (const child of c.dependencies ?? [])
    subcharts.set(child.metadata.name, collect(child, fullPath, next, false, out));
  const library = (c.metadata.type ?? '').toLowerCase() === 'library';
  for (const t of c.templates) {
    const base = t.name.slice(t.name.lastIndexOf('/') + 1);
    if (library && !base.startsWith('_')) continue;
    out.set(joinPath(fullPath, t.name), {
      tpl: t.data,
      vals: next,
      basePath: joinPath(fullPath, 'templates'),
    });
  }
  return next;
}

/** Helm's sortTemplates: deepest paths first, then reverse lexical order. */
export function sortTemplates(names: Iterable<string>): string[] {
  const depth = (s: string): number => s.split('/').length - 1;
  return [...names].sort((a, b) => {
    const da = depth(a);
    const db = depth(b);
    if (da !== db) return db - da;
    return a < b ? 1 : a > b ? -1 : 0;
  });
}

/** An error from rendering, with Helm's message. */
export class HelmRenderError extends Error {
  override readonly name = 'HelmRenderError';
}

function cleanupParseError(filename: string, err: Error): HelmRenderError {
  const tokens = err.message.split(': ');
  if (tokens.length === 1) return new HelmRenderError(`parse error in (${filename}): ${err.message}`);
  return new HelmRenderError(`parse error at (${tokens[1] ?? ''}): ${tokens[tokens.length - 1] ?? ''}`);
}

const WARN_RE = new RegExp(`${WARN_START}([\\s\\S]*)${WARN_END}`);

function cleanupExecError(filename: string, err: Error): Error {
  if (!(err instanceof TemplateExecError)) return err;
  const msg = err.message;
  const first = msg.indexOf(': ');
  const second = first < 0 ? -1 : msg.indexOf(': ', first + 2);
  if (first < 0 || second < 0) return new HelmRenderError(`execution error in (${filename}): ${msg}`);
  const location = msg.slice(first + 2, second);
  const m = WARN_RE.exec(msg.slice(second + 2));
  if (m) return new HelmRenderError(`execution error at (${location}): ${m[1] ?? ''}`);
  return new HelmRenderError(msg);
}

/** Binds include and tpl to a template set (Helm's includeFun / tplFun). */
function bindIncludeAndTpl(t: Template, included: Map<string, number>, strict: boolean): void {
  t.funcs({
    include: goFunc('func(string, interface {}) (string, error)', (name, data) => {
      const n = String(name);
      const count = included.get(n);
      if (count !== undefined) {
        if (count > RECURSION_MAX_NUMS) {
          throw new GoError(
            `rendering template has a nested reference name: ${n}: unable to execute template`,
          );
        }
        included.set(n, count + 1);
      } else included.set(n, 1);
      try {
        return t.executeTemplate(n, data);
      } finally {
        included.set(n, (included.get(n) ?? 1) - 1);
      }
    }),
    tpl: goFunc('func(string, interface {}) (string, error)', (tpl, vals) => {
      const text = String(tpl);
      const c = t.clone();
      c.option(strict ? 'missingkey=error' : 'missingkey=zero');
      bindIncludeAndTpl(c, included, strict);
      let nt: Template;
      try {
        nt = c.new(t.name).parse(text);
      } catch (err) {
        throw new GoError(`cannot parse template ${quote(text)}: ${(err as Error).message}`);
      }
      let out: string;
      try {
        out = nt.execute(vals);
      } catch (err) {
        throw new GoError(
          `error during tpl function execution for ${quote(text)}: ${(err as Error).message}`,
        );
      }
      return out.replaceAll('<no value>', '');
    }),
  });
}

/**
 * Renders every template of `chart` with `values` (the chart's coalesced `.Values`), as
 * engine.Render after chartutil.ToRenderValues.
 * @returns rendered text keyed by template path; partials (`_*.tpl`) are parsed but not rendered;
 *   NOTES.txt files are rendered like any template (see {@link splitNotes}).
 * @throws HelmRenderError with Helm's message
 */
export function renderChartTemplates(
  chart: HelmChart,
  values: GoMap,
  options: RenderOptions,
): Record<string, string> {
  const strict = options.strict ?? false;
  const top: GoMap = new Map<string, GoValue>([
    ['Values', valuesValue(values)],
    ['Release', releaseValue(options.release)],
    ['Capabilities', capabilitiesValue(options.capabilities)],
  ]);
  const tpls = new Map<string, Renderable>();
  collect(chart, '', top, true, tpls);
  const t = new Template('gotpl');
  t.option(strict ? 'missingkey=error' : 'missingkey=zero');
  if (options.limits !== undefined) t.limits(options.limits);
  t.funcs(helmStaticFuncMap(options));
  t.funcs(helmOptionFuncs(options));
  const included = new Map<string, number>();
  bindIncludeAndTpl(t, included, strict);
  const keys = sortTemplates(tpls.keys());
  for (const filename of keys) {
    try {
      t.new(filename).parse(tpls.get(filename)?.tpl ?? '');
    } catch (err) {
      throw cleanupParseError(filename, err as Error);
    }
  }
  const rendered: Record<string, string> = {};
  for (const filename of keys) {
    const base = filename.slice(filename.lastIndexOf('/') + 1);
    if (base.startsWith('_')) continue;
    const r = tpls.get(filename);
    if (r === undefined) continue;
    r.vals.set(
      'Template',
      valuesValue(
        new Map<string, GoValue>([
          ['Name', filename],
          ['BasePath', r.basePath],
        ]),
      ),
    );
    try {
      rendered[filename] = t.executeTemplate(filename, r.vals).replaceAll('<no value>', '');
    } catch (err) {
      throw cleanupExecError(filename, err as Error);
    }
  }
  return rendered;
}

/**
 * Helm's NOTES.txt handling (action.renderResources): NOTES.txt outputs are taken out of the
 * manifests; the root chart's notes are kept (all charts' with `subNotes`), joined by newlines.
 */
export function splitNotes(
  rendered: Readonly<Record<string, string>>,
  chartName: string,
  subNotes = false,
): { manifests: Record<string, string>; notes: string } {
  const manifests: Record<string, string> = {};
  const notes: string[] = [];
  for (const [k, v] of Object.entries(rendered)) {
    if (k.endsWith('NOTES.txt')) {
      if (subNotes || k === `${chartName}/templates/NOTES.txt`) notes.push(v);
    } else manifests[k] = v;
  }
  return { manifests, notes: notes.join('\n') };
}
