/** Sprig semver, path, URL, date and crypto functions against Go. */
import type { OracleCase } from '../../gotemplate/oracle.js';
import { bothMatch, sameShape, sc } from './helpers.js';

export const cases: OracleCase[] = [
  sc(
    'semverCompare',
    '{{ semverCompare ">=1.2.3" "1.3.0" }} {{ semverCompare "^1.2" "2.0.0" }} {{ semverCompare "~1.2.3" "v1.2.9" }} {{ semverCompare ">=1.0.0-0" "1.0.0-rc.1" }} {{ semverCompare "1.x || >=3" "2.0.0" }}',
  ),
  sc('semverCompare with a bad constraint', '{{ semverCompare "foo" "1.0.0" }}'),
  sc('semverCompare with a bad version', '{{ semverCompare ">1" "latest" }}'),
  sc(
    'semver exposes its parts',
    '{{ $v := semver "v1.2.3-rc.1+build" }}{{ $v.Major }}.{{ $v.Minor }}.{{ $v.Patch }} {{ $v.Prerelease }} {{ $v.Metadata }} {{ $v.Original }} {{ $v }}',
  ),
  sc(
    'semver methods compare',
    '{{ $a := semver "1.2.3" }}{{ $b := semver "1.10.0" }}{{ $a.LessThan $b }} {{ $a.GreaterThan $b }} {{ $a.Compare $b }} {{ $a.Equal (semver "1.2.3+x") }}',
  ),
  sc('semver of a bad version fails', '{{ semver "1.2.3.4" }}'),
  sc(
    'semver types and json',
    '{{ typeOf (semver "1.0") }} {{ toJson (semver "1.0") }} {{ (semver "2").IncMinor }}',
  ),
  sc(
    'path functions',
    '{{ base "/a/b/c.txt" }} {{ base "" }} {{ base "/" }} {{ base "a/b/" }} {{ dir "/a/b/c" }} {{ dir "c" }} {{ dir "/a/" }} {{ clean "/a/../b/./c//" }} {{ clean "" }} {{ clean "../../x" }} {{ ext "a/b.tar.gz" }} {{ ext "a.b/c" }} {{ isAbs "/x" }} {{ isAbs "x" }}',
  ),
  sc(
    'os path functions are path functions on Linux',
    '{{ osBase "/a/b" }} {{ osDir "/a/b" }} {{ osClean "a//b/.." }} {{ osExt "x.y" }} {{ osIsAbs "/a" }}',
  ),
  sc(
    'urlParse splits a URL',
    '{{ $u := urlParse "https://user:p%40ss@example.com:8443/a%20b/c?x=1&y=2#frag%20x" }}{{ $u.scheme }}|{{ $u.host }}|{{ $u.hostname }}|{{ $u.path }}|{{ $u.query }}|{{ $u.fragment }}|{{ $u.userinfo }}|{{ $u.opaque }}',
  ),
  sc('urlParse of an opaque URL', '{{ urlParse "mailto:joe@example.com" }}'),
  sc('urlParse of a relative URL', '{{ urlParse "/path/only?q" }} {{ urlParse "rel/path" }}'),
  sc('urlParse of a bad URL panics', '{{ urlParse "http://[::1" }}'),
  sc('urlParse of a bad port panics', '{{ urlParse "http://host:port/" }}'),
  sc(
    'urlJoin builds a URL',
    '{{ urlJoin (dict "scheme" "https" "host" "example.com:8080" "path" "/a b" "query" "x=1" "fragment" "f g" "userinfo" "u:p") }}',
  ),
  sc(
    'urlJoin round trips urlParse',
    '{{ urlJoin (urlParse "http://h/p?q=1#f") }} {{ urlJoin (dict "path" "a:b") }} {{ urlJoin (dict "opaque" "o" "scheme" "s") }}',
  ),
  sc('urlJoin with a non-string value panics', '{{ urlJoin (dict "host" 1) }}'),
  sc(
    'date formats a unix time in UTC',
    '{{ date "2006-01-02 15:04:05 MST Mon Jan _2 3PM .000 Z07:00" 1700000000 }}',
  ),
  sc(
    'date with many layout elements',
    '{{ date "Monday January 2 06 03:04:05.999999 pm -0700 -07 002" (int64 1234567890) }}',
  ),
  sc(
    'dateInZone',
    '{{ dateInZone "2006-01-02 15:04 MST -07:00" 1700000000 "America/New_York" }} {{ dateInZone "15:04 MST" 1700000000 "Asia/Kolkata" }} {{ dateInZone "15:04 MST" 1700000000 "Nowhere/Zone" }}',
  ),
  sc('htmlDate and htmlDateInZone', '{{ htmlDate 0 }} {{ htmlDateInZone 1700000000 "Pacific/Auckland" }}'),
  sc(
    'toDate parses a layout',
    '{{ toDate "2006-01-02" "2017-12-31" }} {{ (toDate "2006-01-02T15:04:05Z07:00" "2020-02-29T10:20:30+02:00").Unix }}',
  ),
  sc('toDate with a bad value gives the zero time', '{{ toDate "2006-01-02" "not a date" }}'),
  sc('mustToDate reports Go parse errors', '{{ mustToDate "2006-01-02" "2017-13-01" }}'),
  sc('mustToDate with a mismatch', '{{ mustToDate "2006-01-02" "17-12-01" }}'),
  sc('mustToDate with extra text', '{{ mustToDate "2006-01-02" "2017-12-01x" }}'),
  sc(
    'unixEpoch and date round trip',
    '{{ unixEpoch (toDate "2006-01-02 15:04" "2024-02-29 12:30") }} {{ toDate "2006-01-02" "2024-02-29" | date "Jan 2, 2006" }}',
  ),
  sc(
    'dateModify adds a duration',
    '{{ (toDate "2006-01-02" "2024-01-01" | dateModify "-1.5h").Format "2006-01-02 15:04" }} {{ toDate "2006-01-02" "2024-01-01" | dateModify "bad" | date "2006" }}',
  ),
  sc(
    'mustDateModify reports a bad duration',
    '{{ toDate "2006-01-02" "2024-01-01" | mustDateModify "5 days" }}',
  ),
  sc(
    'duration formats seconds',
    '{{ duration 95 }} {{ duration "3600" }} {{ duration "x" }} {{ duration 0 }} {{ duration (int64 90061) }} {{ duration 1.5 }}',
  ),
  sc(
    'durationRound',
    '{{ durationRound "2h10m5s" }} {{ durationRound "1h" }} {{ durationRound "400h" }} {{ durationRound "9000h" }} {{ durationRound "-35s" }} {{ durationRound (int64 90000000000) }} {{ durationRound "x" }}',
  ),
  sc('now renders a time', '{{ now }}', undefined, {
    compare: bothMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d+)? \+0000 UTC m=\+\d+\.\d{9}$/),
  }),
  sc('date of now', '{{ now | date "2006-01-02" }}'),
  sc('ago of a recent time', '{{ ago now }}'),
  sc(
    'time methods',
    '{{ $t := toDate "2006-01-02 15:04:05" "2024-03-10 08:09:10" }}{{ $t.Year }} {{ $t.Month }} {{ $t.Day }} {{ $t.Hour }} {{ $t.Minute }} {{ $t.Second }} {{ $t.Weekday }} {{ $t.YearDay }} {{ $t.UTC }} {{ $t.IsZero }}',
  ),
  sc('toJson of a time', '{{ toJson (toDate "2006-01-02" "2024-03-10") }}'),
  sc('bcrypt makes a $2a$ hash', '{{ bcrypt "secret" }}', undefined, {
    compare: bothMatch(/^\$2a\$10\$[./A-Za-z0-9]{53}$/),
  }),
  sc('htpasswd', '{{ htpasswd "user" "pw" }}|{{ htpasswd "a:b" "pw" }}', undefined, {
    compare: bothMatch(/^user:\$2a\$10\$[./A-Za-z0-9]{53}\|invalid username: a:b$/),
  }),
  sc(
    'derivePassword is deterministic',
    '{{ derivePassword 1 "long" "password" "user" "example.com" }} {{ derivePassword 2 "pin" "pw" "u" "s" }} {{ derivePassword 1 "nope" "p" "u" "s" }}',
  ),
  sc(
    'encryptAES then decryptAES',
    '{{ encryptAES "secretkey" "plaintext" | decryptAES "secretkey" }} {{ encryptAES "k" "" }}|{{ decryptAES "k" "" }}',
  ),
  sc(
    'decryptAES of a known ciphertext',
    '{{ decryptAES "secretkey" "AAAAAAAAAAAAAAAAAAAAAFNsfCyGDCsg2ebH1VGe3JA=" }}',
    undefined,
    { compare: (a, b) => a === b },
  ),
  sc(
    'random strings have the right shape',
    '{{ randAlphaNum 12 }} {{ randAlpha 5 }} {{ randNumeric 7 }}',
    undefined,
    { compare: bothMatch(/^[A-Za-z0-9]{12} [A-Za-z]{5} [0-9]{7}$/) },
  ),
  sc('random strings of one kind', '{{ randAlpha 9 }}-{{ randNumeric 3 }}', undefined, {
    compare: sameShape,
  }),
  sc('randAscii length', '{{ randAscii 20 | len }}'),
  sc('randBytes is base64 of n bytes', '{{ randBytes 24 | len }} {{ randBytes 0 }}|'),
  sc('uuidv4 shape', '{{ uuidv4 }}', undefined, {
    compare: bothMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
  }),
  sc('shuffle keeps the letters', '{{ shuffle "hello" | len }}'),
  sc('genPrivateKey ecdsa', '{{ genPrivateKey "ecdsa" }}', undefined, {
    compare: bothMatch(/^-----BEGIN EC PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END EC PRIVATE KEY-----\n$/),
  }),
  sc('genPrivateKey ed25519', '{{ genPrivateKey "ed25519" | len }}'),
  sc('genPrivateKey of an unknown type', '{{ genPrivateKey "foo" }}'),
  sc(
    'genCA makes a CA certificate and key',
    '{{ $ca := genCA "my-ca" 365 }}{{ $ca.Cert | len | lt 900 }} {{ hasPrefix "-----BEGIN CERTIFICATE-----" $ca.Cert }} {{ hasPrefix "-----BEGIN RSA PRIVATE KEY-----" $ca.Key }}',
  ),
  sc(
    'genSignedCert signs with the CA',
    '{{ $ca := genCA "ca" 1 }}{{ $c := genSignedCert "svc" (list "10.0.0.1") (list "svc.ns.svc") 30 $ca }}{{ hasPrefix "-----BEGIN CERTIFICATE-----" $c.Cert }} {{ typeOf $c }}',
  ),
  sc('genSelfSignedCert with a bad IP fails', '{{ genSelfSignedCert "x" (list "not-an-ip") nil 1 }}'),
  sc('genSelfSignedCert with a non-string name fails', '{{ genSelfSignedCert "x" nil (list 1) 1 }}'),
  sc('genCAWithKey with bad PEM fails', '{{ genCAWithKey "x" 1 "nope" }}'),
  sc('buildCustomCert rejects bad base64', '{{ buildCustomCert "!!" "!!" }}'),
  sc('getHostByName is not run in templates here', '{{ typeOf getHostByName }}', undefined, {
    errors: 'location',
  }),
];
