/**
 * Generative differential test of Sprig functions: random calls of deterministic functions with
 * random arguments (strings, numbers, lists, dicts, nil) rendered by us and by Go Sprig. Errors must
 * match exactly. SPRIG_FUZZ_N sets the number of calls (default 300), SPRIG_FUZZ_SEED the seed.
 * Left out: functions whose Go result is random, time-based or in map order (date of a non-time
 * falls back to now; keys and values follow Go's random map iteration).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sprigFuncMap } from '../../engines/sprig/index.js';
import { Oracle, diff, oracleAvailable, renderOurs, setModeFuncs, toRequest } from '../gotemplate/oracle.js';
import type { OracleCase } from '../gotemplate/oracle.js';
import { seededRandom } from './cases/helpers.js';

setModeFuncs('sprig', () => sprigFuncMap());

const N = Number(process.env.SPRIG_FUZZ_N ?? 300);
const { int: rnd, pick } = seededRandom(Number(process.env.SPRIG_FUZZ_SEED ?? 11));

const FUNCS = [
  'abbrev',
  'abbrevboth',
  'trunc',
  'trim',
  'upper',
  'lower',
  'title',
  'untitle',
  'substr',
  'repeat',
  'trimAll',
  'trimSuffix',
  'trimPrefix',
  'nospace',
  'initials',
  'swapcase',
  'snakecase',
  'camelcase',
  'kebabcase',
  'wrap',
  'wrapWith',
  'contains',
  'hasPrefix',
  'hasSuffix',
  'quote',
  'squote',
  'cat',
  'indent',
  'nindent',
  'replace',
  'plural',
  'sha1sum',
  'sha256sum',
  'adler32sum',
  'toString',
  'atoi',
  'int64',
  'int',
  'float64',
  'seq',
  'toDecimal',
  'split',
  'splitList',
  'splitn',
  'toStrings',
  'until',
  'untilStep',
  'add1',
  'add',
  'sub',
  'div',
  'mod',
  'mul',
  'add1f',
  'addf',
  'subf',
  'divf',
  'mulf',
  'max',
  'min',
  'maxf',
  'minf',
  'ceil',
  'floor',
  'round',
  'join',
  'sortAlpha',
  'default',
  'empty',
  'coalesce',
  'all',
  'any',
  'compact',
  'toJson',
  'toPrettyJson',
  'toRawJson',
  'fromJson',
  'ternary',
  'deepCopy',
  'typeOf',
  'kindOf',
  'kindIs',
  'typeIs',
  'deepEqual',
  'base',
  'dir',
  'clean',
  'ext',
  'isAbs',
  'b64enc',
  'b64dec',
  'b32enc',
  'b32dec',
  'list',
  'dict',
  'get',
  'hasKey',
  'pluck',
  'pick',
  'omit',
  'merge',
  'mergeOverwrite',
  'append',
  'prepend',
  'first',
  'rest',
  'last',
  'initial',
  'reverse',
  'uniq',
  'without',
  'has',
  'slice',
  'concat',
  'dig',
  'chunk',
  'semverCompare',
  'regexMatch',
  'regexFindAll',
  'regexFind',
  'regexReplaceAll',
  'regexReplaceAllLiteral',
  'regexSplit',
  'regexQuoteMeta',
  'urlParse',
  'urlJoin',
  'derivePassword',
  'duration',
  'durationRound',
  'toDate',
];

const STR = [
  '""',
  '"a"',
  '"hello world"',
  '"Hello_World-x"',
  '"  pad  "',
  '"a,b,,c"',
  '"1.2.3"',
  '"v1.2"',
  '">=1.0"',
  '"42"',
  '"-7"',
  '"3.5"',
  '"0x1F"',
  '"yes"',
  '"/a/b/c.txt"',
  '"a/../b"',
  '"aGVsbG8="',
  '"NBSWY3DP"',
  '"é😀"',
  '"x*"',
  '"[a-z]+"',
  '"(b)"',
  '"$1"',
  '"2006-01-02"',
  '"2024-02-29"',
  '"1h30m"',
  '"https://u@h:1/p?q#f"',
  '"{\\"a\\":1}"',
  '"A1b2C3"',
  '"HTTPServer"',
  '"\\t\\n"',
];
const NUM = ['0', '1', '-1', '2', '3', '5', '10', '-3', '1.5', '-2.5', '0.1', '1e3', '100'];
const OTHER = [
  'nil',
  'true',
  'false',
  '(list 1 "a" nil 2.5)',
  '(list)',
  '(list "b" "a")',
  '(dict "a" 1 "b" (dict "c" 2))',
  '(dict)',
  '.s',
  '.n',
  '.l',
  '.m',
  '.e',
];
const DATA = { s: 'str', n: 3, l: [1, 'x', null], m: { a: 1, b: [2] }, e: [] };

function arg(): string {
  const k = rnd(10);
  if (k < 4) return pick(STR);
  if (k < 7) return pick(NUM);
  return pick(OTHER);
}

test(
  'generative: random Sprig calls agree with Go',
  { skip: !oracleAvailable() && 'oracle not built' },
  async (t) => {
    const cases: OracleCase[] = Array.from({ length: N }, (_, i) => {
      const fn = pick(FUNCS);
      const args = Array.from({ length: rnd(4) }, arg).join(' ');
      return { name: `call ${i}`, template: `{{ ${fn} ${args} }}`, mode: 'sprig', data: DATA };
    });
    const oracle = new Oracle();
    try {
      const go = await oracle.renderAll(cases.map(toRequest));
      const failures: string[] = [];
      for (const [i, c] of cases.entries()) {
        const d = diff(c, renderOurs(c), go[i] as never);
        if (d !== undefined) failures.push(`${c.template}\n${d}`);
      }
      t.diagnostic(`${cases.length} calls, ${failures.length} mismatches`);
      if (process.env.SPRIG_FUZZ_DUMP) for (const f of failures) console.log(f);
      assert.deepEqual(failures.slice(0, 5), []);
    } finally {
      oracle.close();
    }
  },
);
