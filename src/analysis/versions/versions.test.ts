import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hasTool } from '../../test-support/corpus.js';
import { compareApk, compareDpkg, compareGeneric, compareSemver, compareVersions, schemeFor, upstreamOf } from './index.js';

/** Asserts that `list` is strictly increasing under `cmp`, pair by pair and against every later element. */
function assertAscending(list: readonly string[], cmp: (a: string, b: string) => number | undefined): void {
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      assert.ok((cmp(list[i]!, list[j]!) ?? 0) < 0, `${list[i]} < ${list[j]}`);
      assert.ok((cmp(list[j]!, list[i]!) ?? 0) > 0, `${list[j]} > ${list[i]}`);
    }
    assert.equal(cmp(list[i]!, list[i]!), 0, `${list[i]} = itself`);
  }
}

const DPKG_PAIRS: [string, string][] = [
  ['1.0', '1.0-1'], ['1.0~rc1', '1.0'], ['1.0~~', '1.0~'], ['1:0.1', '2.0'], ['2.72-3+deb8u1', '2.72-3+deb8u2'],
  ['2.72-3+deb8u2', '2.72-3+deb8u10'], ['1.18.5-1ubuntu4', '1.18.5-1ubuntu4.1'], ['3.0.11-1~deb12u2', '3.0.11-1'],
  ['3.0.11-1~deb12u2', '3.0.13-1~deb12u1'], ['1.2.3a', '1.2.3'], ['1.2.3+b1', '1.2.3a'], ['0.9.8zh-1', '0.9.8zg-1'],
  ['1.0-0', '1.0'], ['1:1.18.5-1ubuntu4', '1.28.2'], ['7.66.0-3', '7.66.0-10'], ['2019.78-2', '2019.78-2.1'],
  ['1.36.1-r15', '1.36.1-r2'], ['a', 'A'], ['1.0.', '1.0'], ['00012', '12'], ['1.0+dfsg', '1.0-1'],
];

test('dpkg ordering agrees with dpkg --compare-versions', { skip: hasTool('dpkg') ? false : 'dpkg not installed' }, () => {
  for (const [a, b] of DPKG_PAIRS) {
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const lt = spawnSync('dpkg', ['--compare-versions', x, 'lt', y]).status === 0;
      const eq = spawnSync('dpkg', ['--compare-versions', x, 'eq', y]).status === 0;
      const expected = lt ? -1 : eq ? 0 : 1;
      assert.equal(compareDpkg(x, y), expected, `${x} vs ${y}`);
    }
  }
});

test('dpkg ordering: known sequences, epochs, tildes and security-update suffixes', () => {
  assertAscending(['1.0~alpha', '1.0~rc1', '1.0', '1.0-1', '1.0-1+deb8u1', '1.0-1+deb8u2', '1.0a', '1.1', '1:0.5'], compareDpkg);
  assertAscending(['2.72-3', '2.72-3+deb8u1', '2.72-3+deb8u2', '2.78-1'], compareDpkg);
  assert.equal(upstreamOf('1:1.18.5-1ubuntu4'), '1.18.5');
  assert.equal(upstreamOf('2.80-16.3'), '2.80');
  assert.equal(upstreamOf('1.4.55'), '1.4.55');
});

test('apk ordering: suffixes, letters, revisions and fractional components', () => {
  assertAscending(['1.2_alpha1', '1.2_beta', '1.2_pre2', '1.2_rc1', '1.2', '1.2-r1', '1.2_p1', '1.2a', '1.2.1', '1.10'], compareApk);
  assertAscending(['1.36.1-r2', '1.36.1-r15', '1.37.0-r0'], compareApk);
  assert.ok(compareApk('1.02', '1.1') < 0, 'leading zero compares as a fraction');
  assert.equal(compareApk('3.0.13-r0', '3.0.13-r0'), 0);
});

test('semver precedence follows the specification example and ignores build metadata', () => {
  assertAscending(['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.1.0', '2.0.0'], compareSemver);
  assert.equal(compareSemver('1.0.0+build.1', '1.0.0'), 0);
  assert.equal(compareSemver('v1.2', '1.2.0'), 0);
  assert.equal(compareSemver('1.1.1n', '1.1.1'), undefined);
});

test('generic upstream ordering: OpenSSL letters, OpenSSH patch levels, dates and pre-releases', () => {
  assertAscending(['1.0.2', '1.0.2a', '1.0.2z', '1.0.2za', '1.0.2zg', '1.1.0', '1.1.1', '1.1.1m', '1.1.1n', '1.1.1t', '3.0.0-alpha1', '3.0.0-beta2', '3.0.0', '3.0.5', '3.0.13'], compareGeneric);
  assertAscending(['7.9p1', '8.0', '8.0p1', '8.1p1', '9.3p2'], compareGeneric);
  assertAscending(['2014.65', '2016.73', '2016.74', '2019.78', '2020.79', '2022.83'], compareGeneric);
  assertAscending(['1.18.5', '1.25.0', '1.25.1', '1.28.2', '1.32.1', '1.36.0-rc1', '1.36.0'], compareGeneric);
  assertAscending(['2.72', '2.78', '2.80', '2.83', '2.90'], compareGeneric);
  assert.equal(compareGeneric('1.2', '1.2.0'), 0);
  assert.equal(compareGeneric('v2.1', '2.1'), 0);
});

test('the scheme follows the OSV ecosystem and range type', () => {
  assert.equal(schemeFor('Debian:12'), 'dpkg');
  assert.equal(schemeFor('Ubuntu:22.04:LTS'), 'dpkg');
  assert.equal(schemeFor('Alpine:v3.19'), 'apk');
  assert.equal(schemeFor('OpenWrt'), 'opkg');
  assert.equal(schemeFor('npm'), 'semver');
  assert.equal(schemeFor('CPE'), 'generic');
  assert.equal(schemeFor('OSS-Fuzz', 'SEMVER'), 'semver');
  // The same two versions order differently under different schemes: that is why the scheme matters.
  assert.ok(compareVersions('dpkg', '1.0~rc1', '1.0') < 0);
  assert.ok(compareVersions('apk', '1.0_rc1', '1.0') < 0);
  assert.ok(compareVersions('generic', '1.1.1n', '1.1.1') > 0);
  assert.ok(compareVersions('semver', '1.0.0-rc.1', '1.0.0') < 0);
});
