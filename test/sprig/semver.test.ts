/**
 * Masterminds/semver v3.4.0 behaviour. Inputs are our own; each expectation is what the Go library
 * printed for that input (NewVersion / StrictNewVersion / NewConstraint + Check + Validate + String).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseConstraint,
  parseStrictVersion,
  parseVersion,
  sortVersions,
} from '../../engines/semver/index.js';

function describeVersion(text: string): string {
  try {
    const v = parseVersion(text);
    return `${v}|${v.original}|${v.major}|${v.minor}|${v.patch}|${v.prerelease}|${v.metadata}`;
  } catch (err) {
    return `ERR ${(err as Error).message}`;
  }
}

// [input, "canonical|original|major|minor|patch|prerelease|metadata" or "ERR message"]
const coercedVersions: [string, string][] = [
  ['1.2.3', '1.2.3|1.2.3|1|2|3||'],
  ['v1.2.3', '1.2.3|v1.2.3|1|2|3||'],
  ['1.2', '1.2.0|1.2|1|2|0||'],
  ['v1', '1.0.0|v1|1|0|0||'],
  ['01.02.03', '1.2.3|01.02.03|1|2|3||'],
  ['1.2.3-rc.1+build.5', '1.2.3-rc.1+build.5|1.2.3-rc.1+build.5|1|2|3|rc.1|build.5'],
  ['1.2.3-01', 'ERR version segment starts with 0'],
  ['1.2.3-', 'ERR invalid semantic version'],
  ['1.2.3+a..b', 'ERR invalid semantic version'],
  ['1.2.3.4', 'ERR invalid semantic version'],
  ['latest', 'ERR invalid semantic version'],
  [
    '18446744073709551616.0.0',
    'ERR error parsing version segment: strconv.ParseUint: parsing "18446744073709551616": value out of range',
  ],
  [
    '18446744073709551615.0.0',
    '18446744073709551615.0.0|18446744073709551615.0.0|18446744073709551615|0|0||',
  ],
  ['1.2-1.4.5', '1.2.0-1.4.5|1.2-1.4.5|1|2|0|1.4.5|'],
  [' 1.2.3', 'ERR invalid semantic version'],
];

for (const [input, want] of coercedVersions) {
  test(`NewVersion(${JSON.stringify(input)}) gives ${want}`, () => {
    assert.equal(describeVersion(input), want);
  });
}

const strictVersions: [string, string][] = [
  ['1.2.3', '1.2.3'],
  ['v1.2.3', 'ERR invalid characters in version'],
  ['1.2', 'ERR invalid semantic version'],
  ['01.2.3', 'ERR version segment starts with 0'],
  ['1.2.3-alpha.1+meta', '1.2.3-alpha.1+meta'],
  ['1.2.3-alpha..1', 'ERR invalid prerelease string'],
  ['', 'ERR version string empty'],
  ['1..3', 'ERR strconv.ParseUint: parsing "": invalid syntax'],
];

for (const [input, want] of strictVersions) {
  test(`StrictNewVersion(${JSON.stringify(input)}) gives ${want}`, () => {
    let got: string;
    try {
      got = parseStrictVersion(input).toString();
    } catch (err) {
      got = `ERR ${(err as Error).message}`;
    }
    assert.equal(got, want);
  });
}

// [constraint, version, "check validate canonical [reasons]" or "ERR message"]
const constraintCases: [string, string, string][] = [
  ['>= 1.2, < 3.0.0', '2.5.0', 'true true >=1.2 <3.0.0 []'],
  ['>= 1.2, < 3.0.0', '3.0.0', 'false false >=1.2 <3.0.0 [3.0.0 is greater than or equal to 3.0.0]'],
  [
    '>=1.2.3 <2.0.0',
    '1.5.0-beta',
    'false false >=1.2.3 <2.0.0 [1.5.0-beta is a prerelease version and the constraint is only looking for release versions]',
  ],
  ['>=1.2.3-0 <2.0.0', '1.5.0-beta', 'true true >=1.2.3-0 <2.0.0 []'],
  [
    '*',
    '1.0.0-rc1',
    'false false * [1.0.0-rc1 is a prerelease version and the constraint is only looking for release versions]',
  ],
  [
    '>=0.0.0',
    '1.0.0-rc1',
    'false false >=0.0.0 [1.0.0-rc1 is a prerelease version and the constraint is only looking for release versions]',
  ],
  ['^0.0.3', '0.0.3', 'true true ^0.0.3 []'],
  [
    '^0.0.3',
    '0.0.4',
    'false false ^0.0.3 [0.0.4 does not equal 0.0.3. Expect version and constraint to equal when major and minor versions are 0]',
  ],
  ['^0.2.3', '0.2.9', 'true true ^0.2.3 []'],
  [
    '^0.2.3',
    '0.3.0',
    'false false ^0.2.3 [0.3.0 does not have same minor version as 0.2.3. Expected minor versions to match when constraint major version is 0]',
  ],
  ['^0', '0.9.9', 'true true ^0 []'],
  [
    '^0.0',
    '0.1.0',
    'false false ^0.0 [0.1.0 does not have same minor version as 0.0. Expected minor versions to match when constraint major version is 0]',
  ],
  ['^1.2', '1.9.0', 'true true ^1.2 []'],
  ['^1.2', '2.0.0', 'false false ^1.2 [2.0.0 does not have same major version as 1.2]'],
  ['~1.2.3', '1.2.9', 'true true ~1.2.3 []'],
  ['~1.2.3', '1.3.0', 'false false ~1.2.3 [1.3.0 does not have same major and minor version as 1.2.3]'],
  ['~1', '1.9.9', 'true true ~1 []'],
  ['~>2.0', '2.0.7', 'true true ~>2.0 []'],
  ['~0.0.0', '5.0.0', 'true true ~0.0.0 []'],
  ['1.2 - 1.4.5', '1.4.5', 'true true >=1.2 <=1.4.5 []'],
  ['1.2 - 1.4.5', '1.4.6', 'false false >=1.2 <=1.4.5 [1.4.6 is greater than 1.4.5]'],
  ['1.2-1.4.5', '1.2.0', 'true true 1.2-1.4.5 []'],
  ['!=4.x', '4.1.0', 'false false !=4.x [4.1.0 is equal to 4.x]'],
  ['!=4.x', '5.0.0', 'true true !=4.x []'],
  [
    '!=4.1.x',
    '4.1.0-beta',
    'false false !=4.1.x [4.1.0-beta is a prerelease version and the constraint is only looking for release versions]',
  ],
  ['>11', '11.1.0', 'false false >11 [11.1.0 is less than or equal to 11]'],
  ['>11', '12.0.0', 'true true >11 []'],
  ['>11.1', '11.1.5', 'false false >11.1 [11.1.5 is less than or equal to 11.1]'],
  ['>11.1', '11.2.0', 'true true >11.1 []'],
  ['<=1.x', '1.9.9', 'true true <=1.x []'],
  ['<=1.x', '2.0.0', 'false false <=1.x [2.0.0 is greater than 1.x]'],
  ['<=1.2', '1.2.9', 'true true <=1.2 []'],
  ['=1.2.3', 'v1.2.3', 'true true =1.2.3 []'],
  ['1.2.3', '1.2.4', 'false false 1.2.3 [1.2.4 is not equal to 1.2.3]'],
  ['1.x', '1.8.0', 'true true 1.x []'],
  [
    '1.x || >=3',
    '2.0.0',
    'false false 1.x || >=3 [2.0.0 does not have same major version as 1.x; 2.0.0 is less than 3]',
  ],
  ['1.x || >=3', '3.1.0', 'true true 1.x || >=3 []'],
  ['=> 1.0, =< 2.0', '2.0.0', 'true true =>1.0 =<2.0 []'],
  ['>1.0.0 <1.0.0 || ^5', '5.2.0', 'true true >1.0.0 <1.0.0 || ^5 []'],
  ['foo', '1.0.0', 'ERR improper constraint: foo'],
  ['>=1.0.0 foo', '1.0.0', 'ERR improper constraint: >=1.0.0 foo'],
  ['', '1.0.0', 'ERR improper constraint: '],
  ['>= 1.0 ||', '1.0.0', 'ERR improper constraint: '],
  ['>1|2', '1.0.0', 'ERR constraint parser error'],
  ['^1.0.0-beta', '1.0.0-alpha', 'false false ^1.0.0-beta [1.0.0-alpha is less than 1.0.0-beta]'],
  ['^1.0.0-beta', '1.5.0-alpha', 'true true ^1.0.0-beta []'],
  ['>=1.0.0-beta, <2', '1.0.0-beta.2', 'true true >=1.0.0-beta <2 []'],
  ['>=1 <2 || >=1.0.0-0 <2', '1.5.0-rc.1', 'true true >=1 <2 || >=1.0.0-0 <2 []'],
  ['x', '0.0.1', 'true true x []'],
  [
    '<1.0.0',
    '0.9.0-alpha',
    'false false <1.0.0 [0.9.0-alpha is a prerelease version and the constraint is only looking for release versions]',
  ],
  ['v1.2.3 - v2', '2.9.0', 'true true >=v1.2.3 <=v2 []'],
  ['~1.2.x', '1.2.7', 'true true ~1.2.x []'],
  ['>=1.0 , <2', '1.5.0', 'true true >=1.0 <2 []'],
  [
    '>=1.0',
    '1.0.0-0',
    'false false >=1.0 [1.0.0-0 is a prerelease version and the constraint is only looking for release versions]',
  ],
];

for (const [constraint, version, want] of constraintCases) {
  test(`constraint ${JSON.stringify(constraint)} against ${version}: ${want}`, () => {
    let got: string;
    try {
      const c = parseConstraint(constraint);
      const v = parseVersion(version);
      const r = c.validate(v);
      got = `${c.check(v)} ${r.ok} ${c} [${r.reasons.join('; ')}]`;
    } catch (err) {
      got = `ERR ${(err as Error).message}`;
    }
    assert.equal(got, want);
  });
}

const precedence: [string, string, number][] = [
  ['1.0.0-alpha', '1.0.0-alpha.1', -1],
  ['1.0.0-alpha.1', '1.0.0-alpha.beta', -1],
  ['1.0.0-alpha.beta', '1.0.0-beta', -1],
  ['1.0.0-beta.2', '1.0.0-beta.11', -1],
  ['1.0.0-rc.1', '1.0.0', -1],
  ['1.0.0+a', '1.0.0+b', 0],
  ['1.0.0-1', '1.0.0-a', -1],
  ['2.0.0', '10.0.0', -1],
];

for (const [a, b, want] of precedence) {
  test(`${a} compares ${want} to ${b} and the reverse is the opposite`, () => {
    assert.equal(parseVersion(a).compare(parseVersion(b)), want);
    assert.equal(parseVersion(b).compare(parseVersion(a)), want === 0 ? 0 : -want);
  });
}

test('includePrerelease admits prereleases in every group', () => {
  assert.equal(parseConstraint('>=1.0.0 <2').check(parseVersion('1.5.0-rc.1')), false);
  assert.equal(
    parseConstraint('>=1.0.0 <2', { includePrerelease: true }).check(parseVersion('1.5.0-rc.1')),
    true,
  );
});

test('increments keep the v prefix of the original and drop prerelease and metadata', () => {
  const v = parseVersion('v1.2.3-rc.1+b');
  assert.equal(v.incPatch().original, 'v1.2.3');
  assert.equal(v.incMinor().original, 'v1.3.0');
  assert.equal(v.incMajor().original, 'v2.0.0');
  assert.equal(parseVersion('1.2.3').incPatch().original, '1.2.4');
  assert.equal(v.setPrerelease('beta').original, 'v1.2.3-beta+b');
  assert.throws(() => v.setMetadata('a..b'), /invalid metadata string/);
});

test('sortVersions orders by precedence and keeps the originals', () => {
  const sorted = sortVersions(['v2', '1.0.0', '1.0.0-rc.1', '1.10.0', '1.2'].map(parseVersion));
  assert.deepEqual(
    sorted.map((v) => v.original),
    ['1.0.0-rc.1', '1.0.0', '1.2', '1.10.0', 'v2'],
  );
});
