/**
 * Parser for Flux's post-build substitution syntax (fluxcd/pkg/envsubst, forked from drone/envsubst).
 * A recursive-descent parser over the mode-switching Scanner; each method names the production it
 * parses. The tree prints itself back (`String(node)`) so tests can compare parses as text.
 */
import { EnvsubstParseError } from './errors.js';
import {
  type Accept,
  EscapeAll,
  EscapeDollar,
  ScanEscape,
  ScanIdent,
  ScanLbrack,
  ScanRbrack,
  Scanner,
  Token,
  acceptCasingFunc,
  acceptColon,
  acceptDefaultFunc,
  acceptHashFunc,
  acceptIdent,
  acceptNotClosing,
  acceptNotSlash,
  acceptOneColon,
  acceptOneEqual,
  acceptOneHash,
  acceptPercentFunc,
  acceptReplaceFunc,
  acceptRune,
  acceptSlash,
  rejectColonClose,
} from './scanner.js';

export type Node = TextNode | FuncNode | ListNode;

export interface TextNode {
  readonly type: 'text';
  readonly value: string;
}

/** `${param}` has name ""; `${param:=x}` has name ":=" and args [x]; `${#param}` has name "#". */
export interface FuncNode {
  readonly type: 'func';
  name: string;
  param: string;
  readonly args: Node[];
}

export interface ListNode {
  readonly type: 'list';
  readonly nodes: Node[];
}

const text = (value: string): TextNode => ({ type: 'text', value });
const func = (param: string): FuncNode => ({ type: 'func', name: '', param, args: [] });
const EMPTY: TextNode = text('');

/** Parses a template into a tree, or throws EnvsubstParseError. */
export function parse(template: string): Node {
  const p = new Parser(template);
  return p.parseAny();
}

class Parser {
  private readonly s = new Scanner();

  constructor(buf: string) {
    this.s.init(buf);
  }

  private fail(code: ConstructorParameters<typeof EnvsubstParseError>[0]): never {
    throw new EnvsubstParseError(code);
  }

  /** any := { text | '${' func } EOF — iterative, so a document with many variables cannot overflow the stack. */
  parseAny(): Node {
    const nodes: Node[] = [];
    for (;;) {
      const s = this.s;
      s.accept = acceptRune;
      s.mode = ScanIdent | ScanLbrack | ScanEscape;
      s.escapeChars = EscapeDollar;
      const tok = s.scan();
      if (tok === Token.EOF) break;
      if (tok === Token.Ident) nodes.push(text(s.text()));
      else if (tok === Token.Lbrack) nodes.push(this.parseFunc());
      else this.fail('BadSubstitution');
    }
    if (nodes.length === 0) return EMPTY;
    if (nodes.length === 1) return nodes[0] as Node;
    return { type: 'list', nodes };
  }

  /** func := '#' len | ident ( ':' defaultOrSubstr | '=' default | casing | '/' replace | '#' remove | '%' remove | '}' ) */
  private parseFunc(): Node {
    const s = this.s;
    s.escapeChars = EscapeAll;
    if (s.peek() === '#') return this.parseLenFunc();
    s.accept = acceptIdent;
    s.mode = ScanIdent;
    if (s.scan() !== Token.Ident) return this.fail('ParseVariableName');
    const name = s.text();
    switch (s.peek()) {
      case ':':
        return this.parseDefaultOrSubstr(name);
      case '=':
        return this.parseDefaultFunc(name);
      case ',':
      case '^':
        return this.parseCasingFunc(name);
      case '/':
        return this.parseReplaceFunc(name);
      case '#':
        return this.parseRemoveFunc(name, acceptHashFunc);
      case '%':
        return this.parseRemoveFunc(name, acceptPercentFunc);
    }
    s.accept = acceptIdent;
    s.mode = ScanRbrack;
    if (s.scan() !== Token.Rbrack) return this.fail('MissingClosingBrace');
    return func(name);
  }

  /** param := '${' func | text | '}' */
  private parseParam(accept: Accept, mode: number): Node {
    const s = this.s;
    s.accept = accept;
    s.mode = mode | ScanLbrack;
    switch (s.scan()) {
      case Token.Lbrack:
        return this.parseFunc();
      case Token.Ident:
      case Token.Rbrack:
        return text(s.text());
      default:
        return this.fail('ParseFuncSubstitution');
    }
  }

  /** `:` followed by one of `=-?+` is a default operator, anything else a substring. */
  private parseDefaultOrSubstr(name: string): Node {
    const s = this.s;
    s.read();
    const r = s.peek();
    s.unread();
    if (r === '=' || r === '-' || r === '?' || r === '+') return this.parseDefaultFunc(name);
    return this.parseSubstrFunc(name);
  }

  /** substr := ':' param ( '}' | ':' param '}' ) */
  private parseSubstrFunc(name: string): Node {
    const s = this.s;
    const node = func(name);
    s.accept = acceptOneColon;
    s.mode = ScanIdent;
    if (s.scan() !== Token.Ident) return this.fail('BadSubstitution');
    node.name = s.text();
    node.args.push(this.parseParam(rejectColonClose, ScanIdent));
    s.accept = acceptColon;
    s.mode = ScanIdent | ScanRbrack;
    switch (s.scan()) {
      case Token.Rbrack:
        return node;
      case Token.Ident:
        break;
      default:
        return this.fail('BadSubstitution');
    }
    node.args.push(this.parseParam(acceptNotClosing, ScanIdent));
    this.consumeRbrack();
    return node;
  }

  /** remove := ( '#' | '##' | '%' | '%%' ) param '}' */
  private parseRemoveFunc(name: string, accept: Accept): Node {
    const s = this.s;
    const node = func(name);
    s.accept = accept;
    s.mode = ScanIdent;
    if (s.scan() !== Token.Ident) return this.fail('BadSubstitution');
    node.name = s.text();
    node.args.push(this.parseParam(acceptNotClosing, ScanIdent));
    this.consumeRbrack();
    return node;
  }

  /** replace := ( '/' | '//' | '/#' | '/%' ) param '/' [ param ] '}' */
  private parseReplaceFunc(name: string): Node {
    const s = this.s;
    const node = func(name);
    s.accept = acceptReplaceFunc;
    s.mode = ScanIdent;
    if (s.scan() !== Token.Ident) return this.fail('BadSubstitution');
    node.name = s.text();
    node.args.push(this.parseParam(acceptNotSlash, ScanIdent | ScanEscape));
    s.accept = acceptSlash;
    s.mode = ScanIdent;
    if (s.scan() !== Token.Ident) return this.fail('BadSubstitution');
    if (s.peek() === '}') {
      this.consumeRbrack();
      return node;
    }
    node.args.push(this.parseParam(acceptNotClosing, ScanIdent | ScanEscape));
    this.consumeRbrack();
    return node;
  }

  /** default := ( '=' | ':=' | ':-' | ':?' | ':+' ) { param } '}' */
  private parseDefaultFunc(name: string): Node {
    const s = this.s;
    const node = func(name);
    s.accept = s.peek() === '=' ? acceptOneEqual : acceptDefaultFunc;
    s.mode = ScanIdent;
    if (s.scan() !== Token.Ident) return this.fail('ParseDefaultFunction');
    node.name = s.text();
    for (;;) {
      if (s.peek() === '}') {
        this.consumeRbrack();
        return node;
      }
      node.args.push(this.parseParam(acceptNotClosing, ScanIdent));
    }
  }

  /** casing := ( ',' | ',,' | '^' | '^^' | any two of `,^` ) '}' */
  private parseCasingFunc(name: string): Node {
    const s = this.s;
    const node = func(name);
    s.accept = acceptCasingFunc;
    s.mode = ScanIdent;
    if (s.scan() !== Token.Ident) return this.fail('BadSubstitution');
    node.name = s.text();
    this.consumeRbrack();
    return node;
  }

  /** len := '#' ident '}' */
  private parseLenFunc(): Node {
    const s = this.s;
    const node = func('');
    s.accept = acceptOneHash;
    s.mode = ScanIdent;
    if (s.scan() !== Token.Ident) return this.fail('BadSubstitution');
    node.name = s.text();
    s.accept = acceptIdent;
    s.mode = ScanIdent;
    if (s.scan() !== Token.Ident) return this.fail('BadSubstitution');
    node.param = s.text();
    this.consumeRbrack();
    return node;
  }

  private consumeRbrack(): void {
    this.s.mode = ScanRbrack;
    if (this.s.scan() !== Token.Rbrack) this.fail('BadSubstitution');
  }
}

/** Canonical text of a parsed tree, for tests and debugging. */
export function printNode(node: Node): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'list':
      return node.nodes.map(printNode).join('');
    case 'func':
      if (node.name === '#' && node.args.length === 0) return `\${#${node.param}}`;
      return `\${${node.param}${node.name}${node.args.map(printNode).join(node.name.startsWith('/') ? '/' : node.name === ':' ? ':' : '')}}`;
  }
}
