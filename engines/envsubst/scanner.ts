/**
 * The lexical scanner behind the envsubst parser. It mirrors the rune-at-a-time scanner of
 * fluxcd/pkg/envsubst (drone/envsubst): the parser switches its mode bits and its accept predicate
 * between tokens, and escapes (`$$`, `\/`, `\\`) are removed from the buffer as they are scanned,
 * which is what makes `$${var}` come out as the literal `${var}`.
 */

export const Token = { Illegal: 0, EOF: 1, Ident: 2, Lbrack: 3, Rbrack: 4 } as const;
export type Token = (typeof Token)[keyof typeof Token];

/** Mode bits: which tokens `scan()` may recognise. */
export const ScanIdent = 1;
export const ScanLbrack = 2;
export const ScanRbrack = 4;
export const ScanEscape = 8;

/** Escape bits: which escape characters `ScanEscape` honours. */
export const EscapeDollar = 1;
export const EscapeBackslash = 2;
export const EscapeAll = EscapeDollar | EscapeBackslash;

/** `i` is the 1-based position of `r` within the token being scanned. */
export type Accept = (r: string, i: number) => boolean;

const EOF = '';

export class Scanner {
  private buf = '';
  private pos = 0;
  private start = 0;
  private width = 0;
  mode = 0;
  escapeChars = 0;
  accept: Accept = () => false;

  init(buf: string): void {
    this.buf = buf;
    this.pos = 0;
    this.start = 0;
    this.width = 0;
  }

  read(): string {
    if (this.pos >= this.buf.length) {
      this.width = 0;
      return EOF;
    }
    const cp = this.buf.codePointAt(this.pos) as number;
    const r = String.fromCodePoint(cp);
    this.width = r.length;
    this.pos += this.width;
    return r;
  }

  unread(): void {
    this.pos -= this.width;
  }

  /** Removes the character just read from the buffer (it was an escape prefix). */
  private skip(): void {
    this.buf = this.buf.slice(0, this.pos - 1) + this.buf.slice(this.pos);
  }

  peek(): string {
    const r = this.read();
    this.unread();
    return r;
  }

  /** The text of the most recently scanned token. */
  text(): string {
    return this.buf.slice(this.start, this.pos);
  }

  scan(): Token {
    this.start = this.pos;
    const r = this.read();
    if (r === EOF) return Token.EOF;
    if (this.scanLbrack(r)) return Token.Lbrack;
    if (this.scanRbrack(r)) return Token.Rbrack;
    if (this.scanIdent(r)) return Token.Ident;
    return Token.Illegal;
  }

  private scanIdent(first: string): boolean {
    if ((this.mode & ScanIdent) === 0) return false;
    if (this.scanEscaped(first)) this.skip();
    else if (!this.accept(first, this.pos - this.start)) return false;
    for (;;) {
      const r = this.read();
      if (r === EOF) {
        this.unread();
        break;
      }
      if (this.scanLbrack(r)) {
        // scanLbrack consumed `${`: step back over both characters.
        this.unread();
        this.unread();
        break;
      }
      if (this.scanEscaped(r)) {
        this.skip();
        continue;
      }
      if (!this.accept(r, this.pos - this.start)) {
        this.unread();
        break;
      }
    }
    return true;
  }

  private scanLbrack(r: string): boolean {
    if ((this.mode & ScanLbrack) === 0) return false;
    if (r === '$') {
      if (this.read() === '{') return true;
      this.unread();
    }
    return false;
  }

  private scanRbrack(r: string): boolean {
    if ((this.mode & ScanRbrack) === 0) return false;
    return r === '}';
  }

  private scanEscaped(r: string): boolean {
    if ((this.mode & ScanEscape) === 0) return false;
    if (r === '$' && (this.escapeChars & EscapeDollar) !== 0 && this.peek() === '$') return true;
    if (r === '\\' && (this.escapeChars & EscapeBackslash) !== 0) {
      const next = this.peek();
      return next === '/' || next === '\\';
    }
    return false;
  }
}

// Accept predicates, one per token shape the parser asks for.
const letterOrDigit = /^[\p{L}\p{Nd}_]$/u;
export const acceptRune: Accept = () => true;
export const acceptIdent: Accept = (r) => letterOrDigit.test(r);
export const acceptColon: Accept = (r) => r === ':';
export const acceptOneHash: Accept = (r, i) => r === '#' && i === 1;
export const acceptNotClosing: Accept = (r) => r !== '}';
export const acceptHashFunc: Accept = (r, i) => r === '#' && i < 3;
export const acceptPercentFunc: Accept = (r, i) => r === '%' && i < 3;
export const acceptDefaultFunc: Accept = (r, i) =>
  (i === 1 && r === ':') || (i === 2 && (r === '=' || r === '-' || r === '?' || r === '+'));
export const acceptReplaceFunc: Accept = (r, i) =>
  (i === 1 && r === '/') || (i === 2 && (r === '/' || r === '#' || r === '%'));
export const acceptOneEqual: Accept = (r, i) => i === 1 && r === '=';
export const acceptOneColon: Accept = (r, i) => i === 1 && r === ':';
export const rejectColonClose: Accept = (r) => r !== ':' && r !== '}';
export const acceptSlash: Accept = (r) => r === '/';
export const acceptNotSlash: Accept = (r) => r !== '/';
export const acceptCasingFunc: Accept = (r, i) => (r === ',' || r === '^') && i < 3;
