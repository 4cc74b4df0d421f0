/**
 * The text/template executor. Execution state (output, variables, depth, budget) lives in
 * {@link State}, apart from the parsed trees, so one compiled template renders many times and
 * re-entrantly. Semantics and error texts follow Go's exec.go.
 * @module
 */
import { formatValue, sprint } from '../gofmt/printf.js';
import { quote } from '../gofmt/quote.js';
import { BUILTINS, indirectInterface, truth } from './builtins.js';
import type { Builtin } from './builtins.js';
import { errorContext } from './node.js';
import type {
  ArgNode,
  BranchNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
} from './node.js';
import { INVALID, Iface, Invalid, assignable, canBeNil, iface, indirect, isStackOverflow, kindOfType, valType, zeroOf } from './reflect.js';
import type { Val } from './reflect.js';
import { GoFuncValue, GoStruct, GoTyped, isIntKind, mapEntries, sliceElems, sortedKeys, wrapInt } from './value.js';
import type { GoKind, GoValue } from './value.js';

/** Go's maximum template call depth. */
export const MAX_EXEC_DEPTH = 100000;

/** What the executor needs from a template: its name, tree, and its associated set. */
export interface ExecTemplate {
  readonly name: string;
  readonly root: ListNode | null;
  lookupTemplate(name: string): ExecTemplate | undefined;
  findFunction(name: string): GoFuncValue | undefined;
  readonly missingKey: 'invalid' | 'zero' | 'error';
}

/** Limits that turn hostile templates into errors instead of hangs. */
export interface ExecLimits {
  /** Maximum nodes walked plus range iterations. @default 50_000_000 */
  readonly maxSteps?: number;
  /** Maximum output size in UTF-16 code units. @default 256 MiB */
  readonly maxOutput?: number;
}

/** An execution failure, message in Go's format. */
export class TemplateExecError extends Error {
  constructor(
    message: string,
    readonly templateName: string,
  ) {
    super(message);
    this.name = 'TemplateExecError';
  }
}

const MISSING: unique symbol = Symbol('missingVal');
const NO_ARGS: readonly ArgNode[] = [];
type Final = Val | typeof MISSING;

const enum Flow {
  Normal = 0,
  Break = 1,
  Continue = 2,
}

/** State shared by the nested states of one execution. */
interface Shared {
  steps: number;
  /** The last template call, to report a stack overflow where Go reports its depth limit. */
  lastCall?: { node: TemplateNode; tmpl: ExecTemplate };
}

interface Variable {
  name: string;
  value: Val;
}

type Callable = { builtin: Builtin; name: string } | { fn: GoFuncValue; name: string };

/** One execution: the template being run, its output, variables and depth. */
export class State {
  out = '';
  node: Node | null = null;
  vars: Variable[];
  steps = 0;
  private readonly maxSteps: number;
  private readonly maxOutput: number;

  constructor(
    public tmpl: ExecTemplate,
    dot: Val,
    public depth = 0,
    limits: ExecLimits = {},
    readonly shared: Shared = { steps: 0 },
  ) {
    this.vars = [{ name: '$', value: dot }];
    this.maxSteps = limits.maxSteps ?? 50_000_000;
    this.maxOutput = limits.maxOutput ?? 256 * 1024 * 1024;
  }

  // ---- errors ----------------------------------------------------------------------------------

  errorf(msg: string): never {
    const name = this.tmpl.name;
    if (this.node === null) throw new TemplateExecError(`template: ${name}: ${msg}`, name);
    const { location, context } = errorContext(this.node);
    throw new TemplateExecError(`template: ${location}: executing ${quote(name)} at <${context}>: ${msg}`, name);
  }

  private at(n: Node): void {
    this.node = n;
  }

  private step(): void {
    if (++this.shared.steps > this.maxSteps) this.errorf(`exceeded maximum number of execution steps (${this.maxSteps})`);
  }

  private write(s: string): void {
    this.out += s;
    if (this.out.length > this.maxOutput) this.errorf(`exceeded maximum output size (${this.maxOutput})`);
  }

  // ---- variables -------------------------------------------------------------------------------

  private push(name: string, value: Val): void {
    this.vars.push({ name, value });
  }
  private mark(): number {
    return this.vars.length;
  }
  private pop(mark: number): void {
    const vars = this.vars;
    while (vars.length > mark) vars.pop();
  }
  private setVar(name: string, value: Val): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) {
        v.value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }
  private setTopVar(n: number, value: Val): void {
    (this.vars[this.vars.length - n] as Variable).value = value;
  }
  private varValue(name: string): Val {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const v = this.vars[i] as Variable;
      if (v.name === name) return v.value;
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // ---- walking ---------------------------------------------------------------------------------

  /** Executes a node, returning whether a break/continue is unwinding. */
  walk(dot: Val, node: Node): Flow {
    this.at(node);
    this.step();
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) this.printValue(node, val);
        return Flow.Normal;
      }
      case 'break':
        return Flow.Break;
      case 'continue':
        return Flow.Continue;
      case 'comment':
        return Flow.Normal;
      case 'if':
      case 'with':
        return this.walkIfOrWith(node, dot);
      case 'list':
        for (const n of node.nodes) {
          const f = this.walk(dot, n);
          if (f !== Flow.Normal) return f;
        }
        return Flow.Normal;
      case 'range':
        return this.walkRange(dot, node);
      case 'template':
        this.walkTemplate(dot, node);
        return Flow.Normal;
      case 'text':
        this.write(node.text);
        return Flow.Normal;
    }
    this.errorf(`unknown node: ${node.type}`);
  }

  private walkIfOrWith(node: BranchNode, dot: Val): Flow {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (truth(indirectInterface(val))) return this.walk(node.type === 'with' ? val : dot, node.list);
      if (node.elseList !== null) return this.walk(dot, node.elseList);
      return Flow.Normal;
    } finally {
      this.pop(mark);
    }
  }

  /** Runs a range; a continue in its else list belongs to an enclosing range, so it is returned. */
  private walkRange(dot: Val, r: BranchNode): Flow {
    this.at(r);
    const outer = this.mark();
    try {
      const [val] = indirect(this.evalPipeline(dot, r.pipe));
      const mark = this.mark();
      const decl = r.pipe.decl;
      if (!(val instanceof Invalid) && val !== null) {
        const intKind = intRangeKind(val);
        if (intKind !== undefined) {
          if (decl.length > 1) this.errorf(`can't use ${formatValue(val)} to iterate over more than one variable`);
          const n = typeof val === 'bigint' ? val : ((val as GoTyped).value as bigint);
          if (n > 0n) {
            for (let i = 0n; i < n; i++) {
              const elem: Val = typeof val === 'bigint' ? i : new GoTyped((val as GoTyped).type, intKind, i, (val as GoTyped).methods);
              if (!this.rangeIteration(r, mark, INVALID, elem)) break;
            }
            return Flow.Normal;
          }
        } else {
          const elems = sliceElems(val);
          if (elems !== undefined) {
            if (elems.length > 0) {
              const wrap = Array.isArray(val);
              for (let i = 0; i < elems.length; i++) {
                const e = elems[i] as GoValue;
                if (!this.rangeIteration(r, mark, BigInt(i), wrap ? iface(e) : e)) break;
              }
              return Flow.Normal;
            }
          } else {
            const m = mapEntries(val);
            if (m === undefined) this.errorf(`range can't iterate over ${formatValue(val)}`);
            if (m.size > 0) {
              const wrap = val instanceof Map;
              for (const k of sortedKeys(m)) {
                const e = m.get(k) as GoValue;
                if (!this.rangeIteration(r, mark, k, wrap ? iface(e) : e)) break;
              }
              return Flow.Normal;
            }
          }
        }
      }
      // Go's walkRange recovers a break raised anywhere inside it, its else list included, while a
      // continue from the else list reaches the enclosing range.
      if (r.elseList !== null && this.walk(dot, r.elseList) === Flow.Continue) return Flow.Continue;
      return Flow.Normal;
    } finally {
      this.pop(outer);
    }
  }

  /** One iteration of a range body; false when the loop must stop (break). */
  private rangeIteration(r: BranchNode, mark: number, index: Val, elem: Val): boolean {
    this.step();
    const decl = r.pipe.decl;
    if (decl.length > 0) {
      if (r.pipe.isAssign) this.setVar((decl[0] as VariableNode).ident[0] as string, decl.length > 1 ? index : elem);
      else this.setTopVar(1, elem);
    }
    if (decl.length > 1) {
      if (r.pipe.isAssign) this.setVar((decl[1] as VariableNode).ident[0] as string, elem);
      else this.setTopVar(2, index);
    }
    const f = this.walk(elem, r.list);
    this.pop(mark);
    return f !== Flow.Break;
  }

  private walkTemplate(dot: Val, t: TemplateNode): void {
    this.at(t);
    const tmpl = this.tmpl.lookupTemplate(t.name);
    if (tmpl === undefined) this.errorf(`template ${quote(t.name)} not defined`);
    if (this.depth === MAX_EXEC_DEPTH) this.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
    const newDot = this.evalPipeline(dot, t.pipe);
    const s = new State(tmpl, newDot, this.depth + 1, { maxSteps: this.maxSteps, maxOutput: this.maxOutput }, this.shared);
    s.out = this.out;
    this.shared.lastCall = { node: t, tmpl: this.tmpl };
    try {
      if (tmpl.root === null) s.errorf(`${quote(tmpl.name)} is an incomplete or empty template`);
      s.walk(newDot, tmpl.root as ListNode);
    } finally {
      this.out = s.out;
    }
  }

  // ---- pipelines and commands ------------------------------------------------------------------

  evalPipeline(dot: Val, pipe: PipeNode | null): Val {
    if (pipe === null) return INVALID;
    this.at(pipe);
    let value: Final = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value instanceof Iface) value = value.v;
      if (value === null) value = INVALID;
    }
    const v = value as Val;
    for (const variable of pipe.decl) {
      if (pipe.isAssign) this.setVar(variable.ident[0] as string, v);
      else this.push(variable.ident[0] as string, v);
    }
    return v;
  }

  private notAFunction(args: readonly ArgNode[], final: Final): void {
    if (args.length > 1 || final !== MISSING) this.errorf(`can't give argument to non-function ${nodeText(args[0] as ArgNode)}`);
  }

  private evalCommand(dot: Val, cmd: CommandNode, final: Final): Val {
    const first = cmd.args[0] as ArgNode;
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final);
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final);
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(dot, first, cmd.args, final);
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot;
      case 'nil':
        this.errorf('nil is not a command');
        break;
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    this.errorf(`can't evaluate command ${quote(nodeText(first))}`);
  }

  private idealConstant(c: NumberNode): Val {
    this.at(c);
    if (c.isComplex) return new GoTyped('complex128', 'complex128', c.complex);
    const isHexInt = c.text.length > 2 && c.text[0] === '0' && (c.text[1] === 'x' || c.text[1] === 'X') && !/[pP]/.test(c.text);
    const isRuneInt = c.text[0] === "'";
    if (c.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(c.text)) return c.float64;
    if (c.isInt) return c.int64;
    if (c.isUint) this.errorf(`${c.text} overflows int`);
    return INVALID;
  }

  private evalFieldNode(dot: Val, field: FieldNode, args: readonly ArgNode[] | null, final: Final): Val {
    this.at(field);
    return this.evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  private evalChainNode(dot: Val, chain: ChainNode, args: readonly ArgNode[] | null, final: Final): Val {
    this.at(chain);
    if (chain.field.length === 0) this.errorf('internal error: no fields in evalChainNode');
    if (chain.node.type === 'nil') this.errorf(`indirection through explicit nil in ${nodeText(chain)}`);
    const pipe = this.evalArg(dot, null, chain.node);
    return this.evalFieldChain(dot, pipe, chain, chain.field, args, final);
  }

  private evalVariableNode(dot: Val, v: VariableNode, args: readonly ArgNode[] | null, final: Final): Val {
    this.at(v);
    const value = this.varValue(v.ident[0] as string);
    if (v.ident.length === 1) {
      this.notAFunction(args ?? [], final);
      return value;
    }
    return this.evalFieldChain(dot, value, v, v.ident.slice(1), args, final);
  }

  private evalFieldChain(dot: Val, receiver: Val, node: Node, ident: readonly string[], args: readonly ArgNode[] | null, final: Final): Val {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) receiver = this.evalField(dot, ident[i] as string, node, null, MISSING, receiver);
    return this.evalField(dot, ident[n - 1] as string, node, args, final, receiver);
  }

  private evalFunction(dot: Val, node: IdentifierNode, cmd: Node, args: readonly ArgNode[] | null, final: Final): Val {
    this.at(node);
    const name = node.ident;
    const fn = this.tmpl.findFunction(name);
    if (fn !== undefined) return this.evalCall(dot, { fn, name }, cmd, args, final);
    const b = BUILTINS.get(name);
    if (b === undefined) this.errorf(`${quote(name)} is not a defined function`);
    return this.evalCall(dot, { builtin: b, name }, cmd, args, final);
  }

  private evalField(dot: Val, fieldName: string, node: Node, args: readonly ArgNode[] | null, final: Final, receiver: Val): Val {
    if (receiver instanceof Invalid) {
      if (this.tmpl.missingKey === 'error') this.errorf(`nil data; no entry for key ${quote(fieldName)}`);
      return INVALID;
    }
    const [recv, isNil] = indirect(receiver);
    if (recv === null && isNil) this.errorf(`nil pointer evaluating ${receiverType(receiver)}.${fieldName}`);
    const r = recv as GoValue;
    if (r instanceof GoStruct || r instanceof GoTyped) {
      const m = r.methods[fieldName];
      if (m !== undefined) return this.evalCall(dot, { fn: m, name: fieldName }, node, args, final);
    }
    const hasArgs = (args !== null && args.length > 1) || final !== MISSING;
    if (r instanceof GoStruct) {
      const f = r.fields.get(fieldName);
      if (f !== undefined) {
        if (hasArgs) this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
        return f;
      }
    } else {
      const m = mapEntries(r);
      if (m !== undefined) {
        if (hasArgs) this.errorf(`${fieldName} is not a method but has arguments`);
        const v = m.get(fieldName);
        if (v !== undefined) return r instanceof Map ? iface(v) : v;
        switch (this.tmpl.missingKey) {
          case 'invalid':
            return INVALID;
          case 'zero':
            return r instanceof GoTyped ? zeroOf(r.elem || 'interface {}') : null;
          case 'error':
            this.errorf(`map has no entry for key ${quote(fieldName)}`);
        }
      }
      if (r instanceof GoTyped && r.kind === 'ptr' && isNil) this.errorf(`nil pointer evaluating ${receiverType(receiver)}.${fieldName}`);
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${receiverType(receiver)}`);
  }

  private evalCall(dot: Val, callee: Callable, node: Node, argNodes: readonly ArgNode[] | null, final: Final): Val {
    const args = argNodes !== null && argNodes.length > 1 ? argNodes.slice(1) : NO_ARGS;
    const name = callee.name;
    const sig = 'builtin' in callee ? callee.builtin.signature : callee.fn.signature;
    let numIn = args.length;
    if (final !== MISSING) numIn++;
    let numFixed = args.length;
    if (sig.variadic) {
      numFixed = sig.params.length - 1;
      if (numIn < numFixed) this.errorf(`wrong number of args for ${name}: want at least ${sig.params.length - 1} got ${args.length}`);
    } else if (numIn !== sig.params.length) this.errorf(`wrong number of args for ${name}: want ${sig.params.length} got ${numIn}`);
    if (sig.results.length === 2 && sig.results[1] !== 'error')
      this.errorf(`invalid function signature for ${name}: second return value should be error; is ${sig.results[1]}`);
    if (sig.results.length !== 1 && sig.results.length !== 2)
      this.errorf(`function ${name} has ${sig.results.length} return values; should be 1 or 2`);

    if ('builtin' in callee && (name === 'and' || name === 'or')) {
      let v: Val = INVALID;
      for (const arg of args) {
        v = this.evalArg(dot, 'reflect.Value', arg);
        if (truth(indirectInterface(v)) === (name === 'or')) return v;
      }
      if (final !== MISSING) v = this.validateType(final, 'reflect.Value');
      return v;
    }

    const argv: Val[] = new Array<Val>(numIn);
    let i = 0;
    for (; i < numFixed && i < args.length; i++) argv[i] = this.evalArg(dot, sig.params[i] as string, args[i] as ArgNode);
    if (sig.variadic) {
      const argType = sig.params[sig.params.length - 1] as string;
      for (; i < args.length; i++) argv[i] = this.evalArg(dot, argType, args[i] as ArgNode);
    }
    if (final !== MISSING) {
      let t = sig.params[sig.params.length - 1] as string;
      if (sig.variadic && numIn - 1 < numFixed) t = sig.params[numIn - 1] as string;
      argv[i] = this.validateType(final, t);
    }
    if ('builtin' in callee && name === 'call') {
      const calleeName = args.length === 0 ? (final === MISSING ? '' : formatValue(unwrapGo(final))) : nodeText(args[0] as ArgNode);
      try {
        return callBuiltin(calleeName, argv);
      } catch (e) {
        this.callError(e, node, name);
      }
    }
    let r: Val;
    try {
      r = 'builtin' in callee ? callee.builtin.fn(...argv) : callee.fn.fn(...(argv as GoValue[]));
    } catch (e) {
      this.callError(e, node, name);
    }
    return sig.results[0] === 'interface {}' ? iface(r as GoValue) : r;
  }

  /** Go's safeCall failure: `error calling NAME: MSG` at the call's node. */
  private callError(e: unknown, node: Node, name: string): never {
    if (isStackOverflow(e)) throw e;
    this.at(node);
    const msg = e instanceof Error ? e.message : String(e);
    this.errorf(`error calling ${name}: ${msg}`);
  }

  private validateType(value: Val, typ: string | null): Val {
    if (value instanceof Iface) {
      if (typ === null || typ === 'reflect.Value') return value;
      value = value.v;
    }
    if (value instanceof Invalid) {
      if (typ === null) return INVALID;
      if (typ === 'reflect.Value') return INVALID;
      if (canBeNil(typ)) return zeroOf(typ);
      this.errorf(`invalid value; expected ${typ}`);
    }
    if (typ === null || typ === 'reflect.Value') return value;
    if (!assignable(value, typ)) {
      if (value instanceof GoStruct && value.pointer && value.typeName === typ)
        return new GoStruct(value.typeName, value.fields, value.methods, false, value.native);
      if (value instanceof GoStruct && !value.pointer && `*${value.typeName}` === typ)
        return new GoStruct(value.typeName, value.fields, value.methods, true, value.native);
      this.errorf(`wrong type for value; expected ${typ}; got ${valType(value)}`);
    }
    return value;
  }

  private evalArg(dot: Val, typ: string | null, n: ArgNode): Val {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot, typ);
      case 'nil':
        if (typ !== null && canBeNil(typ)) return typ === 'reflect.Value' ? INVALID : zeroOf(typ);
        this.errorf(`cannot assign nil to ${typ ?? '<nil>'}`);
        break;
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING), typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(dot, n, null, MISSING), typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, null, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, null, MISSING), typ);
    }
    if (typ === null) this.errorf(`can't handle ${nodeText(n)} for arg of type <nil>`);
    if (typ === 'interface {}' || typ === 'reflect.Value') return this.evalEmptyInterface(dot, n);
    const k = kindOfType(typ);
    switch (k) {
      case 'bool':
        if (n.type === 'bool') return typ === 'bool' ? n.value : new GoTyped(typ, k, n.value);
        this.errorf(`expected bool; found ${nodeText(n)}`);
        break;
      case 'complex64':
      case 'complex128':
        if (n.type === 'number' && n.isComplex) return new GoTyped(typ, k, n.complex);
        this.errorf(`expected complex; found ${nodeText(n)}`);
        break;
      case 'float32':
      case 'float64':
        if (n.type === 'number' && n.isFloat)
          return typ === 'float64' ? n.float64 : new GoTyped(typ, k, k === 'float32' ? Math.fround(n.float64) : n.float64);
        this.errorf(`expected float; found ${nodeText(n)}`);
        break;
      case 'string':
        if (n.type === 'string') return typ === 'string' ? n.text : new GoTyped(typ, k, n.text);
        this.errorf(`expected string; found ${nodeText(n)}`);
        break;
    }
    if (isIntKind(k)) {
      const signed = ['int', 'int8', 'int16', 'int32', 'int64'].includes(k);
      if (signed) {
        if (n.type === 'number' && n.isInt) return makeInt(typ, k, n.int64);
        this.errorf(`expected integer; found ${nodeText(n)}`);
      }
      if (n.type === 'number' && n.isUint) return makeInt(typ, k, n.uint64);
      this.errorf(`expected unsigned integer; found ${nodeText(n)}`);
    }
    this.errorf(`can't handle ${nodeText(n)} for arg of type ${typ}`);
  }

  private evalEmptyInterface(dot: Val, n: ArgNode): Val {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'dot':
        return dot;
      case 'field':
        return this.evalFieldNode(dot, n, null, MISSING);
      case 'identifier':
        return this.evalFunction(dot, n, n, null, MISSING);
      case 'nil':
        this.errorf("evalEmptyInterface: nil (can't happen)");
        break;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
      case 'variable':
        return this.evalVariableNode(dot, n, null, MISSING);
      case 'pipe':
        return this.evalPipeline(dot, n);
    }
    this.errorf(`can't handle assignment of ${nodeText(n)} to empty interface argument`);
  }

  private printValue(n: Node, v: Val): void {
    this.at(n);
    if (v instanceof Invalid) {
      this.write('<no value>');
      return;
    }
    if (v instanceof GoFuncValue) this.errorf(`can't print ${nodeText(n)} of type ${v.type}`);
    if (typeof v === 'string') {
      this.write(v);
      return;
    }
    const [d] = indirect(v);
    this.write(formatValue(d as GoValue));
  }
}

/** A Go integer of type `typ` (kind `k`), wrapped to its width as Go's reflect SetInt/SetUint do. */
function makeInt(typ: string, k: GoKind, v: bigint): GoValue {
  const w = wrapInt(k, v);
  return typ === 'int' ? w : new GoTyped(typ, k, w);
}

function intRangeKind(v: GoValue): GoKind | undefined {
  if (typeof v === 'bigint') return 'int';
  if (v instanceof GoTyped && isIntKind(v.kind) && typeof v.value === 'bigint') return v.kind;
  return undefined;
}

/** The static type Go reports for a field receiver: interface-typed values report `interface {}`. */
function receiverType(v: Val): string {
  return v instanceof Iface ? 'interface {}' : valType(v);
}

function unwrapGo(v: Val): GoValue {
  if (v instanceof Iface) return v.v;
  return v instanceof Invalid ? null : v;
}

function nodeText(n: Node): string {
  return errorContext(n).context;
}

/** Go's call builtin: calls a function value with already-evaluated arguments. */
function callBuiltin(name: string, argv: Val[]): Val {
  const fnv = indirectInterface(argv[0] as Val);
  const args = argv.slice(1);
  if (fnv instanceof Invalid) throw new Error('call of nil');
  if (!(fnv instanceof GoFuncValue)) throw new Error(`non-function ${name} of type ${valType(fnv)}`);
  const sig = fnv.signature;
  if (sig.results.length === 2 && sig.results[1] !== 'error')
    throw new Error(`invalid function signature for ${name}: second return value should be error; is ${sig.results[1]}`);
  const numIn = sig.params.length;
  if (sig.variadic) {
    if (args.length < numIn - 1) throw new Error(`wrong number of args for ${name}: got ${args.length} want at least ${numIn - 1}`);
  } else if (args.length !== numIn) throw new Error(`wrong number of args for ${name}: got ${args.length} want ${numIn}`);
  const goArgs = args.map((a, i) => {
    const v = indirectInterface(a);
    const t = (!sig.variadic || i < numIn - 1 ? sig.params[i] : sig.params[numIn - 1]) as string;
    if (v instanceof Invalid) {
      if (!canBeNil(t)) throw new Error(`arg ${i}: value is nil; should be of type ${t}`);
      return zeroOf(t);
    }
    if (assignable(v, t)) return v;
    const vk = typeof v === 'bigint' ? 'int' : v instanceof GoTyped ? v.kind : undefined;
    const tk = kindOfType(t);
    if (vk !== undefined && isIntKind(vk) && isIntKind(tk)) {
      const n = typeof v === 'bigint' ? v : (v as GoTyped).value as bigint;
      return makeInt(t, tk, n);
    }
    throw new Error(`arg ${i}: value has type ${valType(v)}; should be ${t}`);
  });
  return fnv.fn(...goArgs);
}

/** Executes `tmpl` with `data`, returning the output. */
export function execute(tmpl: ExecTemplate, data: Val, limits?: ExecLimits): string {
  const s = new State(tmpl, data, 0, limits);
  if (tmpl.root === null) s.errorf(`${quote(tmpl.name)} is an incomplete or empty template`);
  try {
    s.walk(data, tmpl.root as ListNode);
  } catch (e) {
    if (!isStackOverflow(e)) throw e;
    // JS runs out of stack before Go's depth limit of 100000 nested calls: report it the same way.
    const last = s.shared.lastCall;
    if (last === undefined) throw new TemplateExecError(`template: ${tmpl.name}: nesting too deep to execute`, tmpl.name);
    const at = new State(last.tmpl, INVALID);
    at.node = last.node;
    at.errorf(`exceeded maximum template depth (${MAX_EXEC_DEPTH})`);
  }
  return s.out;
}

/** True if a value is "true" in a template's if/with/and/or/not (Go's template.IsTrue). */
export function isTrueValue(v: Val): boolean {
  return truth(v);
}

/** Sprint of executor values, for diagnostics. */
export function describe(v: Val): string {
  const u = v instanceof Iface ? v.v : v;
  return u instanceof Invalid ? '<invalid reflect.Value>' : sprint(u);
}
