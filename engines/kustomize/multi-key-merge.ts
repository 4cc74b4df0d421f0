/**
 * kyaml merge2 for an associative list with several merge keys (x-kubernetes-list-map-keys, e.g. container
 * ports by containerPort+protocol), as kustomize runs it (patch elements first). Faithful to kyaml's
 * walk/associative_sequence.go, including its quirks:
 * - each element is identified by its key values, "" for a missing key; value lists that agree wherever
 *   both have a value are unified (a port without protocol matches the same port with one);
 * - elements are looked up by their non-empty key values only, so a patch element that lacks a key the
 *   target element has does not match it, and the target element is kept unchanged;
 * - the merged elements come first (patch order, then the rest of the target), then every target element
 *   is set again by the keys of the last element processed.
 */
import { isMap, resolvePlainV3, scalarText, type YMap, YUntaggedScalar, type YValue } from '../yaml/index.js';

type Values = string[];

/** The text kyaml compares for a key: a scalar's text, "" for a missing, null or non-scalar field. */
function keyText(el: YValue | undefined, key: string): string {
  if (!isMap(el)) return '';
  const f = el[key];
  if (f === undefined || f === null || isMap(f) || Array.isArray(f)) return '';
  return scalarText(f) ?? '';
}

/** A node's Value as kyaml's field matchers see it (maps and lists have an empty Value). */
function nodeValue(f: YValue): string {
  if (f === null) return 'null';
  if (isMap(f) || Array.isArray(f)) return '';
  return scalarText(f) ?? '';
}

function sameValues(a: Values, b: Values): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Two value lists match when they share a position and differ only where one is empty. */
function unify(a: Values, b: Values): Values | undefined {
  if (a.length !== b.length) return undefined;
  let common = false;
  const out: Values = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) {
      common = true;
      out.push(x);
      continue;
    }
    if (x !== '' && y !== '') return undefined;
    out.push(x !== '' ? x : y);
  }
  return common ? out : undefined;
}

function mergeValues(list: Values[]): void {
  for (let i = 0; i < list.length; i++) {
    const a = list[i] as Values;
    for (let j = 0; j < list.length; j++) {
      const r = unify(a, list[j] as Values);
      if (r) {
        list[i] = r;
        list[j] = r;
      }
    }
  }
}

/** validateKeys: keep the keys that have a value somewhere in `all` (all keys when none has). */
function validateKeys(all: readonly Values[], values: Values, keys: readonly string[]): [string[], Values] {
  const set = new Set<string>();
  for (const v of all) v.forEach((x, i) => {
    if (x !== '') set.add(keys[i] as string);
  });
  if (set.size === 0) return [[...keys], [...values]];
  return [keys.filter((k) => set.has(k)), values.filter((v, i) => v !== '' || set.has(keys[i] as string))];
}

/** MatchElementList: the first map element whose fields equal every value (a field must exist). */
function findElement(list: readonly YValue[] | undefined, keys: readonly string[], values: Values): YMap | undefined {
  for (const el of list ?? []) {
    if (!isMap(el)) continue;
    if (keys.every((k, i) => el[k] !== undefined && nodeValue(el[k] as YValue) === values[i])) return el;
  }
  return undefined;
}

function isEmptyOrNull(v: YValue | undefined): boolean {
  return v === undefined || v === null || (isMap(v) && Object.keys(v).length === 0);
}

/**
 * ElementSetter: drops null and empty elements; a map element matching the keys (an empty value: the
 * field exists) is replaced by `element` (or removed without one); without a match `element` is appended.
 */
function setElement(list: YValue[], element: YValue | undefined, keys: readonly string[], values: Values): YValue[] {
  const out: YValue[] = [];
  let matched = false;
  for (const el of list) {
    if (isEmptyOrNull(el)) continue;
    if (!isMap(el)) {
      out.push(el);
      continue;
    }
    let found = true;
    let hit = false;
    for (let j = 0; j < keys.length; j++) {
      if (j < values.length) {
        const f = el[keys[j] as string];
        const v = values[j] as string;
        hit = f !== undefined && (v === '' || nodeValue(f) === v);
      }
      if (!hit) {
        found = false;
        break;
      }
    }
    if (!found) {
      if (values.length > 0) out.push(el);
      continue;
    }
    matched = true;
    if (element !== undefined) out.push(element);
  }
  if (element === undefined || element === null) return out;
  if (!matched) out.push(element);
  return out;
}

function scalarOf(text: string): YValue {
  const tag = resolvePlainV3(text);
  return tag === 'str' ? text : new YUntaggedScalar(tag, text);
}

/**
 * Merges `patch` into `dest` by `keys`; `mergeElement(destEl, patchEl)` merges two elements (either may be
 * missing) and returns the result, undefined when the patch deletes it.
 */
export function mergeByKeys(
  dest: YValue[],
  patch: readonly YValue[],
  keys: readonly string[],
  mergeElement: (d: YMap | undefined, p: YMap | undefined) => YValue | undefined,
): YValue[] {
  const all: Values[] = [];
  for (const src of [patch, dest]) {
    for (const el of src) {
      const v = keys.map((k) => keyText(el, k));
      if (!all.some((x) => sameValues(x, v))) all.push(v);
    }
  }
  mergeValues(all);
  let items: YValue[] = [];
  let cur = dest;
  let lastKeys: string[] = [...keys];
  for (const values of all) {
    const [validKeys, validValues] = validateKeys(all, values, keys);
    lastKeys = validKeys;
    const [ek, ev] = validateKeys([validValues], validValues, validKeys);
    const val = mergeElement(findElement(cur, ek, ev), findElement(patch, ek, ev));
    if (isEmptyOrNull(val)) {
      cur = setElement(cur, undefined, validKeys, validValues);
      continue;
    }
    if (isMap(val)) {
      validKeys.forEach((k, i) => {
        if (val[k] === undefined && validValues[i] !== '') val[k] = scalarOf(validValues[i] as string);
      });
    }
    items = setElement(items, val, validKeys, validValues);
  }
  if (all.length === 0) return cur;
  // appendListNode(items, dest, keys of the last element)
  for (const el of cur) {
    const v: Values = [];
    for (const k of lastKeys) {
      const f = isMap(el) ? el[k] : undefined;
      if (f === undefined) {
        items.push(el);
        continue;
      }
      v.push(nodeValue(f));
    }
    if (lastKeys.length > 1) items = setElement(items, undefined, lastKeys, v);
    items = setElement(items, el, lastKeys, v);
  }
  return items;
}
