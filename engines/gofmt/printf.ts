/**
 * Go's `fmt` over the Go value model: Sprintf (every verb, flag, width, precision and `[n]` argument
 * index, with Go's `%!verb(type=value)`, `%!(EXTRA ...)`, `(MISSING)`, `(BADINDEX)` diagnostics),
 * Sprint and Sprintln. Values print as Go prints them: `map[a:1 b:2]`, `[1 2 3]`, `<nil>`, `1e+06`,
 * `{a b}`, `&{a b}`, and types with a `String`/`Error` method through that method.
 * @module
 */
import {
  GoFuncValue,
  GoStruct,
  GoTyped,
  compareGoStrings,
  goBytes,
  goString,
  isComplexPayload,
  isSignedKind,
  isUnsignedKind,
  typeOf,
  utf8Length,
} from '../gotemplate/value.js';
import type { GoComplex, GoValue } from '../gotemplate/value.js';
import { formatFloat } from './float.js';
import { canBackquote, isPrint, quote, quoteRune, quoteRuneToASCII, quoteToASCII } from './quote.js';

const LDIGITS = '0123456789abcdefx';
const UDIGITS = '0123456789ABCDEFX';
const NIL_ANGLE = '<nil>';
const NIL_PAREN = '(nil)';
const MASK64 = (1n << 64n) - 1n;
/** Printed for pointers and funcs, whose addresses Go prints and we cannot know. */
const FAKE_ADDR = 0xc000010000n;


function runeCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      n++;
      i++;
    }
  }
  return n;
}

function tooLarge(x: number): boolean {
  return x > 1e6 || x < -1e6;
}

/** Integer payload and signedness of an integer-kinded value, else undefined. */
function intOf(v: GoValue): [bigint, boolean] | undefined {
  if (typeof v === 'bigint') return [v, true];
  if (v instanceof GoTyped && typeof v.value === 'bigint') {
    if (isSignedKind(v.kind)) return [v.value, true];
    if (isUnsignedKind(v.kind)) return [v.value, false];
  }
  return undefined;
}

class Printer {
  buf = '';
  wid = 0;
  prec = 0;
  widPresent = false;
  precPresent = false;
  minus = false;
  plus = false;
  sharp = false;
  space = false;
  zero = false;
  plusV = false;
  sharpV = false;
  erroring = false;
  reordered = false;
  goodArgNum = true;

  clearflags(): void {
    this.wid = 0;
    this.prec = 0;
    this.widPresent = false;
    this.precPresent = false;
    this.minus = false;
    this.plus = false;
    this.sharp = false;
    this.space = false;
    this.zero = false;
    this.plusV = false;
    this.sharpV = false;
  }

  writePadding(n: number): void {
    if (n <= 0) return;
    this.buf += (this.zero && !this.minus ? '0' : ' ').repeat(n);
  }

  padString(s: string): void {
    if (!this.widPresent || this.wid === 0) {
      this.buf += s;
      return;
    }
    const width = this.wid - runeCount(s);
    if (!this.minus) {
      this.writePadding(width);
      this.buf += s;
    } else {
      this.buf += s;
      this.writePadding(width);
    }
  }

  truncateString(s: string): string {
    if (!this.precPresent) return s;
    let n = this.prec;
    let i = 0;
    for (const ch of s) {
      n--;
      if (n < 0) return s.slice(0, i);
      i += ch.length;
    }
    return s;
  }

  fmtS(s: string): void {
    this.padString(this.truncateString(s));
  }

  fmtBoolean(v: boolean): void {
    this.padString(v ? 'true' : 'false');
  }

  fmtInteger(u: bigint, base: number, isSigned: boolean, verb: string, digits: string): void {
    const negative = isSigned && u < 0n;
    if (negative) u = -u;
    let prec = 0;
    if (this.precPresent) {
      prec = this.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = this.zero;
        this.zero = false;
        this.writePadding(this.wid);
        this.zero = oldZero;
        return;
      }
    } else if (this.zero && !this.minus && this.widPresent) {
      prec = this.wid;
      if (negative || this.plus || this.space) prec--;
    }
    let s = u.toString(base);
    if (digits === UDIGITS) s = s.toUpperCase();
    if (prec > s.length) s = '0'.repeat(prec - s.length) + s;
    if (this.sharp) {
      if (base === 2) s = '0b' + s;
      else if (base === 8) {
        if (s[0] !== '0') s = '0' + s;
      } else if (base === 16) s = '0' + digits[16] + s;
    }
    if (verb === 'O') s = '0o' + s;
    if (negative) s = '-' + s;
    else if (this.plus) s = '+' + s;
    else if (this.space) s = ' ' + s;
    const oldZero = this.zero;
    this.zero = false;
    this.padString(s);
    this.zero = oldZero;
  }

  fmtUnicode(u: bigint): void {
    let prec = 4;
    if (this.precPresent && this.prec > 4) prec = this.prec;
    let s = u.toString(16).toUpperCase();
    if (s.length < prec) s = '0'.repeat(prec - s.length) + s;
    s = 'U+' + s;
    if (this.sharp && u <= 0x10ffffn && isPrint(Number(u))) s += ` '${String.fromCodePoint(Number(u))}'`;
    const oldZero = this.zero;
    this.zero = false;
    this.padString(s);
    this.zero = oldZero;
  }

  runeOf(c: bigint): number {
    if (c > 0x10ffffn || c < 0n) return 0xfffd;
    const r = Number(c);
    return r >= 0xd800 && r <= 0xdfff ? 0xfffd : r;
  }

  fmtC(c: bigint): void {
    this.padString(String.fromCodePoint(this.runeOf(c)));
  }

  fmtQc(c: bigint): void {
    const r = this.runeOf(c);
    this.padString(this.plus ? quoteRuneToASCII(r) : quoteRune(r));
  }

  fmtQ(s: string): void {
    s = this.truncateString(s);
    if (this.sharp && canBackquote(s)) {
      this.padString('`' + s + '`');
      return;
    }
    this.padString(this.plus ? quoteToASCII(s) : quote(s));
  }

  fmtSbx(b: Uint8Array, digits: string): void {
    let length = b.length;
    if (this.precPresent && this.prec < length) length = this.prec;
    let width = 2 * length;
    if (width > 0) {
      if (this.space) {
        if (this.sharp) width *= 2;
        width += length - 1;
      } else if (this.sharp) width += 2;
    } else {
      if (this.widPresent) this.writePadding(this.wid);
      return;
    }
    if (this.widPresent && this.wid > width && !this.minus) this.writePadding(this.wid - width);
    let out = '';
    if (this.sharp) out += '0' + digits[16];
    for (let i = 0; i < length; i++) {
      if (this.space && i > 0) {
        out += ' ';
        if (this.sharp) out += '0' + digits[16];
      }
      const c = b[i] as number;
      out += (digits[c >> 4] as string) + (digits[c & 15] as string);
    }
    this.buf += out;
    if (this.widPresent && this.wid > width && this.minus) this.writePadding(this.wid - width);
  }

  /** fmt's fmtFloat: sign handling, `#` trailing zeros, zero padding. */
  fmtFloatRaw(v: number, size: number, verb: string, prec: number): void {
    if (this.precPresent) prec = this.prec;
    let num = formatFloat(v, verb, prec, size);
    if (num[0] === '-' || num[0] === '+') {
      /* keep */
    } else num = '+' + num;
    if (this.space && num[0] === '+' && !this.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = this.zero;
      this.zero = false;
      if (num[1] === 'N' && !this.space && !this.plus) num = num.slice(1);
      this.padString(num);
      this.zero = oldZero;
      return;
    }
    if (this.sharp && verb !== 'b') {
      let digits = 0;
      if (verb === 'v' || verb === 'g' || verb === 'G' || verb === 'x') {
        digits = prec;
        if (digits === -1) digits = 6;
      }
      let tail = '';
      let hasDecimalPoint = false;
      let sawNonzeroDigit = false;
      for (let i = 1; i < num.length; i++) {
        const ch = num[i] as string;
        if (ch === '.') hasDecimalPoint = true;
        else if (ch === 'p' || ch === 'P') {
          tail = num.slice(i);
          num = num.slice(0, i);
          break;
        } else if ((ch === 'e' || ch === 'E') && verb !== 'x' && verb !== 'X') {
          tail = num.slice(i);
          num = num.slice(0, i);
          break;
        } else {
          if (ch !== '0') sawNonzeroDigit = true;
          if (sawNonzeroDigit) digits--;
        }
      }
      if (!hasDecimalPoint) {
        if (num.length === 2 && num[1] === '0') digits--;
        num += '.';
      }
      if (digits > 0) num += '0'.repeat(digits);
      num += tail;
    }
    if (this.plus || num[0] !== '+') {
      if (this.zero && !this.minus && this.widPresent && this.wid > num.length) {
        this.buf += num[0];
        this.writePadding(this.wid - num.length);
        this.buf += num.slice(1);
        return;
      }
      this.padString(num);
      return;
    }
    this.padString(num.slice(1));
  }

  // ---- pp-level ------------------------------------------------------------------------------

  badVerb(verb: string, v: GoValue | undefined): void {
    this.erroring = true;
    this.buf += '%!' + verb + '(';
    if (v === undefined || v === null) this.buf += NIL_ANGLE;
    else {
      this.buf += typeOf(v) + '=';
      this.printArg(v, 'v');
    }
    this.buf += ')';
    this.erroring = false;
  }

  fmtBool(v: boolean, verb: string, arg: GoValue): void {
    if (verb === 't' || verb === 'v') this.fmtBoolean(v);
    else this.badVerb(verb, arg);
  }

  fmt0x64(v: bigint, leading0x: boolean): void {
    const sharp = this.sharp;
    this.sharp = leading0x;
    this.fmtInteger(v, 16, false, 'v', LDIGITS);
    this.sharp = sharp;
  }

  fmtIntegerVerb(v: bigint, isSigned: boolean, verb: string, arg: GoValue): void {
    switch (verb) {
      case 'v':
        if (this.sharpV && !isSigned) this.fmt0x64(v, true);
        else if (!this.widPresent && !this.precPresent && !this.plus && !this.space) this.buf += v.toString();
        else this.fmtInteger(v, 10, isSigned, verb, LDIGITS);
        return;
      case 'd':
        this.fmtInteger(v, 10, isSigned, verb, LDIGITS);
        return;
      case 'b':
        this.fmtInteger(v, 2, isSigned, verb, LDIGITS);
        return;
      case 'o':
      case 'O':
        this.fmtInteger(v, 8, isSigned, verb, LDIGITS);
        return;
      case 'x':
        this.fmtInteger(v, 16, isSigned, verb, LDIGITS);
        return;
      case 'X':
        this.fmtInteger(v, 16, isSigned, verb, UDIGITS);
        return;
      case 'c':
        this.fmtC(isSigned ? v : v);
        return;
      case 'q':
        this.fmtQc(v);
        return;
      case 'U':
        this.fmtUnicode(isSigned && v < 0n ? v & MASK64 : v);
        return;
    }
    this.badVerb(verb, arg);
  }

  fmtFloatVerb(v: number, size: number, verb: string, arg: GoValue): void {
    switch (verb) {
      case 'v':
        this.fmtFloatRaw(v, size, 'g', -1);
        return;
      case 'b':
      case 'g':
      case 'G':
      case 'x':
      case 'X':
        this.fmtFloatRaw(v, size, verb, -1);
        return;
      case 'f':
      case 'e':
      case 'E':
        this.fmtFloatRaw(v, size, verb, 6);
        return;
      case 'F':
        this.fmtFloatRaw(v, size, 'f', 6);
        return;
    }
    this.badVerb(verb, arg);
  }

  fmtComplexVerb(c: GoComplex, size: number, verb: string, arg: GoValue): void {
    if ('vbgGxXfFeE'.includes(verb)) {
      const oldPlus = this.plus;
      this.buf += '(';
      this.fmtFloatVerb(c.re, size / 2, verb, arg);
      this.plus = true;
      this.fmtFloatVerb(c.im, size / 2, verb, arg);
      this.buf += 'i)';
      this.plus = oldPlus;
      return;
    }
    this.badVerb(verb, arg);
  }

  fmtString(s: string, verb: string, arg: GoValue): void {
    switch (verb) {
      case 'v':
        if (this.sharpV) this.fmtQ(s);
        else if (!this.widPresent && !this.precPresent) this.buf += s;
        else this.fmtS(s);
        return;
      case 's':
        this.fmtS(s);
        return;
      case 'x':
        this.fmtSbx(goBytes(s), LDIGITS);
        return;
      case 'X':
        this.fmtSbx(goBytes(s), UDIGITS);
        return;
      case 'q':
        this.fmtQ(s);
        return;
    }
    this.badVerb(verb, arg);
  }

  fmtBytes(b: Uint8Array, verb: string, typeString: string, arg: GoValue): void {
    switch (verb) {
      case 'v':
      case 'd':
        if (this.sharpV) {
          this.buf += typeString + '{';
          b.forEach((c, i) => {
            if (i > 0) this.buf += ', ';
            this.fmt0x64(BigInt(c), true);
          });
          this.buf += '}';
        } else {
          this.buf += '[';
          b.forEach((c, i) => {
            if (i > 0) this.buf += ' ';
            this.fmtInteger(BigInt(c), 10, false, verb, LDIGITS);
          });
          this.buf += ']';
        }
        return;
      case 's': {
        let s = goString(b);
        s = this.truncateString(s);
        this.padString(s);
        return;
      }
      case 'x':
        this.fmtSbx(b, LDIGITS);
        return;
      case 'X':
        this.fmtSbx(b, UDIGITS);
        return;
      case 'q':
        this.fmtQ(goString(b));
        return;
    }
    this.printList(Array.from(b, (c) => new GoTyped('uint8', 'uint8', BigInt(c))), verb, typeString, 1, arg);
  }

  fmtPointer(verb: string, isNil: boolean, typeString: string, arg: GoValue): void {
    const u = isNil ? 0n : FAKE_ADDR;
    switch (verb) {
      case 'v':
        if (this.sharpV) {
          this.buf += '(' + typeString + ')(';
          if (u === 0n) this.buf += 'nil';
          else this.fmt0x64(u, true);
          this.buf += ')';
        } else if (u === 0n) this.padString(NIL_ANGLE);
        else this.fmt0x64(u, !this.sharp);
        return;
      case 'p':
        this.fmt0x64(u, !this.sharp);
        return;
      case 'b':
      case 'o':
      case 'd':
      case 'x':
      case 'X':
        this.fmtIntegerVerb(u, false, verb, arg);
        return;
    }
    this.badVerb(verb, arg);
  }

  /** Stringer / error handling: returns true when the value printed itself. */
  handleMethods(v: GoValue, verb: string): boolean {
    if (this.erroring) return false;
    if (!(v instanceof GoStruct || v instanceof GoTyped)) return false;
    const m = v.methods;
    if (this.sharpV) {
      const gs = m['GoString'];
      if (gs !== undefined) {
        this.fmtS(String(gs.fn()));
        return true;
      }
      return false;
    }
    if (!'vsxXq'.includes(verb)) return false;
    const f = m['Error'] ?? m['String'];
    if (f === undefined) return false;
    const r = f.fn();
    this.fmtString(typeof r === 'string' ? r : String(r), verb, v);
    return true;
  }

  printArg(arg: GoValue, verb: string): void {
    if (arg === null) {
      if (verb === 'T' || verb === 'v') this.padString(NIL_ANGLE);
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T') {
      this.fmtS(typeOf(arg));
      return;
    }
    if (verb === 'p') {
      this.printPointerVerb(arg);
      return;
    }
    switch (typeof arg) {
      case 'boolean':
        this.fmtBool(arg, verb, arg);
        return;
      case 'string':
        this.fmtString(arg, verb, arg);
        return;
      case 'bigint':
        this.fmtIntegerVerb(arg, true, verb, arg);
        return;
      case 'number':
        this.fmtFloatVerb(arg, 64, verb, arg);
        return;
    }
    if (this.handleMethods(arg, verb)) return;
    this.printValue(arg, verb, 0);
  }

  printPointerVerb(arg: GoValue): void {
    if (arg instanceof GoStruct && arg.pointer) this.fmtPointer('p', false, typeOf(arg), arg);
    else if (arg instanceof GoFuncValue || Array.isArray(arg) || arg instanceof Map) this.fmtPointer('p', false, typeOf(arg), arg);
    else if (arg instanceof GoTyped && ['ptr', 'map', 'slice', 'func', 'chan'].includes(arg.kind))
      this.fmtPointer('p', arg.value === null, arg.type, arg);
    else this.badVerb('p', arg);
  }

  printList(elems: readonly GoValue[], verb: string, typeString: string, depth: number, _arg: GoValue): void {
    if (this.sharpV) {
      this.buf += typeString + '{';
      elems.forEach((e, i) => {
        if (i > 0) this.buf += ', ';
        this.printValue(e, verb, depth + 1);
      });
      this.buf += '}';
    } else {
      this.buf += '[';
      elems.forEach((e, i) => {
        if (i > 0) this.buf += ' ';
        this.printValue(e, verb, depth + 1);
      });
      this.buf += ']';
    }
  }

  printMap(m: ReadonlyMap<string, GoValue>, verb: string, typeString: string, depth: number): void {
    this.buf += this.sharpV ? typeString + '{' : 'map[';
    const keys = [...m.keys()].sort(compareGoStrings);
    keys.forEach((k, i) => {
      if (i > 0) this.buf += this.sharpV ? ', ' : ' ';
      this.printValue(k, verb, depth + 1);
      this.buf += ':';
      this.printValue(m.get(k) ?? null, verb, depth + 1);
    });
    this.buf += this.sharpV ? '}' : ']';
  }

  printStruct(s: GoStruct, verb: string, depth: number): void {
    if (this.sharpV) this.buf += s.typeName;
    this.buf += '{';
    let i = 0;
    for (const [name, f] of s.fields) {
      if (i++ > 0) this.buf += this.sharpV ? ', ' : ' ';
      if (this.plusV || this.sharpV) this.buf += name + ':';
      this.printValue(f, verb, depth + 1);
    }
    this.buf += '}';
  }

  /** fmt's printValue: values nested in interfaces, slices, maps and structs. */
  printValue(v: GoValue, verb: string, depth: number): void {
    if (depth > 0 && v !== null && this.handleMethods(v, verb)) return;
    if (v === null) {
      // A nil interface{} element.
      this.buf += this.sharpV ? 'interface {}(nil)' : NIL_ANGLE;
      return;
    }
    switch (typeof v) {
      case 'boolean':
        this.fmtBool(v, verb, v);
        return;
      case 'string':
        this.fmtString(v, verb, v);
        return;
      case 'bigint':
        this.fmtIntegerVerb(v, true, verb, v);
        return;
      case 'number':
        this.fmtFloatVerb(v, 64, verb, v);
        return;
    }
    if (Array.isArray(v)) {
      this.printList(v, verb, '[]interface {}', depth, v);
      return;
    }
    if (v instanceof Map) {
      this.printMap(v, verb, 'map[string]interface {}', depth);
      return;
    }
    if (v instanceof GoStruct) {
      if (v.pointer) {
        if (depth === 0) {
          this.buf += '&';
          this.printStruct(v, verb, depth + 1);
        } else this.fmtPointer(verb, false, typeOf(v), v);
        return;
      }
      this.printStruct(v, verb, depth);
      return;
    }
    if (v instanceof GoFuncValue) {
      this.fmtPointer(verb, false, v.type, v);
      return;
    }
    this.printTyped(v, verb, depth);
  }

  printTyped(v: GoTyped, verb: string, depth: number): void {
    const p = v.value;
    const int = intOf(v);
    if (int !== undefined) {
      this.fmtIntegerVerb(int[0], int[1], verb, v);
      return;
    }
    switch (v.kind) {
      case 'bool':
        this.fmtBool(p === true, verb, v);
        return;
      case 'float32':
      case 'float64':
        this.fmtFloatVerb(typeof p === 'number' ? p : 0, v.kind === 'float32' ? 32 : 64, verb, v);
        return;
      case 'complex64':
      case 'complex128':
        if (p !== null && isComplexPayload(p)) this.fmtComplexVerb(p, v.kind === 'complex64' ? 64 : 128, verb, v);
        return;
      case 'string':
        this.fmtString(typeof p === 'string' ? p : '', verb, v);
        return;
      case 'slice':
      case 'array':
        if (p instanceof Uint8Array) {
          if ('sqxX'.includes(verb) || (depth === 0 && v.type === '[]uint8')) {
            this.fmtBytes(p, verb, v.type === '[]uint8' ? '[]byte' : v.type, v);
            return;
          }
          this.printList(Array.from(p, (c) => new GoTyped('uint8', 'uint8', BigInt(c))), verb, v.type, depth, v);
          return;
        }
        if (p === null && this.sharpV) {
          this.buf += v.type + NIL_PAREN;
          return;
        }
        if (v.elem === 'uint8' && Array.isArray(p) && 'sqxX'.includes(verb)) {
          const bytes = Uint8Array.from(p, (e) => Number(intOf(e)?.[0] ?? 0n));
          this.fmtBytes(bytes, verb, v.type, v);
          return;
        }
        this.printList(Array.isArray(p) ? p : [], verb, v.type, depth, v);
        return;
      case 'map':
        if (p === null && this.sharpV) {
          this.buf += v.type + NIL_PAREN;
          return;
        }
        this.printMap(p instanceof Map ? p : new Map(), verb, v.type, depth);
        return;
      case 'ptr':
      case 'func':
      case 'chan':
        this.fmtPointer(verb, p === null, v.type, v);
        return;
      case 'interface':
        if (this.sharpV) this.buf += v.type + NIL_PAREN;
        else this.buf += NIL_ANGLE;
        return;
    }
    this.buf += `?${v.type}?`;
  }

  // ---- doPrintf --------------------------------------------------------------------------------

  intFromArg(a: readonly GoValue[], argNum: number): [number, boolean, number] {
    let num = 0;
    let isInt = false;
    let newArgNum = argNum;
    if (argNum < a.length) {
      const iv = intOf(a[argNum] as GoValue);
      if (iv !== undefined) {
        const n = iv[0];
        if (n >= -(1n << 63n) && n < 1n << 63n) {
          num = Number(n);
          isInt = true;
        }
      }
      newArgNum = argNum + 1;
      if (tooLarge(num)) {
        num = 0;
        isInt = false;
      }
    }
    return [num, isInt, newArgNum];
  }

  argNumber(argNum: number, format: string, i: number, numArgs: number): [number, number, boolean] {
    if (format.length <= i || format[i] !== '[') return [argNum, i, false];
    this.reordered = true;
    const [index, wid, ok] = parseArgNumber(format.slice(i));
    if (ok && index >= 0 && index < numArgs) return [index, i + wid, true];
    this.goodArgNum = false;
    return [argNum, i + wid, ok];
  }

  doPrintf(format: string, a: readonly GoValue[]): void {
    const end = format.length;
    let argNum = 0;
    let afterIndex = false;
    this.reordered = false;
    let i = 0;
    formatLoop: while (i < end) {
      this.goodArgNum = true;
      const lasti = i;
      const pct = format.indexOf('%', i);
      i = pct < 0 ? end : pct;
      if (i > lasti) this.buf += format.slice(lasti, i);
      if (i >= end) break;
      i++;
      this.clearflags();
      simple: for (; i < end; i++) {
        const c = format[i] as string;
        switch (c) {
          case '#':
            this.sharp = true;
            break;
          case '0':
            this.zero = true;
            break;
          case '+':
            this.plus = true;
            break;
          case '-':
            this.minus = true;
            break;
          case ' ':
            this.space = true;
            break;
          default:
            if (c >= 'a' && c <= 'z' && argNum < a.length) {
              if (c === 'v' || c === 'w') {
                this.sharpV = this.sharp;
                this.sharp = false;
                this.plusV = this.plus;
                this.plus = false;
              }
              this.printArg(a[argNum] as GoValue, c);
              argNum++;
              i++;
              continue formatLoop;
            }
            break simple;
        }
      }
      [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i < end && format[i] === '*') {
        i++;
        [this.wid, this.widPresent, argNum] = this.intFromArg(a, argNum);
        if (!this.widPresent) this.buf += '%!(BADWIDTH)';
        if (this.wid < 0) {
          this.wid = -this.wid;
          this.minus = true;
          this.zero = false;
        }
        afterIndex = false;
      } else {
        [this.wid, this.widPresent, i] = parsenum(format, i, end);
        if (afterIndex && this.widPresent) this.goodArgNum = false;
      }
      if (i + 1 < end && format[i] === '.') {
        i++;
        if (afterIndex) this.goodArgNum = false;
        [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
        if (i < end && format[i] === '*') {
          i++;
          [this.prec, this.precPresent, argNum] = this.intFromArg(a, argNum);
          if (this.prec < 0) {
            this.prec = 0;
            this.precPresent = false;
          }
          if (!this.precPresent) this.buf += '%!(BADPREC)';
          afterIndex = false;
        } else {
          [this.prec, this.precPresent, i] = parsenum(format, i, end);
          if (!this.precPresent) {
            this.prec = 0;
            this.precPresent = true;
          }
        }
      }
      if (!afterIndex) [argNum, i, afterIndex] = this.argNumber(argNum, format, i, a.length);
      if (i >= end) {
        this.buf += '%!(NOVERB)';
        break;
      }
      const cp = format.codePointAt(i) as number;
      const verb = String.fromCodePoint(cp);
      i += verb.length;
      if (verb === '%') this.buf += '%';
      else if (!this.goodArgNum) this.buf += '%!' + verb + '(BADINDEX)';
      else if (argNum >= a.length) this.buf += '%!' + verb + '(MISSING)';
      else {
        if (verb === 'v' || verb === 'w') {
          this.sharpV = this.sharp;
          this.sharp = false;
          this.plusV = this.plus;
          this.plus = false;
        }
        this.printArg(a[argNum] as GoValue, verb);
        argNum++;
      }
    }
    if (!this.reordered && argNum < a.length) {
      this.clearflags();
      this.buf += '%!(EXTRA ';
      for (let k = argNum; k < a.length; k++) {
        if (k > argNum) this.buf += ', ';
        const arg = a[k] as GoValue;
        if (arg === null) this.buf += NIL_ANGLE;
        else {
          this.buf += typeOf(arg) + '=';
          this.printArg(arg, 'v');
        }
      }
      this.buf += ')';
    }
  }
}

function parsenum(s: string, start: number, end: number): [number, boolean, number] {
  if (start >= end) return [0, false, end];
  let num = 0;
  let isnum = false;
  let i = start;
  for (; i < end && (s[i] as string) >= '0' && (s[i] as string) <= '9'; i++) {
    if (tooLarge(num)) return [0, false, end];
    num = num * 10 + (s.charCodeAt(i) - 48);
    isnum = true;
  }
  return [num, isnum, i];
}

function parseArgNumber(format: string): [number, number, boolean] {
  if (format.length < 3) return [0, 1, false];
  for (let i = 1; i < format.length; i++) {
    if (format[i] === ']') {
      const [width, ok, newi] = parsenum(format, 1, i);
      if (!ok || newi !== i) return [0, i + 1, false];
      return [width - 1, i + 1, true];
    }
  }
  return [0, 1, false];
}

function isStringKind(v: GoValue): boolean {
  return typeof v === 'string' || (v instanceof GoTyped && v.kind === 'string');
}

/** `fmt.Sprintf`. */
export function sprintf(format: string, ...args: GoValue[]): string {
  const p = new Printer();
  p.doPrintf(format, args);
  return p.buf;
}

/** `fmt.Sprint`: operands separated by a space when neither side is a string. */
export function sprint(...args: GoValue[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = isStringKind(arg);
    if (i > 0 && !isString && !prevString) p.buf += ' ';
    p.printArg(arg, 'v');
    prevString = isString;
  });
  return p.buf;
}

/** `fmt.Sprintln`: operands separated by spaces, then a newline. */
export function sprintln(...args: GoValue[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.buf += ' ';
    p.printArg(arg, 'v');
  });
  return p.buf + '\n';
}

/** `fmt.Sprint(v)` of one value: the fast path used when a template prints a pipeline. */
export function formatValue(v: GoValue): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'bigint':
      return v.toString();
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return formatFloat(v, 'g', -1, 64);
  }
  const p = new Printer();
  p.printArg(v, 'v');
  return p.buf;
}

/** UTF-8 byte length helper re-exported for callers that format lengths as Go does. */
export { utf8Length };
