/**
 * Reading a builtin plugin's config the way kustomize does: the config resource is unmarshalled with
 * sigs.k8s.io/yaml into the plugin struct, so unknown fields are ignored, field names match without case,
 * any scalar is read as a string where a string is wanted, and a value of the wrong shape (a list for a
 * map, a string for a boolean) fails.
 */
import { resolveV2 } from '../yaml/go-yaml-v2-unmarshal.js';
import { isMap, type YMap, YScalar, type YValue } from '../yaml/index.js';
import { KustomizeError } from './errors.js';
import type { FieldSpec } from './field-spec.js';

/** Go type names of the nested structs of builtin plugin configs, for error messages. */
const STRUCTS: Readonly<Record<string, string>> = {
  fieldSpecs: 'FieldSpec', imageTag: 'Image', replica: 'Replica', target: 'Selector', selector: 'Selector',
  options: 'GeneratorOptions', metadata: 'ObjectMeta', kubernetesService: 'KubernetesService', serviceAccount: 'ServiceAccount',
  targets: 'Target',
};

export class PluginConfig {
  /** Nested maps already read: the Go struct they decode into and their JSON path. */
  private readonly nested = new WeakMap<YMap, { struct: string; path: string }>();

  constructor(
    private readonly data: YMap,
    /** Names the plugin in errors: `Kind.builtin.[noGrp]/name.[noNs]`. */
    readonly id: string,
    /** The plugin kind (its Go struct is `<kind>Plugin`). */
    private readonly kind = '',
  ) {}

  fail(msg: string): never {
    throw new KustomizeError('transformer', `plugin ${this.id} fails configuration: ${msg}`);
  }

  /** encoding/json's type error, as sigs.k8s.io/yaml wraps it. */
  private typeError(v: YValue, name: string, from: YMap | undefined, goType: string): never {
    const at = from === undefined || from === this.data ? undefined : this.nested.get(from);
    const field = at ? `${at.struct}.${at.path}.${name}` : `${this.kind}Plugin.${name}`;
    return this.fail(`error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${describe(v)} into Go struct field ${field} of type ${goType}`);
  }

  private enter(m: YMap, name: string, from: YMap | undefined): void {
    const at = from === undefined || from === this.data ? undefined : this.nested.get(from);
    this.nested.set(m, { struct: STRUCTS[name] ?? name.charAt(0).toUpperCase() + name.slice(1), path: at ? `${at.path}.${name}` : name });
  }

  /** The raw value of a field, matched case-insensitively like encoding/json. */
  raw(name: string, from: YMap = this.data): YValue | undefined {
    if (from[name] !== undefined) return from[name];
    const lower = name.toLowerCase();
    const key = Object.keys(from).find((k) => k.toLowerCase() === lower);
    return key === undefined ? undefined : from[key];
  }

  str(name: string, from?: YMap): string | undefined {
    return this.asStr(this.raw(name, from), name, from);
  }

  private asStr(v: YValue | undefined, name: string, from: YMap | undefined, goType = 'string'): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (v instanceof YScalar && v.tag === 'null') return undefined;
    // sigs.k8s.io/yaml keeps any scalar as a string where the struct wants one, written from its yaml.v2 value
    if (v instanceof YScalar) return v2Text(v);
    return this.typeError(v, name, from, goType);
  }

  bool(name: string, from?: YMap): boolean {
    const v = this.raw(name, from);
    if (v === undefined || v === null) return false;
    if (v instanceof YScalar && v.tag === 'bool') return v.text === 'true';
    if (v instanceof YScalar && v.tag === 'null') return false;
    return this.typeError(v, name, from, 'bool');
  }

  int(name: string, from?: YMap): string | undefined {
    const v = this.raw(name, from);
    if (v === undefined || v === null) return undefined;
    if (v instanceof YScalar && v.tag === 'null') return undefined;
    // kyaml writes the scalar back as it was read and yaml.v2 reads it again: 010 is octal 8
    const r = v instanceof YScalar ? resolveV2(v.text) : undefined;
    if (r?.tag === 'int') return String(r.value);
    return this.typeError(v, name, from, 'int64');
  }

  map(name: string, from?: YMap): YMap | undefined {
    const v = this.raw(name, from);
    if (v === undefined || v === null || (v instanceof YScalar && v.tag === 'null')) return undefined;
    if (!isMap(v)) return this.typeError(v, name, from, `types.${STRUCTS[name] ?? name}`);
    this.enter(v, name, from);
    return v;
  }

  list(name: string, from?: YMap, goType = '[]interface {}'): YValue[] | undefined {
    const v = this.raw(name, from);
    if (v === undefined || v === null || (v instanceof YScalar && v.tag === 'null')) return undefined;
    if (!Array.isArray(v)) return this.typeError(v, name, from, goType);
    for (const el of v) if (isMap(el)) this.enter(el, name, from);
    return v;
  }

  stringList(name: string, from?: YMap): string[] | undefined {
    return this.list(name, from, '[]string')?.map((x) => this.asStr(x, name, from, '[]string') ?? '');
  }

  /** A map[string]string field. */
  stringMap(name: string, from?: YMap): Record<string, string> {
    const v = this.raw(name, from);
    const out: Record<string, string> = {};
    if (v === undefined || v === null || (v instanceof YScalar && v.tag === 'null')) return out;
    if (!isMap(v)) return this.typeError(v, name, from, 'map[string]string');
    for (const k of Object.keys(v)) out[k] = this.asStr(v[k], name, from, 'map[string]string') ?? '';
    return out;
  }

  fieldSpecs(name = 'fieldSpecs'): FieldSpec[] | undefined {
    return this.list(name, undefined, '[]types.FieldSpec')?.map((f) => {
      if (!isMap(f)) return this.typeError(f, name, undefined, 'types.FieldSpec');
      return {
        path: this.str('path', f) ?? '',
        group: this.str('group', f),
        version: this.str('version', f),
        kind: this.str('kind', f),
        create: this.bool('create', f),
      };
    });
  }
}

/**
 * A scalar as sigs.k8s.io/yaml turns it into a string for a string field: its yaml.v2 value formatted by
 * strconv (integers in decimal, floats with FormatFloat(f, 'g', -1, 32), booleans as true/false).
 */
export function v2Text(v: YScalar): string {
  const r = resolveV2(v.text);
  if (r.tag === 'int') return String(r.value);
  if (r.tag === 'float') return goFloat32G(Number(r.value));
  if (r.tag === 'bool') return r.value ? 'true' : 'false';
  return v.text;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 32). */
export function goFloat32G(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const f = Math.fround(x);
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const a = Math.abs(f);
  let e = a.toExponential(0);
  for (let p = 1; p <= 9; p++) {
    e = a.toExponential(p - 1);
    if (Math.fround(Number(e)) === a) break;
  }
  const [mant = '0', expText = '0'] = e.split('e');
  const digits = mant.replace('.', '').replace(/0+$/, '') || '0';
  const exp = Number(expText);
  const sign = f < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return sign + int + (frac ? `.${frac}` : '');
}

function describe(v: YValue): string {
  if (Array.isArray(v)) return 'array';
  if (isMap(v)) return 'object';
  if (typeof v === 'string') return 'string';
  if (v instanceof YScalar) return v.tag === 'bool' ? 'bool' : v.tag === 'int' || v.tag === 'float' ? 'number' : 'string';
  return 'null';
}
