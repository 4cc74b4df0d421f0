/**
 * Sprig v3.3 list functions. Lists are any slice or array; results are `[]interface {}`. The non-`must`
 * variants panic where the `must` ones return an error, which a template reports the same way
 * (`error calling first: Cannot find first on type string`); a nil list panics with Go's nil-pointer
 * message, as `reflect.TypeOf(nil).Kind()` does in Sprig.
 */
import { GoError, GoTyped, deepEqual, goFunc, kindOf } from '../gotemplate/value.js';
import type { GoFuncValue, GoValue } from '../gotemplate/value.js';
import { intArg, nilList } from './args.js';
import { listOf, toInt64 } from './cast.js';
import { isEmpty } from './defaults.js';

type ListFn = (list: readonly GoValue[], ...rest: GoValue[]) => GoValue;

/** Wraps a list operation: non-lists fail with `<verb> on type <kind>`. */
function listOp(verb: string, fn: ListFn): (list: GoValue, ...rest: GoValue[]) => GoValue {
  return (list, ...rest) => {
    const elems = listOf(list);
    if (elems === undefined) throw new GoError(`${verb} type ${kindOf(list)}`);
    return fn(elems, ...rest);
  };
}

function inList(haystack: readonly GoValue[], needle: GoValue): boolean {
  return haystack.some((h) => deepEqual(needle, h));
}

/** The typed slice `l2.Slice(start, end).Interface()` gives: same type as the input. */
function sliceOf(list: GoValue, elems: readonly GoValue[], start: number, end: number): GoValue {
  const len = elems.length;
  if (start < 0 || end < start || end > len) {
    // reflect.Value.Slice panics with this text.
    throw new GoError('reflect.Value.Slice: slice index out of bounds');
  }
  if (Array.isArray(list)) return elems.slice(start, end);
  if (list instanceof GoTyped) {
    const p = list.value;
    const type = list.kind === 'array' ? `[]${list.elem}` : list.type;
    if (p instanceof Uint8Array)
      return new GoTyped(type, 'slice', p.slice(start, end), list.methods, list.elem);
    return new GoTyped(
      type,
      'slice',
      elems.slice(start, end),
      list.kind === 'array' ? {} : list.methods,
      list.elem,
    );
  }
  return elems.slice(start, end);
}

/** The list functions of Sprig's function map. */
export function listFuncs(): Record<string, GoFuncValue> {
  const push = goFunc(
    'func(interface {}, interface {}) []interface {}',
    listOp('Cannot push on', (l, v) => [...l, v ?? null]),
  );
  const mustPush = goFunc(
    'func(interface {}, interface {}) ([]interface {}, error)',
    listOp('Cannot push on', (l, v) => [...l, v ?? null]),
  );
  const one = (verb: string, pick: (l: readonly GoValue[]) => GoValue, must: boolean): GoFuncValue =>
    goFunc(
      must ? 'func(interface {}) (interface {}, error)' : 'func(interface {}) interface {}',
      listOp(verb, pick),
    );
  const many = (verb: string, fn: (l: readonly GoValue[]) => GoValue, must: boolean): GoFuncValue =>
    goFunc(
      must ? 'func(interface {}) ([]interface {}, error)' : 'func(interface {}) []interface {}',
      listOp(verb, fn),
    );
  const rest = (l: readonly GoValue[]): GoValue => (l.length === 0 ? nilList() : l.slice(1));
  const initial = (l: readonly GoValue[]): GoValue => (l.length === 0 ? nilList() : l.slice(0, -1));
  const reverse = (l: readonly GoValue[]): GoValue => [...l].reverse();
  const compact = (l: readonly GoValue[]): GoValue => l.filter((x) => !isEmpty(x));
  const uniq = (l: readonly GoValue[]): GoValue => {
    const out: GoValue[] = [];
    for (const x of l) if (!inList(out, x)) out.push(x);
    return out;
  };
  const without = (l: readonly GoValue[], ...omit: GoValue[]): GoValue => l.filter((x) => !inList(omit, x));
  const has = (needle: GoValue, haystack: GoValue): GoValue => {
    if (haystack === null) return false;
    return listOp('Cannot find has on', (l) => inList(l, needle))(haystack);
  };
  const slice = (list: GoValue, ...idx: GoValue[]): GoValue => {
    const elems = listOf(list);
    if (elems === undefined) throw new GoError(`list should be type of slice or array but ${kindOf(list)}`);
    if (elems.length === 0) return null;
    const start = idx.length > 0 ? Number(toInt64(idx[0] ?? null)) : 0;
    const end = idx.length < 2 ? elems.length : Number(toInt64(idx[1] ?? null));
    return sliceOf(list, elems, start, end);
  };
  const chunk = (size: GoValue, list: GoValue): GoValue => {
    const n = intArg(size);
    return listOp('Cannot chunk', (l) => {
      const len = l.length;
      if (n === 0) throw new GoError('runtime error: integer divide by zero');
      const count = Math.floor((len - 1) / n) + 1;
      if (count < 0) throw new GoError('runtime error: makeslice: len out of range');
      const out: GoValue[] = [];
      for (let i = 0; i < count; i++) {
        let clen = n;
        if (i === count - 1) {
          clen = Math.floor(len % n);
          if (clen === 0) clen = n;
        }
        if (clen < 0) throw new GoError('runtime error: makeslice: len out of range');
        const part: GoValue[] = [];
        for (let j = 0; j < clen; j++) {
          const v = l[i * n + j];
          if (v === undefined) throw new GoError(`reflect: slice index out of range`);
          part.push(v);
        }
        out.push(part);
      }
      return new GoTyped('[][]interface {}', 'slice', out, {}, '[]interface {}');
    })(list);
  };
  return {
    list: goFunc('func(...interface {}) []interface {}', (...xs) => xs),
    tuple: goFunc('func(...interface {}) []interface {}', (...xs) => xs),
    append: push,
    push,
    mustAppend: mustPush,
    mustPush,
    prepend: goFunc(
      'func(interface {}, interface {}) []interface {}',
      listOp('Cannot prepend on', (l, v) => [v ?? null, ...l]),
    ),
    mustPrepend: goFunc(
      'func(interface {}, interface {}) ([]interface {}, error)',
      listOp('Cannot prepend on', (l, v) => [v ?? null, ...l]),
    ),
    first: one('Cannot find first on', (l) => l[0] ?? null, false),
    mustFirst: one('Cannot find first on', (l) => l[0] ?? null, true),
    last: one('Cannot find last on', (l) => l[l.length - 1] ?? null, false),
    mustLast: one('Cannot find last on', (l) => l[l.length - 1] ?? null, true),
    rest: many('Cannot find rest on', rest, false),
    mustRest: many('Cannot find rest on', rest, true),
    initial: many('Cannot find initial on', initial, false),
    mustInitial: many('Cannot find initial on', initial, true),
    reverse: many('Cannot find reverse on', reverse, false),
    mustReverse: many('Cannot find reverse on', reverse, true),
    compact: many('Cannot compact on', compact, false),
    mustCompact: many('Cannot compact on', compact, true),
    uniq: many('Cannot find uniq on', uniq, false),
    mustUniq: many('Cannot find uniq on', uniq, true),
    without: goFunc(
      'func(interface {}, ...interface {}) []interface {}',
      listOp('Cannot find without on', without),
    ),
    mustWithout: goFunc(
      'func(interface {}, ...interface {}) ([]interface {}, error)',
      listOp('Cannot find without on', without),
    ),
    has: goFunc('func(interface {}, interface {}) bool', has),
    mustHas: goFunc('func(interface {}, interface {}) (bool, error)', has),
    slice: goFunc('func(interface {}, ...interface {}) interface {}', slice),
    mustSlice: goFunc('func(interface {}, ...interface {}) (interface {}, error)', slice),
    concat: goFunc('func(...interface {}) interface {}', (...lists) => {
      const out: GoValue[] = [];
      for (const l of lists) {
        const elems = listOf(l);
        if (elems === undefined) throw new GoError(`Cannot concat type ${kindOf(l)} as list`);
        out.push(...elems);
      }
      return lists.length === 0 || out.length === 0 ? nilList() : out;
    }),
    chunk: goFunc('func(int, interface {}) [][]interface {}', chunk),
    mustChunk: goFunc('func(int, interface {}) ([][]interface {}, error)', chunk),
  };
}
