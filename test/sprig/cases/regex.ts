/** Sprig regex functions against Go (RE2 syntax via re2js). */
import type { OracleCase } from '../../gotemplate/oracle.js';
import { sc } from './helpers.js';

export const cases: OracleCase[] = [
  sc(
    'regexMatch',
    '{{ regexMatch "^[a-z]+@[a-z]+\\\\.com$" "test@acme.com" }} {{ regexMatch "x" "abc" }} {{ regexMatch "(" "abc" }}',
  ),
  sc('mustRegexMatch reports a bad pattern', '{{ mustRegexMatch "(" "abc" }}'),
  sc(
    'regexFindAll with a limit',
    '{{ regexFindAll "[2,4,6,8]" "123456789" -1 }} {{ regexFindAll "[2,4,6,8]" "123456789" 2 }} {{ regexFindAll "x" "abc" -1 }} {{ regexFindAll "a" "aaa" 0 }}',
  ),
  sc(
    'regexFindAll with empty matches',
    '{{ regexFindAll "a*" "baaab" -1 }} {{ regexFindAll "" "abc" -1 }} {{ len (regexFindAll "a*" "baaab" -1) }}',
  ),
  sc('regexFind', '{{ regexFind "[a-zA-Z][1-9]" "abcd1234" }}|{{ regexFind "z" "abc" }}'),
  sc('regexFind with a bad pattern panics', '{{ regexFind "a**" "abc" }}'),
  sc('mustRegexFind reports a bad pattern', '{{ mustRegexFind "[" "abc" }}'),
  sc(
    'regexReplaceAll expands groups',
    '{{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }} {{ regexReplaceAll "a(x*)b" "-ab-axxb-" "$1W" }} {{ regexReplaceAll "(?P<first>\\\\w+) (?P<last>\\\\w+)" "John Smith" "$last, $first" }}',
  ),
  sc(
    'regexReplaceAll with $$ and malformed references',
    '{{ regexReplaceAll "b" "abc" "$$" }} {{ regexReplaceAll "b" "abc" "${" }} {{ regexReplaceAll "b" "abc" "$" }} {{ regexReplaceAll "(b)" "abc" "${9}x" }}',
  ),
  sc(
    'regexReplaceAll with empty matches',
    '{{ regexReplaceAll "x*" "abc" "-" }} {{ regexReplaceAll "a*" "baaac" "-" }}',
  ),
  sc('regexReplaceAllLiteral does not expand', '{{ regexReplaceAllLiteral "a(x*)b" "-ab-axxb-" "${1}" }}'),
  sc(
    'mustRegexReplaceAll variants',
    '{{ mustRegexReplaceAll "a" "banana" "o" }} {{ mustRegexReplaceAllLiteral "a" "banana" "$0" }}',
  ),
  sc(
    'regexSplit',
    '{{ regexSplit "z+" "pizza" -1 }} {{ regexSplit "z+" "pizza" 1 }} {{ regexSplit "" "abc" -1 }} {{ regexSplit "x" "" -1 }} {{ regexSplit "a" "banana" 2 }} {{ regexSplit "a" "abc" 0 }}',
  ),
  sc('regexSplit lengths', '{{ len (regexSplit "," "a,b,,c," -1) }} {{ regexSplit "," "a,b,,c," -1 }}'),
  sc('regexQuoteMeta', '{{ regexQuoteMeta "1.2.3+[x]{y}^$|\\\\?*()" }}'),
  sc(
    'RE2 flags and classes',
    '{{ regexMatch "(?i)HELLO" "hello" }} {{ regexFind "\\\\p{Greek}+" "abc αβγ" }} {{ regexReplaceAll "(?m)^" "a\\nb" "> " }}',
  ),
  sc('non-ASCII text', '{{ regexReplaceAll "é" "café é" "e" }} {{ regexFindAll "." "añ😀" -1 }}'),
  sc(
    'regexFindAll with typed result',
    '{{ regexFindAll "a" "aa" -1 | typeOf }} {{ toJson (regexFindAll "x" "aa" -1) }}',
  ),
];
