/**
 * The public Go-style template API: `new Template(name).option(...).funcs(map).parse(src)`,
 * `execute(data)`, `executeTemplate(name, data)`, `lookup`, `templates()`, `delims`, `new`, `clone`.
 * Templates compile once and execute many times; executions are independent and re-entrant
 * (a function may execute another template of the same set, as Helm's `include` does).
 * @module
 */
import { quote } from '../gofmt/quote.js';
import { BUILTINS } from './builtins.js';
import { TemplateExecError, execute } from './exec.js';
import type { ExecLimits, ExecTemplate } from './exec.js';
import type { ListNode } from './node.js';
import { isEmptyTree } from './node.js';
import { TemplateParseError, parseTemplates } from './parse.js';
import type { Tree } from './parse.js';
import { INVALID, isStackOverflow } from './reflect.js';
import type { Val } from './reflect.js';
import { toFuncValue } from './value.js';
import type { FuncMap, GoFuncValue, GoValue } from './value.js';

interface Common {
  readonly tmpl: Map<string, Template>;
  readonly funcs: Map<string, GoFuncValue>;
  missingKey: 'invalid' | 'zero' | 'error';
  limits: ExecLimits;
}

const goodName = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;
/** Function names already checked against {@link goodName} (function maps are set again for every render). */
const validNames = new Set<string>();

/** A Go text/template: one named template in a set of associated templates. */
export class Template implements ExecTemplate {
  tree: Tree | null = null;
  private common: Common;
  private leftDelim = '';
  private rightDelim = '';

  /** `template.New(name)`. */
  constructor(
    readonly name: string,
    common?: Common,
  ) {
    this.common = common ?? { tmpl: new Map(), funcs: new Map(), missingKey: 'invalid', limits: {} };
  }

  /** The parsed root, or null before a successful parse. */
  get root(): ListNode | null {
    return this.tree?.root ?? null;
  }

  /** Options as Go: `missingkey=default|invalid|zero|error`. @throws on an unknown option. */
  option(...opts: string[]): this {
    for (const opt of opts) {
      if (opt === '') throw new Error('empty option string');
      const eq = opt.indexOf('=');
      const key = eq < 0 ? '' : opt.slice(0, eq);
      const value = opt.slice(eq + 1);
      if (key === 'missingkey' && (value === 'invalid' || value === 'default')) this.common.missingKey = 'invalid';
      else if (key === 'missingkey' && value === 'zero') this.common.missingKey = 'zero';
      else if (key === 'missingkey' && value === 'error') this.common.missingKey = 'error';
      else throw new Error(`unrecognized option: ${opt}`);
    }
    return this;
  }

  /** Execution limits for hostile templates (steps, output size); shared by the whole set. */
  limits(limits: ExecLimits): this {
    this.common.limits = limits;
    return this;
  }

  /** Adds functions to the set's function map. Entries may be declared Go functions or bare JS functions. */
  funcs(map: FuncMap): this {
    for (const [name, fn] of Object.entries(map)) {
      if (!validNames.has(name)) {
        if (!goodName.test(name)) throw new Error(`function name ${quote(name)} is not a valid identifier`);
        if (validNames.size < 10_000) validNames.add(name);
      }
      this.common.funcs.set(name, toFuncValue(fn, name));
    }
    return this;
  }

  /** Sets the action delimiters for subsequent parses; empty means `{{` / `}}`. */
  delims(left: string, right: string): this {
    this.leftDelim = left;
    this.rightDelim = right;
    return this;
  }

  /** `t.New(name)`: a new template associated with this one, sharing functions and options. */
  new(name: string): Template {
    const nt = new Template(name, this.common);
    nt.leftDelim = this.leftDelim;
    nt.rightDelim = this.rightDelim;
    return nt;
  }

  /** Parses `text` as this template's body; `define`/`block` add associated templates. @throws TemplateParseError */
  parse(text: string): this {
    const funcs = this.common.funcs;
    let trees: Map<string, Tree>;
    try {
      trees = parseTemplates(this.name, text, this.leftDelim, this.rightDelim, {
        hasFunction: (n) => funcs.has(n) || BUILTINS.has(n),
      });
    } catch (e) {
      // Nesting deeper than the JS stack allows (Go allows 10000 parenthesised levels and unlimited
      // control nesting): an error, never a crash.
      if (isStackOverflow(e)) throw new TemplateParseError(`template: ${this.name}: max expression depth exceeded`);
      throw e;
    }
    for (const [name, tree] of trees) this.addParseTree(name, tree);
    return this;
  }

  /** Associates a parsed tree under `name` (Go's AddParseTree). */
  addParseTree(name: string, tree: Tree): Template {
    const nt = name !== this.name ? this.new(name) : this;
    if (this.associate(nt, tree) || nt.tree === null) nt.tree = tree;
    return nt;
  }

  private associate(nt: Template, tree: Tree): boolean {
    const old = this.common.tmpl.get(nt.name);
    if (old !== undefined && isEmptyTree(tree.root) && old.tree !== null) return false;
    this.common.tmpl.set(nt.name, nt);
    return true;
  }

  /** The associated template of that name, if any. */
  lookup(name: string): Template | undefined {
    return this.common.tmpl.get(name);
  }

  /** @internal for the executor */
  lookupTemplate(name: string): Template | undefined {
    return this.common.tmpl.get(name);
  }

  /** @internal for the executor */
  findFunction(name: string): GoFuncValue | undefined {
    return this.common.funcs.get(name);
  }

  /** @internal for the executor */
  get missingKey(): 'invalid' | 'zero' | 'error' {
    return this.common.missingKey;
  }

  /** All associated templates (including this one once parsed). */
  templates(): Template[] {
    return [...this.common.tmpl.values()];
  }

  /** Go's DefinedTemplates: `; defined templates are: "a", "b"` or empty. */
  definedTemplates(): string {
    const names = [...this.common.tmpl.values()].filter((t) => t.root !== null).map((t) => quote(t.name));
    return names.length === 0 ? '' : `; defined templates are: ${names.join(', ')}`;
  }

  /** A copy of the set that can be extended without affecting this one (Go's Clone). */
  clone(): Template {
    const common: Common = { tmpl: new Map(), funcs: new Map(this.common.funcs), missingKey: this.common.missingKey, limits: this.common.limits };
    const copy = (t: Template): Template => {
      const c = new Template(t.name, common);
      c.tree = t.tree;
      c.leftDelim = t.leftDelim;
      c.rightDelim = t.rightDelim;
      return c;
    };
    const nt = copy(this);
    for (const [k, v] of this.common.tmpl) common.tmpl.set(k, k === this.name ? nt : copy(v));
    return nt;
  }

  /**
   * Executes this template with `data` (a Go value; `undefined` or `null` are nil data) and returns
   * the output. @throws TemplateExecError with Go's message.
   */
  execute(data?: GoValue): string {
    const d: Val = data === undefined || data === null ? INVALID : data;
    return execute(this, d, this.common.limits);
  }

  /** Executes the associated template `name`. @throws TemplateExecError */
  executeTemplate(name: string, data?: GoValue): string {
    const t = this.lookup(name);
    if (t === undefined) throw new TemplateExecError(`template: no template ${quote(name)} associated with template ${quote(this.name)}`, this.name);
    return t.execute(data);
  }
}
