/**
 * Reading a builtin plugin's config the way kustomize does: the config resource is unmarshalled with
 * sigs.k8s.io/yaml into the plugin struct, so unknown fields are ignored, field names match without case,
 * any scalar is read as a string where a string is wanted, and a value of the wrong shape (a list for a
 * map, a string for a boolean) fails.
 */
import { isMap, scalarText, type YMap, YScalar, type YValue } from '../yaml/index.js';
import { KustomizeError } from './errors.js';
import type { FieldSpec } from './field-spec.js';

export class PluginConfig {
  constructor(
    private readonly data: YMap,
    /** Names the plugin in errors: `Kind.builtin.[noGrp]/name.[noNs]`. */
    readonly id: string,
  ) {}

  fail(msg: string): never {
    throw new KustomizeError('transformer', `plugin ${this.id} fails configuration: ${msg}`);
  }

  /** The raw value of a field, matched case-insensitively like encoding/json. */
  raw(name: string, from: YMap = this.data): YValue | undefined {
    if (from[name] !== undefined) return from[name];
    const lower = name.toLowerCase();
    const key = Object.keys(from).find((k) => k.toLowerCase() === lower);
    return key === undefined ? undefined : from[key];
  }

  str(name: string, from?: YMap): string | undefined {
    return this.asStr(this.raw(name, from), name);
  }

  private asStr(v: YValue | undefined, name: string): string | undefined {
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (v instanceof YScalar && v.tag === 'null') return undefined;
    // sigs.k8s.io/yaml keeps any scalar as a string where the struct wants one
    if (v instanceof YScalar) return scalarText(v);
    return this.fail(`json: cannot unmarshal ${describe(v)} into Go value of type string (field ${name})`);
  }

  bool(name: string, from?: YMap): boolean {
    const v = this.raw(name, from);
    if (v === undefined || v === null) return false;
    if (v instanceof YScalar && v.tag === 'bool') return v.text === 'true';
    if (v instanceof YScalar && v.tag === 'null') return false;
    return this.fail(`json: cannot unmarshal ${describe(v)} into Go value of type bool (field ${name})`);
  }

  int(name: string, from?: YMap): string | undefined {
    const v = this.raw(name, from);
    if (v === undefined || v === null) return undefined;
    if (v instanceof YScalar && v.tag === 'int') return scalarText(v);
    if (v instanceof YScalar && v.tag === 'null') return undefined;
    return this.fail(`json: cannot unmarshal ${describe(v)} into Go value of type int64 (field ${name})`);
  }

  map(name: string, from?: YMap): YMap | undefined {
    const v = this.raw(name, from);
    if (v === undefined || v === null || (v instanceof YScalar && v.tag === 'null')) return undefined;
    if (!isMap(v)) return this.fail(`json: cannot unmarshal ${describe(v)} into Go value of type struct (field ${name})`);
    return v;
  }

  list(name: string, from?: YMap): YValue[] | undefined {
    const v = this.raw(name, from);
    if (v === undefined || v === null || (v instanceof YScalar && v.tag === 'null')) return undefined;
    if (!Array.isArray(v)) return this.fail(`json: cannot unmarshal ${describe(v)} into Go value of type slice (field ${name})`);
    return v;
  }

  stringList(name: string, from?: YMap): string[] | undefined {
    return this.list(name, from)?.map((x) => this.asStr(x, name) ?? '');
  }

  /** A map[string]string field. */
  stringMap(name: string, from?: YMap): Record<string, string> {
    const m = this.map(name, from);
    const out: Record<string, string> = {};
    if (m) for (const k of Object.keys(m)) out[k] = this.asStr(m[k], `${name}.${k}`) ?? '';
    return out;
  }

  fieldSpecs(name = 'fieldSpecs'): FieldSpec[] | undefined {
    return this.list(name)?.map((f) => {
      if (!isMap(f)) return this.fail(`json: cannot unmarshal ${describe(f)} into Go value of type types.FieldSpec`);
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

function describe(v: YValue): string {
  if (Array.isArray(v)) return 'array';
  if (isMap(v)) return 'object';
  if (typeof v === 'string') return 'string';
  if (v instanceof YScalar) return v.tag === 'bool' ? 'bool' : v.tag === 'int' || v.tag === 'float' ? 'number' : 'string';
  return 'null';
}
